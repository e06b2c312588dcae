import { useRef, useState } from 'react'
import type { RevealedCode } from '../../../../shared/domain/radio-code'
import { api } from '../../lib/api'
import { explainRefusal, NO_REVEAL_PERMISSION } from './code-text'

export type Disclosure =
  | { readonly step: 'idle' }
  | { readonly step: 'working' }
  | { readonly step: 'pin'; readonly error: string | null; readonly busy: boolean }
  | { readonly step: 'shown'; readonly code: string; readonly verified: boolean; readonly recipient: string | null }
  | { readonly step: 'refused'; readonly message: string }

/**
 * Showing a code: first without a PIN (main accepts a PIN typed in the last
 * two minutes), then, if main wants one, with the PIN dialog. The code is kept
 * only while it is shown; hiding drops it.
 */
export function useDisclosure() {
  const [state, setState] = useState<Disclosure>({ step: 'idle' })
  const codeIdRef = useRef<number | null>(null)

  const showRevealed = (revealed: RevealedCode, recipient: string | null) => {
    setState({ step: 'shown', code: revealed.code, verified: revealed.verifiedAt !== null, recipient })
  }

  const reveal = async (codeId: number) => {
    codeIdRef.current = codeId
    setState({ step: 'working' })
    try {
      showRevealed(await api.codes.reveal({ codeId, pin: null }), null)
    } catch (error) {
      const refusal = await explainRefusal(error, NO_REVEAL_PERMISSION)
      setState(refusal.kind === 'needs-pin' ? { step: 'pin', error: null, busy: false } : { step: 'refused', message: refusal.message })
    }
  }

  const submitPin = async (pin: string) => {
    const codeId = codeIdRef.current
    if (codeId === null) return
    setState({ step: 'pin', error: null, busy: true })
    try {
      showRevealed(await api.codes.reveal({ codeId, pin }), null)
    } catch (error) {
      const refusal = await explainRefusal(error, NO_REVEAL_PERMISSION)
      if (refusal.kind === 'needs-pin') {
        // Wrong PIN, or locked: main's words (attempts left, until when).
        setState({ step: 'pin', error: error instanceof Error ? error.message : 'That PIN was not accepted.', busy: false })
      } else {
        setState({ step: 'refused', message: refusal.message })
      }
    }
  }

  return {
    state,
    reveal,
    submitPin,
    showRevealed,
    hide: () => setState({ step: 'idle' }),
  }
}
