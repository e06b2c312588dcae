/*
 * A restore signs everyone out, so the Backups tab that started it is gone by
 * the time it finishes. These notes carry what happened across: one for the
 * sign-in screen (why everyone was signed out), one for the Backups tab when
 * it is shown again after signing in (what was restored, where the data as it
 * was before is kept).
 */
let signOutNote: string | null = null
let outcomeNote: { readonly tone: 'success' | 'error'; readonly text: string } | null = null

export function noteRestoreSignOut(text: string | null): void {
  signOutNote = text
}

/** The sign-in screen's note after a restore, once; null when the sign-out had another cause. */
export function takeRestoreSignOutNote(): string | null {
  const note = signOutNote
  signOutNote = null
  return note
}

export function noteRestoreOutcome(note: { readonly tone: 'success' | 'error'; readonly text: string } | null): void {
  outcomeNote = note
}

/** What the last restore from this window did; kept until the Backups tab shows it (render may run twice). */
export function peekRestoreOutcome(): { readonly tone: 'success' | 'error'; readonly text: string } | null {
  return outcomeNote
}

export function clearRestoreOutcome(): void {
  outcomeNote = null
}
