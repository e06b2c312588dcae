import type { RetrievalChannelOptions } from '../../../../shared/domain/retrieval'
import { Field } from '../../components/Field'
import { api } from '../../lib/api'
import { useLive } from './use-job'

export interface RetrievalPick {
  readonly open: boolean
  readonly channel: string
  readonly followUpOn: string
}

export function isRetrievalPick(value: unknown): value is RetrievalPick {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v['open'] === 'boolean' && typeof v['channel'] === 'string' && typeof v['followUpOn'] === 'string'
}

/** The channels the radio report lists for this vehicle; null while loading. */
export function useRetrievalChannels(vehicleId: number, enabled: boolean): { options: RetrievalChannelOptions | null; error: string | null } {
  const { value, error } = useLive(
    () => (enabled ? api.retrieval.channelsForVehicle({ vehicleId }) : Promise.resolve(null)),
    [vehicleId, enabled],
  )
  return { options: value, error }
}

interface Props {
  readonly idPrefix: string
  readonly options: RetrievalChannelOptions | null
  readonly error: string | null
  readonly value: RetrievalPick
  readonly onChange: (next: RetrievalPick) => void
  readonly label: string
}

/** “Also open a code retrieval request”: one of the report's channels and a follow-up date. Never an invented channel. */
export function RetrievalChoice({ idPrefix, options, error, value, onChange, label }: Props) {
  if (error) return <p className="field__error">The retrieval channels could not be loaded: {error}</p>
  if (!options) return <p className="muted">Looking up where this radio’s code can be requested…</p>
  if (options.channels.length === 0) {
    return (
      <p className="muted" data-testid="no-retrieval-channels">
        The radio report lists no place to request this radio’s code ({options.explanation}). Ask the customer for their card, or
        choose another way to protect the radio before the battery comes off.
      </p>
    )
  }
  const channel = value.channel || options.channels[0]?.ref || ''
  const chosen = options.channels.find((c) => c.ref === channel) ?? null
  return (
    <fieldset className="retrieval-choice">
      <legend className="visually-hidden">Code retrieval request</legend>
      <label className="check-row">
        <input
          type="checkbox"
          checked={value.open}
          onChange={(event) => onChange({ ...value, channel, open: event.target.checked })}
        />
        <span>{label}</span>
      </label>
      {value.open ? (
        <div className="retrieval-choice__details">
          <div className="choice-list" role="radiogroup" aria-label="Where to request the code">
            {options.channels.map((option) => (
              <label key={option.ref} className="choice">
                <input
                  type="radio"
                  name={`${idPrefix}-channel`}
                  value={option.ref}
                  checked={option.ref === channel}
                  onChange={() => onChange({ ...value, channel: option.ref })}
                />
                <span className="choice__text">
                  <span className="choice__title">{option.kindLabel}</span>
                  <span className="choice__detail">{option.description}</span>
                </span>
              </label>
            ))}
          </div>
          {chosen && chosen.asks.length > 0 ? (
            <p className="muted">It asks for: {chosen.asks.join('; ')}.</p>
          ) : null}
          {chosen && chosen.cautions.length > 0 ? <p className="job-caution">{chosen.cautions.join(' ')}</p> : null}
          <Field id={`${idPrefix}-follow-up`} label="Follow up on" optional hint="The Today board reminds the desk on this day.">
            {(control) => (
              <input
                {...control}
                className="input input--date"
                type="date"
                value={value.followUpOn}
                onChange={(event) => onChange({ ...value, channel, followUpOn: event.target.value })}
              />
            )}
          </Field>
        </div>
      ) : null}
    </fieldset>
  )
}
