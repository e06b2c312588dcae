import { useEffect, useRef, useState, type FormEvent } from 'react'
import { idleLockMinutesSchema, type IdleLockSetting } from '../../../../shared/domain/idle-lock'
import { useDesk } from '../../app/desk-context'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { useDataChanged } from '../../lib/use-data-changed'

type SettingState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly setting: IdleLockSetting }
  | { readonly status: 'error'; readonly message: string }

function minutesWords(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

function minutesProblem(text: string): { minutes: number } | { problem: string } {
  const trimmed = text.trim()
  if (trimmed === '') return { problem: 'Enter the minutes as a number.' }
  if (!/^\d+$/.test(trimmed)) return { problem: 'Use whole minutes, digits only.' }
  const parsed = idleLockMinutesSchema.safeParse(Number(trimmed))
  return parsed.success ? { minutes: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'That number of minutes cannot be used.' }
}

/** Settings → Sign-out after idle: everyone sees it; a manager changes it (saved at once for the desk, audited by main). */
export function IdleLockSection() {
  const desk = useDesk()
  const [state, setState] = useState<SettingState>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const [typed, setTyped] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const savingRef = useRef(false)

  useDataChanged((change) => {
    if (change.entity === 'shop-settings') setVersion((n) => n + 1)
  })

  useEffect(() => {
    let cancelled = false
    api.settings.getIdleLock({}).then(
      (setting) => {
        if (!cancelled) setState({ status: 'ready', setting })
      },
      (caught: unknown) => {
        if (!cancelled) setState({ status: 'error', message: errorMessage(caught) })
      },
    )
    return () => {
      cancelled = true
    }
  }, [version])

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (savingRef.current || state.status !== 'ready') return
    setOutcome(null)
    const checked = minutesProblem(typed ?? String(state.setting.minutes))
    if ('problem' in checked) {
      setError(checked.problem)
      document.getElementById('idle-lock-minutes')?.focus()
      return
    }
    setError(null)
    savingRef.current = true
    setSaving(true)
    try {
      const setting = await api.settings.setIdleLock({ minutes: checked.minutes })
      setState({ status: 'ready', setting })
      setTyped(null)
      setOutcome({ tone: 'success', text: `Saved: the desk signs out after ${minutesWords(setting.minutes)} without use.` })
    } catch (caught) {
      setOutcome({ tone: 'error', text: `Not saved: ${errorMessage(caught)}` })
    } finally {
      savingRef.current = false
      setSaving(false)
    }
  }

  return (
    <section className="settings-card" aria-labelledby="idle-lock-title">
      <h2 id="idle-lock-title">Sign-out after idle</h2>
      <p className="settings-card__lead">
        When nobody uses the desk for this long, whoever is signed in is signed out, so a passer-by cannot use their account. Anything typed
        into a form is kept.
      </p>
      {state.status === 'loading' ? <p role="status">Loading…</p> : null}
      {state.status === 'error' ? (
        <>
          <Notice tone="error" title="The setting could not be loaded">
            <p>{state.message}</p>
          </Notice>
          <button type="button" className="button" onClick={() => setVersion((n) => n + 1)}>
            Try again
          </button>
        </>
      ) : null}
      {state.status === 'ready' && !desk.isManager ? (
        <p data-testid="idle-lock-read-only">
          <strong>{minutesWords(state.setting.minutes)}</strong>
          {state.setting.isDefault ? ' (the standard time)' : ''}. Only a manager can change it.
        </p>
      ) : null}
      {state.status === 'ready' && desk.isManager ? (
        <form className="settings-form" noValidate onSubmit={(event) => void save(event)}>
          <Field
            id="idle-lock-minutes"
            label="Minutes without use"
            hint={`From ${state.setting.minMinutes} to ${state.setting.maxMinutes}. Standard: ${state.setting.defaultMinutes}.`}
            error={error ?? undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input input--short"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={typed ?? String(state.setting.minutes)}
                onChange={(event) => {
                  setTyped(event.target.value)
                  setError(null)
                  setOutcome(null)
                }}
              />
            )}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={saving}>
              {saving ? 'Saving…' : 'Save sign-out time'}
            </button>
            {typed !== null && typed !== String(state.setting.minutes) ? <span className="form-actions__hint">Not saved yet</span> : null}
          </div>
          {outcome ? (
            <Notice tone={outcome.tone} testId="idle-lock-outcome">
              <p>{outcome.text}</p>
            </Notice>
          ) : null}
        </form>
      ) : null}
    </section>
  )
}
