/// <reference lib="dom" />
import { buildApiBridge } from '../../shared/api/bridge'

/*
 * Browser-preview stand-in for the Electron preload: the same window.api
 * surface (built by the same function), carried over HTTP to the same router.
 * Served only by the preview server; never part of the packaged app.
 */

const TOKEN_KEY = 'radio-code-desk-preview-token'

function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    // Keep the token out of the address bar, history and screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const token = takeToken()

Object.defineProperty(window, 'api', {
  value: buildApiBridge(
    async (method, input) => {
      const response = await fetch('./__preview__/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-preview-token': token },
        body: JSON.stringify({ method, input }),
      })
      return response.json()
    },
    (event, listener) => {
      const source = new EventSource(`./__preview__/events?token=${encodeURIComponent(token)}`)
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as unknown)
      source.addEventListener(event, handler)
      return () => {
        source.removeEventListener(event, handler)
        source.close()
      }
    },
  ),
  writable: false,
  configurable: false,
})
