import { mayPrintCodes } from '../../../../shared/domain/staff'
import { ApiCallError, errorMessage } from '../../lib/api'
import { deskMember } from '../codes/code-text'

export const NO_PRINT_PERMISSION = 'Your account may not print code cards. A manager can allow it under Settings → Staff.'

export type PrintRefusal = { readonly kind: 'needs-pin' } | { readonly kind: 'refused'; readonly message: string }

/**
 * Why main refused to print (or save) a code card, in the desk's words. A
 * FORBIDDEN answer means signed out, no permission, or a PIN is needed (or
 * was wrong); which one is read from who is signed in.
 */
export async function explainPrintRefusal(error: unknown): Promise<PrintRefusal> {
  if (error instanceof ApiCallError && error.code === 'SIGNED_OUT') {
    return { kind: 'refused', message: 'You were signed out. Sign in again, then print once more.' }
  }
  if (!(error instanceof ApiCallError) || error.code !== 'FORBIDDEN') return { kind: 'refused', message: errorMessage(error) }
  const member = await deskMember()
  if (member === null) return { kind: 'refused', message: 'Nobody is signed in at the desk. Sign in with your PIN, then print again.' }
  if (!mayPrintCodes(member)) return { kind: 'refused', message: NO_PRINT_PERMISSION }
  return { kind: 'needs-pin' }
}

/** "en"/"es" from the document's <html lang>, for "printed in Spanish (the customer's language)". */
export function documentLanguage(html: string): string | null {
  const lang = /<html[^>]*\blang="([a-z-]+)"/i.exec(html)?.[1]?.toLowerCase() ?? null
  if (lang === null) return null
  if (lang.startsWith('es')) return 'Spanish'
  if (lang.startsWith('en')) return 'English'
  return lang
}
