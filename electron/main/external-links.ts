/** Hosts of legitimate radio-code channels and documentation we may link to. Empty means any https host. */
export type OpenExternal = (url: string) => Promise<void>

/**
 * The one gate for opening links outside the app. Accepts only https: (and
 * mailto:) URLs without credentials; everything else is refused. The OS
 * opener is passed in, so this is testable without Electron.
 */
export function validateExternalUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (url.protocol === 'mailto:') return url
  if (url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  if (url.hostname === '') return null
  return url
}

/** Opens `candidate` with `openExternal` if it passes the validator; returns whether it did. */
export async function openExternalLink(candidate: unknown, openExternal: OpenExternal): Promise<boolean> {
  const url = validateExternalUrl(candidate)
  if (!url) return false
  await openExternal(url.toString())
  return true
}
