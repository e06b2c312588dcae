import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { FieldProblem } from '../../../../shared/api/errors'
import { shopSettingsSchema, type ShopSettings } from '../../../../shared/domain/shop'
import { isLogoDataUrl, LOGO_MAX_CHARS } from '../../../../shared/print/kit'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ApiCallError, api, errorMessage } from '../../lib/api'
import { clearDraft, useDraft } from '../../lib/drafts'
import { whenPointerSettles } from '../../lib/pointer-settle'
import { firstMessageByKey } from '../../lib/field-errors'
import { useShopSettings } from './use-shop-settings'
import '../printing/printing.css'

const DRAFT_KEY = 'settings.shop'
type ShopField = 'shopName' | 'shopPhone' | 'shopAddress'
const FIELDS: readonly ShopField[] = ['shopName', 'shopPhone', 'shopAddress']
/** The typed fields (kept as a draft); the logo is kept apart: it can be half a megabyte. */
type ShopText = Pick<ShopSettings, ShopField>
const LOGO_TYPES = 'image/png,image/jpeg,image/gif,image/webp,image/svg+xml'
const LOGO_MAX_KB = Math.floor((LOGO_MAX_CHARS * 3) / 4 / 1024)

function textOf(settings: ShopSettings): ShopText {
  return { shopName: settings.shopName, shopPhone: settings.shopPhone, shopAddress: settings.shopAddress }
}

/** Reads a picked image file as a data: URL (in the renderer; nothing is uploaded anywhere). */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsDataURL(file)
  })
}
type Errors = Partial<Record<ShopField | 'form', string>>

function toErrors(problems: readonly FieldProblem[]): Errors {
  return firstMessageByKey(problems, (path) => ((FIELDS as readonly string[]).includes(path) ? (path as ShopField) : 'form'))
}

function isShopEdits(value: unknown): value is ShopText | null {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const record = value as Record<string, unknown>
  return FIELDS.every((field) => typeof record[field] === 'string')
}

function validate(values: ShopText): Errors {
  const result = shopSettingsSchema.safeParse(values)
  return result.success ? {} : toErrors(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })))
}

