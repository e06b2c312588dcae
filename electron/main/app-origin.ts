/**
 * Decides whether a URL belongs to the app's own UI. In development the UI
 * comes from the electron-vite dev server; packaged, from files in the asar.
 */
export function isAppUrl(candidate: string | null | undefined, devServerUrl: string | undefined, rendererFileUrl: string): boolean {
  if (!candidate) return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (devServerUrl) {
    try {
      const dev = new URL(devServerUrl)
      if (url.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1')) return true
    } catch {
      // An unparsable dev server URL trusts nothing.
    }
  }
  if (url.protocol !== 'file:') return false
  // Only the exact renderer entry file, whatever the query or fragment. The host
  // must match too: file://other-host/... is a network (UNC) path on Windows.
  const entry = new URL(rendererFileUrl)
  return url.host === entry.host && url.pathname === entry.pathname
}
