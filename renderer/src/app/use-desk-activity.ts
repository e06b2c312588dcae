import { useEffect } from 'react'
import { api } from '../lib/api'

/*
 * Main signs the desk out after the shop's idle time without activity, and it
 * counts only calls as activity. Someone typing a long note or reading a page
 * makes no calls, so real keyboard and mouse use in this window is reported
 * with a cheap signed-in call (at most every 15 s; the shortest idle time is
 * 1 minute). If the desk was already signed out, that call comes back
 * SIGNED_OUT and the app shows the sign-in screen (lib/api onAccessLost).
 */
const REPORT_EVERY_MS = 15_000
const EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const

export function useDeskActivity(): void {
  useEffect(() => {
    // Signing in just counted as activity.
    let lastReport = Date.now()
    const onActivity = () => {
      const now = Date.now()
      if (now - lastReport < REPORT_EVERY_MS) return
      lastReport = now
      api.settings.getIdleLock({}).catch(() => {
        // SIGNED_OUT is handled app-wide; anything else does not matter here.
      })
    }
    for (const name of EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true })
    return () => {
      for (const name of EVENTS) window.removeEventListener(name, onActivity, { capture: true })
    }
  }, [])
}
