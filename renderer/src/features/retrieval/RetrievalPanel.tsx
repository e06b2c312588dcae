import { useRef, useState } from 'react'
import type { RadioCodeStatus } from '../../../../shared/domain/radio'
import { Notice } from '../../components/Notice'
import { ChannelPicker } from './ChannelPicker'
import { RequestCard } from './RequestCard'
import { useRetrievalRequests } from './use-retrieval-requests'
import './retrieval.css'

interface Props {
  readonly vehicleId: number
  /** The installed radio, or null when none is recorded. */
  readonly radioId: number | null
  readonly codeStatus: RadioCodeStatus
}

/**
 * Getting an unknown code through a legitimate channel: "Get the code" lists
 * the knowledge base's channels for this vehicle; each request is tracked
 * from needed to verified.
 */
export function RetrievalPanel({ vehicleId, radioId, codeStatus }: Props) {
  const { state, replace } = useRetrievalRequests(vehicleId)
  const [picking, setPicking] = useState(false)
  const titleRef = useRef<HTMLHeadingElement>(null)
  const requests = state.status === 'ready' ? state.requests : []
  const open = requests.filter((request) => request.isOpen)
  const closed = requests.filter((request) => !request.isOpen)

  if (state.status === 'loading') return null
  // Nothing to track and nothing needed: the page stays quiet.
  if (requests.length === 0 && (radioId === null || codeStatus !== 'none') && !picking) {
    return radioId !== null && codeStatus === 'on-file' ? (
      <p className="retrieval__aside">
        The code on file does not work?{' '}
        <button type="button" className="link-button" onClick={() => setPicking(true)}>
          Get it through a channel
        </button>
      </p>
    ) : null
  }

  return (
    <section className="retrieval" aria-labelledby="retrieval-title" data-testid="retrieval">
      <div className="retrieval__head">
        <h4 id="retrieval-title" className="retrieval__title" ref={titleRef} tabIndex={-1}>
          Getting the code
        </h4>
        {!picking && codeStatus !== 'verified' ? (
          <button
            type="button"
            className={`button button--small${codeStatus === 'none' && open.length === 0 ? ' button--primary' : ''}`}
            onClick={() => setPicking(true)}
          >
            {open.length > 0 ? 'Try another channel' : 'Get the code'}
          </button>
        ) : null}
      </div>
      {codeStatus === 'none' && open.length === 0 && !picking ? (
        <p className="retrieval__lead">
          The code is not on file. If the owner has no card or sticker, get it through a legitimate channel: press “Get the code” to see what the
          knowledge base lists for this car and what each channel asks for.
        </p>
      ) : null}
      {state.status === 'error' ? (
        <Notice tone="error" title="The requests could not be shown">
          <p>{state.message}</p>
        </Notice>
      ) : null}
      {picking ? (
        <ChannelPicker
          vehicleId={vehicleId}
          radioId={radioId}
          onOpened={(request) => {
            replace(request)
            setPicking(false)
            requestAnimationFrame(() => document.getElementById(`request-${request.id}-title`)?.closest('article')?.scrollIntoView({ block: 'nearest' }))
          }}
          onCancel={() => {
            setPicking(false)
            requestAnimationFrame(() => titleRef.current?.focus())
          }}
        />
      ) : null}
      {open.length > 0 ? (
        <div className="retrieval__list" aria-label="Open requests" role="group">
          {open.map((request) => (
            <RequestCard key={request.id} request={request} installedRadioId={radioId} onChanged={replace} />
          ))}
        </div>
      ) : null}
      {closed.length > 0 ? (
        <details className="retrieval__closed" open={open.length === 0 && closed.length <= 2}>
          <summary>
            Closed requests ({closed.length})
          </summary>
          <div className="retrieval__list">
            {closed.map((request) => (
              <RequestCard key={request.id} request={request} installedRadioId={radioId} onChanged={replace} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  )
}

export default RetrievalPanel
