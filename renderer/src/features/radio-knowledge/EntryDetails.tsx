import { useState } from 'react'
import type { ChannelKind, KnowledgeEntry, Note } from '../../../../shared/knowledge/schema'
import { useKnowledgeBase } from '../../lib/knowledge'

const CHANNEL_NAMES: Record<ChannelKind, string> = {
  'code-card': 'Code card',
  'glovebox-sticker': 'Glove-box sticker',
  'other-label-or-note': 'Other labels',
  'owners-documents': 'Owner’s documents',
  owner: 'The owner',
  dealer: 'Dealer',
  'manufacturer-website': 'Maker’s website',
  'manufacturer-customer-service': 'Maker’s customer service',
}

function Notes({ notes }: { readonly notes: readonly Note[] }) {
  if (notes.length === 0) return null
  return (
    <ul className="entry-details__notes">
      {notes.map((note) => (
        <li key={note.text}>{note.text}</li>
      ))}
    </ul>
  )
}

function lockoutFacts(entry: KnowledgeEntry): string | null {
  const lockout = entry.lockout
  if (!lockout) return null
  const parts: string[] = []
  if (lockout.triesBeforeLockout !== null) parts.push(`${lockout.triesApproximate ? 'about ' : ''}${lockout.triesBeforeLockout} wrong tries`)
  if (lockout.waitMinutes) {
    const { min, max } = lockout.waitMinutes
    const text = max === null ? `more than ${min}` : min === max ? `${min}` : `${min}–${max}`
    parts.push(`then wait ${text} minutes`)
  }
  if (lockout.conditions) parts.push(lockout.conditions.replace(/\.$/, '').toLowerCase())
  return parts.length > 0 ? parts.join('; ') : null
}

interface Props {
  readonly entry: KnowledgeEntry
  /** How the query fits this entry (years, confidence). */
  readonly why?: readonly string[]
}

/** Everything the knowledge base says about one kind of radio, behind a disclosure. */
export function EntryDetails({ entry, why = [] }: Props) {
  const [open, setOpen] = useState(false)
  const kb = useKnowledgeBase(open)
  const lockout = lockoutFacts(entry)
  const serial = entry.serial

  return (
    <details className="entry-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="entry-details__summary">Details: code, serial, entering it, lockout, sources</summary>
      <div className="entry-details__body">
        {why.length > 0 ? <p className="entry-details__why">{why.join(' ')}</p> : null}

        {entry.codeFormat ? (
          <section>
            <h4>Code format</h4>
            <p>{entry.codeFormat.description}</p>
          </section>
        ) : null}
        {entry.pairing ? (
          <section>
            <h4>No code: the radio pairs with the car</h4>
            <Notes notes={entry.pairing.howItWorks} />
            {entry.pairing.ifItFails.length > 0 ? (
              <>
                <p className="entry-details__sub">If it does not come back by itself:</p>
                <Notes notes={entry.pairing.ifItFails} />
              </>
            ) : null}
          </section>
        ) : null}
        {entry.lockedDisplay ? (
          <section>
            <h4>What the display shows</h4>
            <ul className="entry-details__notes">
              {entry.lockedDisplay.texts.map((item) => (
                <li key={item.text}>
                  <span className="entry-details__display">{item.text}</span>
                  {item.meaning ? ` — ${item.meaning}` : ''}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {serial ? (
          <section>
            <h4>Where the {serial.status === 'described' ? serial.name : 'serial'} is</h4>
            {serial.status === 'described' ? (
              <>
                {serial.format ? <p>{serial.format}.</p> : null}
                <Notes notes={serial.whereFound} />
                {serial.showOnDisplay.map((method) => (
                  <div key={method.steps.join('|')} className="entry-details__method">
                    <p className="entry-details__sub">
                      Show it on the display{method.short ? ` (${method.short})` : ''}
                      {method.appliesTo ? <span className="muted"> — {method.appliesTo}</span> : null}
                    </p>
                    <ol className="entry-details__steps">
                      {method.steps.map((step) => (
                        <li key={step}>{step}</li>
                      ))}
                    </ol>
                  </div>
                ))}
                <Notes notes={serial.notes} />
              </>
            ) : (
              <p>{serial.reason}</p>
            )}
          </section>
        ) : null}

        {entry.entry ? (
          <section>
            <h4>How to enter the code</h4>
            <ol className="entry-details__steps">
              {entry.entry.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <Notes notes={entry.entry.notes} />
          </section>
        ) : null}

        {entry.lockout ? (
          <section>
            <h4>Lockout{lockout ? `: ${lockout}` : ''}</h4>
            <p>{entry.lockout.rule}</p>
            <Notes notes={entry.lockout.variants} />
          </section>
        ) : null}

        {entry.channels.length > 0 ? (
          <section>
            <h4>Where to get the code</h4>
            <ul className="entry-details__notes">
              {entry.channels.map((channel) => (
                <li key={`${channel.kind}-${channel.description}`}>
                  <strong>{CHANNEL_NAMES[channel.kind]}</strong>
                  {channel.region ? ` (${channel.region})` : ''}: {channel.description}
                  {channel.url ? <span className="entry-details__url"> {channel.url}</span> : null}
                  {channel.asks.length > 0 ? <span className="muted"> Asks for: {channel.asks.join(', ')}.</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {entry.appRules.length > 0 || entry.notes.length > 0 ? (
          <section>
            <h4>Notes</h4>
            <Notes notes={[...entry.appRules, ...entry.notes]} />
          </section>
        ) : null}

        {entry.excludedByPolicy.length > 0 ? (
          <section>
            <h4>Not provided by this app</h4>
            <p>{entry.excludedByPolicy.map((item) => item.replace(/\.$/, '')).join('; ')}. Use the legitimate channels above.</p>
          </section>
        ) : null}

        <section>
          <h4>Confidence: {entry.confidence.level.replace('-', ' ')}</h4>
          <p>{entry.confidence.asStated}</p>
        </section>
        <section>
          <h4>Sources</h4>
          {kb ? (
            <ul className="entry-details__sources">
              {entry.sources.map((id) => (
                <li key={id}>
                  <span className="entry-details__source-id">[{id}]</span>{' '}
                  {kb.sources.find((source) => source.id === id)?.citation ?? 'Not in the source list.'}
                </li>
              ))}
            </ul>
          ) : (
            <p>{entry.sources.map((id) => `[${id}]`).join(' ')}</p>
          )}
        </section>
      </div>
    </details>
  )
}