/** Shop name, phone and address: printed on every code card and test page. */
export function ShopDetailsForm() {
  const { state, reload, replace } = useShopSettings()
  // null: nothing edited, show what is saved.
  const [edits, setEdits] = useDraft<ShopText | null>(DRAFT_KEY, () => null, isShopEdits)
  // undefined: the saved logo stands; null: removed; a string: a new one, not saved yet.
  const [logo, setLogo] = useState<string | null | undefined>(undefined)
  const [logoError, setLogoError] = useState<string | null>(null)
  const [edited, setEdited] = useState<ReadonlySet<ShopField>>(() => new Set())
  const [touched, setTouched] = useState<ReadonlySet<ShopField>>(() => new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Errors>({})
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const savingRef = useRef(false)

  const saved = state.status === 'ready' ? state.settings : null
  const values = edits ?? (saved ? textOf(saved) : null)
  const shownLogo = logo === undefined ? (saved?.logoDataUrl ?? null) : logo
  const clientErrors = useMemo(() => (values ? validate(values) : {}), [values])
  const errorFor = (field: ShopField) =>
    serverErrors[field] ?? (submitted || touched.has(field) ? clientErrors[field] : undefined)

  if (state.status === 'loading') {
    return (
      <section className="settings-card" aria-labelledby="shop-details-title">
        <h2 id="shop-details-title">Shop details</h2>
        <p role="status">Loading…</p>
      </section>
    )
  }
  if (state.status === 'error' || !values) {
    return (
      <section className="settings-card" aria-labelledby="shop-details-title">
        <h2 id="shop-details-title">Shop details</h2>
        <Notice tone="error" title="The shop details could not be loaded">
          <p>{state.status === 'error' ? state.message : ''}</p>
        </Notice>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </section>
    )
  }

  const change = (field: ShopField, value: string) => {
    setEdits({ ...textOf(values), [field]: value })
    setOutcome(null)
    if (!edited.has(field)) setEdited((current) => new Set(current).add(field))
    if (field in serverErrors) setServerErrors(({ [field]: _dropped, ...rest }) => rest)
  }

  const save = async () => {
    if (savingRef.current) return
    setSubmitted(true)
    setOutcome(null)
    const first = FIELDS.find((field) => field in clientErrors)
    if (first) {
      document.getElementById(`shop-${first}`)?.focus()
      return
    }
    savingRef.current = true
    setSaving(true)
    try {
      const current = logo === undefined ? saved?.logoDataUrl : logo
      const result = await api.settings.updateShop({ ...textOf(values), ...(current !== undefined ? { logoDataUrl: current } : {}) })
      replace(result)
      clearDraft(DRAFT_KEY)
      setEdits(null)
      setLogo(undefined)
      setSubmitted(false)
      setEdited(new Set())
      setTouched(new Set())
      setOutcome({ tone: 'success', text: 'Shop details saved.' })
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'VALIDATION' && error.fields.length > 0) {
        setServerErrors(toErrors(error.fields))
      } else {
        setOutcome({ tone: 'error', text: `Not saved: ${errorMessage(error)} Everything you typed is still here.` })
      }
    } finally {
      savingRef.current = false
      setSaving(false)
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void save()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    }
  }
  const pickLogo = async (file: File | undefined) => {
    setLogoError(null)
    setOutcome(null)
    if (!file) return
    try {
      const url = await readAsDataUrl(file)
      if (url.length > LOGO_MAX_CHARS) setLogoError(`That file is too big for a logo: use one under ${LOGO_MAX_KB} KB.`)
      else if (!isLogoDataUrl(url)) setLogoError('Choose a PNG, JPEG, GIF, WebP or SVG image.')
      else setLogo(url)
    } catch (error) {
      setLogoError(errorMessage(error))
    }
  }

  const touch = (field: ShopField) => {
    if (edited.has(field) && !touched.has(field)) {
      whenPointerSettles(() => setTouched((current) => new Set(current).add(field)))
    }
  }

  return (
    <section className="settings-card" aria-labelledby="shop-details-title">
      <h2 id="shop-details-title">Shop details</h2>
      <p className="settings-card__lead">Printed on every code card, guide and test page.</p>
      <form className="settings-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <Field id="shop-shopName" label="Shop name" error={errorFor('shopName')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="text"
              autoComplete="off"
              value={values.shopName}
              onChange={(event) => change('shopName', event.target.value)}
              onBlur={() => touch('shopName')}
            />
          )}
        </Field>
        <Field id="shop-shopPhone" label="Shop phone" error={errorFor('shopPhone')}>
          {(control) => (
            <input
              {...control}
              className="input input--medium"
              type="tel"
              autoComplete="off"
              value={values.shopPhone}
              onChange={(event) => change('shopPhone', event.target.value)}
              onBlur={() => touch('shopPhone')}
            />
          )}
        </Field>
        <Field id="shop-shopAddress" label="Address" error={errorFor('shopAddress')}>
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              value={values.shopAddress}
              onChange={(event) => change('shopAddress', event.target.value)}
              onBlur={() => touch('shopAddress')}
            />
          )}
        </Field>
        <div className={`field shop-logo${logoError ? ' field--invalid' : ''}`}>
          <span className="field__label" id="shop-logo-label">
            Logo <span className="field__optional">(optional; printed on cards and letters)</span>
          </span>
          <div className="shop-logo__row">
            {shownLogo ? (
              <img className="shop-logo__preview" src={shownLogo} alt="The shop’s logo" data-testid="shop-logo-preview" />
            ) : (
              <span className="muted">No logo</span>
            )}
            <label className="button button--small" htmlFor="shop-logo-file">
              {shownLogo ? 'Choose another image…' : 'Choose an image…'}
            </label>
            <input
              id="shop-logo-file"
              className="visually-hidden"
              type="file"
              accept={LOGO_TYPES}
              aria-labelledby="shop-logo-label"
              aria-describedby={logoError ? 'shop-logo-error' : 'shop-logo-hint'}
              onChange={(event) => {
                void pickLogo(event.target.files?.[0])
                event.target.value = ''
              }}
            />
            {shownLogo ? (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => {
                  setLogo(null)
                  setLogoError(null)
                }}
              >
                Remove logo
              </button>
            ) : null}
          </div>
          {logoError ? (
            <p className="field__error" id="shop-logo-error" role="alert">
              {logoError}
            </p>
          ) : (
            <p className="field__hint" id="shop-logo-hint">
              PNG, JPEG, GIF, WebP or SVG, under {LOGO_MAX_KB} KB. A wide logo on a white background prints best.
            </p>
          )}
        </div>
        {serverErrors.form ? (
          <Notice tone="error">
            <p>{serverErrors.form}</p>
          </Notice>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={saving}>
            {saving ? 'Saving…' : 'Save shop details'}
          </button>
          {edits || logo !== undefined ? <span className="form-actions__hint">Not saved yet</span> : null}
        </div>
        {outcome ? (
          <Notice tone={outcome.tone}>
            <p>{outcome.text}</p>
          </Notice>
        ) : null}
      </form>
    </section>
  )
}
