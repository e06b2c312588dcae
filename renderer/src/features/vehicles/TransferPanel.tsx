import { useEffect, useRef, useState, type FormEvent } from 'react'
import { describeVehicle, type VehicleDetail } from '../../../../shared/domain/vehicle'
import { CustomerPicker, type PickedCustomer } from '../../components/CustomerPicker'
import { Field } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'

interface Props {
  readonly detail: VehicleDetail
  readonly onDone: (detail: VehicleDetail, message: string) => void
  readonly onCancel: () => void
}

/** Moves the vehicle to a new owner, picked by search. Radios, codes and jobs stay with the vehicle. */
export function TransferPanel({ detail, onDone, onCancel }: Props) {
  const { vehicle } = detail
  const current = vehicle.currentOwner
  const [picked, setPicked] = useState<PickedCustomer | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pickError, setPickError] = useState<string | undefined>(undefined)
  const [saving, setSaving] = useState(false)
  const pickerRef = useRef<HTMLInputElement | null>(null)
  const confirmRef = useRef<HTMLButtonElement | null>(null)

  useEffect(() => {
    pickerRef.current?.focus()
  }, [])

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (saving) return
    if (!picked) {
      setPickError('Choose the new owner first: search for them above.')
      pickerRef.current?.focus()
      return
    }
    setSaving(true)
    setError(null)
    try {
      const next = await api.vehicles.transfer({ vehicleId: vehicle.id, toCustomerId: picked.id, notes: note })
      onDone(
        next,
        `Transferred to ${picked.name}.${current ? ` ${current.name} is kept as a previous owner.` : ''} The radio, its code and the job history stay with the ${describeVehicle(vehicle)}.`,
      )
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="panel transfer-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="transfer-title">
      <h3 id="transfer-title" className="panel__title">
        Transfer to a new owner
      </h3>
      <p className="panel__lead">
        {current ? `Owned now by ${current.name}. ` : 'No owner on file now. '}
        The radio, its code and the job history stay with the vehicle; the owner history keeps every owner.
      </p>
      {error ? (
        <Notice tone="error" title="Not transferred">
          <p>{error}</p>
        </Notice>
      ) : null}
      {picked ? (
        <p className="transfer-panel__picked">
          <span className="vehicle-form__owner-label">New owner</span>
          <strong data-testid="transfer-new-owner">{picked.name}</strong>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPicked(null)
              requestAnimationFrame(() => pickerRef.current?.focus())
            }}
          >
            Choose someone else
          </button>
        </p>
      ) : (
        <CustomerPicker
          id="transfer-owner-search"
          label="New owner"
          hint="Search by name or phone; ↑ ↓ and Enter pick."
          error={pickError}
          excludeId={current?.customerId ?? null}
          inputRef={pickerRef}
          onPick={(customer) => {
            setPicked(customer)
            setPickError(undefined)
            requestAnimationFrame(() => confirmRef.current?.focus())
          }}
        />
      )}
      <Field id="transfer-note" label="Note" optional hint="For example: sold privately; title seen.">
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button ref={confirmRef} type="submit" className="button button--primary" aria-disabled={saving}>
          {saving ? 'Transferring…' : picked ? `Transfer to ${picked.name}` : 'Transfer'}
        </button>
        <button type="button" className="button button--quiet form-actions__end" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
