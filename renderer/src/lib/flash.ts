/*
 * A one-time message for the page a save navigates to ("Saved.", "Now owned
 * by …"): set just before navigate(), shown once by that page.
 */
let pending: { readonly key: string; readonly message: string } | null = null

export function setFlash(key: string, message: string): void {
  pending = { key, message }
}

/** The message for `key`, if one is waiting. Does not clear it (render may run twice); call clearFlash once shown. */
export function peekFlash(key: string): string | null {
  return pending && pending.key === key ? pending.message : null
}

export function clearFlash(key: string): void {
  if (pending?.key === key) pending = null
}
