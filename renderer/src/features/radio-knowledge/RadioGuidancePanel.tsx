import { useId } from 'react'
import type { Distinction, GuidanceCandidate, RadioGuidance } from '../../../../shared/knowledge/lookup'
import { summarizeGuidance } from '../../../../shared/knowledge/summarize'
import type { GuidanceState } from '../../lib/knowledge'
import { EntryDetails } from './EntryDetails'
import './radio-knowledge.css'

const DISTINCTION_TEXT: Record<Distinction, string> = {
  market: 'the market the car was sold in',
  'audio-system': 'the audio system fitted',
  model: 'the model',
  era: 'the radio generation',
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function Candidate({ candidate }: { readonly candidate: GuidanceCandidate }) {
  return (
    <>
      <p className="guidance__line" data-testid="guidance-line">
        {summarizeGuidance(candidate.entry)}
      </p>
      {candidate.mustConfirm.length > 0 ? (
        <p className="guidance__confirm">
          <strong>Only if:</strong> {candidate.mustConfirm.join(' ')}
        </p>
      ) : null}
      <EntryDetails entry={candidate.entry} why={candidate.why} />
    </>
  )
}

function Body({ guidance, vehicleText }: { readonly guidance: RadioGuidance; readonly vehicleText: string }) {
  switch (guidance.kind) {
    case 'match':
      return <Candidate candidate={guidance} />
    case 'several':
      return (
        <>
          <p className="guidance__lead">
            {guidance.candidates.length} kinds of radio could be in {vehicleText ? `this ${vehicleText}` : 'this vehicle'}
            {guidance.distinguishBy.length > 0
              ? `; they differ by ${listText(guidance.distinguishBy.map((item) => DISTINCTION_TEXT[item]))}`
              : ''}
            . Check the car and its radio before relying on one:
          </p>
          <ol className="guidance__candidates">
            {guidance.candidates.map((candidate) => (
              <li key={candidate.entry.id} className="guidance__candidate">
                <Candidate candidate={candidate} />
              </li>
            ))}
          </ol>
        </>
      )
    case 'no-year':
      return (
        <p className="guidance__line guidance__line--plain" data-testid="guidance-line">
          Add the model year to see what this radio needs.{' '}
          <span className="muted">
            ({guidance.candidates.length === 1 ? 'The' : `${guidance.candidates.length}`} {guidance.make}{' '}
            {guidance.candidates.length === 1 ? 'entry depends' : 'entries depend'} on the year.)
          </span>
        </p>
      )
    case 'no-entry':
      return (
        <>
          <p className="guidance__line guidance__line--plain" data-testid="guidance-line">
            The knowledge base has nothing for this {guidance.reason === 'model' ? 'model' : 'model year'}: treat the radio
            as unknown.
          </p>
          <p className="guidance__note">{guidance.explanation}</p>
        </>
      )
    case 'unknown-make':
      return (
        <p className="guidance__line guidance__line--plain" data-testid="guidance-line">
          The knowledge base has nothing for “{guidance.make}”: treat the radio as unknown.
        </p>
      )
    case 'invalid-query':
      return (
        <p className="guidance__line guidance__line--plain" data-testid="guidance-line">
          Add the make and model year to see what this radio needs.
        </p>
      )
  }
}

interface Props {
  readonly state: GuidanceState
  /** "2003 Honda Accord", for sentences. */
  readonly vehicleText: string
  readonly headingLevel?: 2 | 3
}

/** "Radio: what to expect": one line from the knowledge base, with the details a click (or Enter) away. */
export function RadioGuidancePanel({ state, vehicleText, headingLevel = 3 }: Props) {
  const headingId = useId()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="guidance" aria-labelledby={headingId} data-testid="radio-guidance">
      <Heading id={headingId} className="guidance__title">
        Radio: what to expect
      </Heading>
      {state.status === 'idle' ? (
        <p className="guidance__line guidance__line--plain" data-testid="guidance-line">
          Add the make and model year to see what this radio needs.
        </p>
      ) : null}
      {state.status === 'loading' ? (
        <p className="guidance__line guidance__line--plain" role="status">
          Looking it up…
        </p>
      ) : null}
      {state.status === 'failed' ? (
        <p className="guidance__line guidance__line--plain">The radio knowledge base could not be loaded. Restart the app to try again.</p>
      ) : null}
      {state.status === 'ready' ? <Body guidance={state.guidance} vehicleText={vehicleText} /> : null}
    </section>
  )
}
