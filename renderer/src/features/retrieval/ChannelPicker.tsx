import { useEffect, useRef, useState } from 'react'
import type { RetrievalChannelOption, RetrievalChannelOptions, RetrievalRequest } from '../../../../shared/domain/retrieval'
import { Notice } from '../../components/Notice'
import { api, errorMessage } from '../../lib/api'
import { channelHref, NOT_OFFERED_LABELS } from './channel-text'
import { cancelOnEscape } from '../../lib/cancel-on-escape'

interface Props {
  readonly vehicleId: number
  readonly radioId: number | null
  readonly onOpened: (request: RetrievalRequest) => void
  readonly onCancel: () => void
}

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly options: RetrievalChannelOptions } | { readonly status: 'error'; readonly message: string }

/** "Get the code": the knowledge base's legitimate channels for this vehicle, and the ones not offered with why. */
export function ChannelPicker({ vehicleId, radioId, onOpened, onCancel }: Props) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [opening, setOpening] = useState<string | null>(null)
  const [problem, setProblem] = useState<{ ref: string; message: string } | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    let cancelled = false
    api.retrieval.channelsForVehicle({ vehicleId }).then(
      (options) => {
        if (!cancelled) setLoad({ status: 'ready', options })
      },
      (error: unknown) => {
        if (!cancelled) setLoad({ status: 'error', message: errorMessage(error) })
      },
    )
    headingRef.current?.focus()
    return () => {
      cancelled = true
    }
  }, [vehicleId])

  const open = async (channel: RetrievalChannelOption) => {
    if (opening) return
    setOpening(channel.ref)
    setProblem(null)
    try {
      onOpened(await api.retrieval.open({ vehicleId, radioId, channel: channel.ref }))
    } catch (error) {
      setProblem({ ref: channel.ref, message: errorMessage(error) })
    } finally {
      setOpening(null)
    }
  }

  return (
    <section
      className="panel channel-picker"
      aria-labelledby="channel-picker-title"
      data-testid="channel-picker"
      onKeyDown={cancelOnEscape(onCancel)}
    >
      <div className="channel-picker__head">
        <h4 id="channel-picker-title" className="panel__title" ref={headingRef} tabIndex={-1}>
          Get the code: choose a channel
        </h4>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Close
        </button>
      </div>
      {load.status === 'loading' ? <p className="muted">Looking up the channels for this car…</p> : null}
      {load.status === 'error' ? (
        <Notice tone="error" title="The channels could not be shown">
          <p>{load.message}</p>
        </Notice>
      ) : null}
      {load.status === 'ready' ? (
        <>
          <p className="panel__lead">
            Only legitimate channels from the radio knowledge base are offered. {load.options.explanation}
          </p>
          {load.options.channels.length === 0 ? (
            <Notice tone="warning" title="No channel to offer">
              <p>The radio knowledge base lists nothing for this vehicle, so no channel is offered (none is made up). The make’s dealer is the usual place to ask.</p>
            </Notice>
          ) : (
            groupByEntry(load.options.channels).map((group) => (
              <section key={group.entryId} className="channel-group" aria-labelledby={`channel-group-${group.entryId}`}>
                <h5 id={`channel-group-${group.entryId}`} className="channel-group__title">
                  {group.entryLabel}
                </h5>
                {group.mustConfirm.length > 0 ? (
                  <p className="channel-group__confirm">
                    <strong>Only if:</strong> {group.mustConfirm.join(' ')}
                  </p>
                ) : null}
                <ul className="channel-list" aria-label={`Channels: ${group.entryLabel}`}>
                  {group.channels.map((channel) => (
                    <li key={channel.ref} className="channel-card" data-testid="channel-card" data-channel={channel.ref}>
                      <ChannelCard
                        channel={channel}
                        busy={opening === channel.ref}
                        problem={problem?.ref === channel.ref ? problem.message : null}
                        onOpen={() => void open(channel)}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
          <div className="channel-picker__not-offered" data-testid="not-offered">
            <h5 className="channel-picker__subtitle">Not offered</h5>
            <ul>
              {load.options.notOffered.map((item) => (
                <li key={item.channel}>
                  <strong>{NOT_OFFERED_LABELS[item.channel]}:</strong> {item.reason}
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
    </section>
  )
}

interface ChannelGroup {
  readonly entryId: string
  readonly entryLabel: string
  readonly mustConfirm: readonly string[]
  readonly channels: readonly RetrievalChannelOption[]
}

/** Channels by knowledge-base entry (the usual radio first), so "only if" is said once per kind of radio. */
function groupByEntry(channels: readonly RetrievalChannelOption[]): ChannelGroup[] {
  const groups: { entryId: string; entryLabel: string; mustConfirm: readonly string[]; channels: RetrievalChannelOption[] }[] = []
  for (const channel of channels) {
    const group = groups.find((item) => item.entryId === channel.entryId)
    if (group) group.channels.push(channel)
    else groups.push({ entryId: channel.entryId, entryLabel: channel.entryLabel, mustConfirm: channel.mustConfirm, channels: [channel] })
  }
  return groups
}

function ChannelCard({
  channel,
  busy,
  problem,
  onOpen,
}: {
  readonly channel: RetrievalChannelOption
  readonly busy: boolean
  readonly problem: string | null
  readonly onOpen: () => void
}) {
  const href = channel.url ? channelHref(channel.url) : null
  const titleId = `channel-${channel.ref.replace(/[^a-z0-9]+/gi, '-')}`
  return (
    <article aria-labelledby={titleId} className="channel-card__body">
      <div className="channel-card__head">
        <h6 id={titleId} className="channel-card__title">
          {channel.kindLabel}
        </h6>
        {channel.region ? <span className="tag">{channel.region}</span> : null}
      </div>
      <p>{channel.description}</p>
      {channel.url ? (
        <p className="channel-card__url">
          Website:{' '}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer">
              {channel.url}
            </a>
          ) : (
            channel.url
          )}
        </p>
      ) : null}
      <p className="channel-card__asks">
        <strong>What you need:</strong>{' '}
        {channel.checklist.length > 0 ? channel.checklist.map((item) => item.label).join(' · ') : 'The knowledge base does not say.'}
      </p>
      {channel.cautions.length > 0 ? (
        <ul className="channel-card__cautions" aria-label="Cautions">
          {channel.cautions.map((caution) => (
            <li key={caution}>{caution}</li>
          ))}
        </ul>
      ) : null}
      {channel.notes.length > 0 ? (
        <ul className="channel-card__notes">
          {channel.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div>
        <button type="button" className="button button--small" onClick={onOpen} aria-disabled={busy} aria-label="Open a request through this channel">
          {busy ? 'Opening…' : 'Open a request'}
        </button>
      </div>
    </article>
  )
}
