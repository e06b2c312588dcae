import { ASK_FOR_CODE_CARD, type CodeSituation } from '../../../../shared/domain/battery-job'
import { Notice } from '../../components/Notice'

const TONE: Record<CodeSituation['kind'], 'success' | 'info' | 'warning'> = {
  'code-on-file-verified': 'success',
  'code-on-file': 'info',
  'code-expected-missing': 'warning',
  'no-code-expected': 'success',
  unknown: 'warning',
}

/** The code situation in plain words; with the “ask for the code card” prompt when a code may be needed and none is on file. */
export function CodeSituationBox({ situation, title }: { readonly situation: CodeSituation; readonly title?: string }) {
  const sentence = situation.askForCodeCard ? situation.sentence.replace(ASK_FOR_CODE_CARD, '').trim() : situation.sentence
  return (
    <Notice tone={TONE[situation.kind]} title={`${title ?? 'Radio code'}: ${situation.label}`} testId="code-situation">
      <p>{sentence}</p>
      {!situation.radioOnFile ? <p className="muted">No radio is recorded for this car yet; a code can only be stored once it is.</p> : null}
      {situation.askForCodeCard ? (
        <p className="ask-card" data-testid="ask-for-code-card">
          <strong>Ask the customer for their code card now:</strong> look in the owner’s manual wallet and the glove box.
        </p>
      ) : null}
    </Notice>
  )
}
