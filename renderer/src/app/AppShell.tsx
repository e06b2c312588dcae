import { useEffect, useState, type MouseEvent } from 'react'
import type { AppStatus } from '../../../shared/domain/app-status'
import { openEventStream } from '../lib/api'
import { AppHeader } from './AppHeader'
import { useDesk } from './desk-context'
import { NavBar } from './NavBar'
import { ScreenSwitch } from './ScreenSwitch'
import { ShortcutsDialog } from './ShortcutsDialog'
import { StatusFooter } from './StatusFooter'
import { useDeskActivity } from './use-desk-activity'
import { useGlobalShortcuts } from './use-global-shortcuts'
import { useHashRoute } from './use-hash-route'
import './app-shell.css'

type ReadyStatus = Extract<AppStatus, { state: 'ready' }>

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // The address hash is the route, so the skip link moves focus itself.
  event.preventDefault()
  const target = document.getElementById('screen-title') ?? document.getElementById('main')
  target?.focus()
}

/** Header (with who is at the desk), navigation, the current screen and the status footer. Only shown to a signed-in member. */
export function AppShell({ status }: { readonly status: ReadyStatus }) {
  const route = useHashRoute()
  const desk = useDesk()
  // A count of requests, not an open flag: the dialog closes itself, and its close event comes a task
  // later, so a flag cleared by that event could swallow a ? or F1 pressed right after Esc.
  const [helpRequests, setHelpRequests] = useState(0)
  const showHelp = () => setHelpRequests((count) => count + 1)
  // Listen for data changes from the start, so lists opened later miss nothing.
  useEffect(() => openEventStream('data.changed'), [])
  useDeskActivity()
  useGlobalShortcuts({ currentSection: route.section, onShowHelp: showHelp, onSwitchPerson: desk.switchPerson })

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to main content
      </a>
      <AppHeader member={desk.member} onSwitchPerson={desk.switchPerson} onShowShortcuts={showHelp} />
      <div className="shell__body">
        <NavBar current={route.section} />
        <main id="main" className="shell__main" tabIndex={-1} aria-labelledby="screen-title">
          <ScreenSwitch route={route} />
        </main>
      </div>
      <StatusFooter status={status} />
      <ShortcutsDialog openRequests={helpRequests} />
    </div>
  )
}
