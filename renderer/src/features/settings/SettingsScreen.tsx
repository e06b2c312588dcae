import { hrefFor } from '../../app/routes'
import { useDesk } from '../../app/desk-context'
import { ScreenHeader } from '../../components/ScreenHeader'
import { AuditLogSection } from '../audit/AuditLogSection'
import { BackupsSection } from '../backups/BackupsSection'
import { ImportExportTab } from '../csv/ImportExportTab'
import { ChangeOwnPinForm } from '../staff/ChangeOwnPinForm'
import { StaffSection } from '../staff/StaffSection'
import { IdleLockSection } from './IdleLockSection'
import { PrintersSection } from './PrintersSection'
import { RecoveryKeySection } from './RecoveryKeySection'
import { ShopDetailsForm } from './ShopDetailsForm'
import './settings.css'

interface Props {
  /** [] (shop and printers), ['staff'] or ['audit']. */
  readonly rest?: readonly string[]
  readonly query?: Readonly<Record<string, string>>
}

type Tab = 'general' | 'staff' | 'audit' | 'backups' | 'import-export'

function tabFrom(rest: readonly string[]): Tab {
  if (rest[0] === 'backups') return 'backups'
  if (rest[0] === 'import-export') return 'import-export'
  return rest[0] === 'staff' ? 'staff' : rest[0] === 'audit' ? 'audit' : 'general'
}

const LEADS: Readonly<Record<Tab, string>> = {
  general: 'Your shop’s details for printed cards, the printers on this computer, and when the desk signs itself out.',
  staff: 'Who works at this desk, their PINs, and what they may do with radio codes.',
  audit: 'Everything done at this desk, by whom, and a check that nothing in the log was changed.',
  backups: 'Copies of the shop’s data: when the last good one was taken, a second copy elsewhere, and going back to one.',
  'import-export': 'Bring customers and vehicles in from another shop program’s CSV file, or take them out to one.',
}

export function SettingsScreen({ rest = [], query = {} }: Props) {
  const desk = useDesk()
  const tab = tabFrom(rest)
  const tabs: readonly { id: Tab; label: string; href: string }[] = [
    { id: 'general', label: 'Shop, printers and sign-out', href: hrefFor('settings') },
    { id: 'staff', label: 'Staff', href: hrefFor('settings', 'staff') },
    { id: 'backups', label: 'Backups', href: hrefFor('settings', 'backups') },
    { id: 'import-export', label: 'Import and export', href: hrefFor('settings', 'import-export') },
    ...(desk.isManager ? [{ id: 'audit' as const, label: 'Audit log', href: hrefFor('settings', 'audit') }] : []),
  ]

  return (
    <>
      <ScreenHeader title="Settings" lead={LEADS[tab]} />
      <nav className="settings-tabs" aria-label="Settings pages">
        <ul className="settings-tabs__list">
          {tabs.map((item) => (
            <li key={item.id}>
              <a className="settings-tabs__link" href={item.href} aria-current={item.id === tab ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'general' ? (
        <div className="settings-layout settings-layout--general">
          <ShopDetailsForm />
          <PrintersSection />
          <IdleLockSection />
          <RecoveryKeySection />
        </div>
      ) : null}
      {tab === 'staff' ? (
        <div className="settings-layout settings-layout--single">
          <StaffSection />
          <ChangeOwnPinForm name={desk.member.name} />
        </div>
      ) : null}
      {tab === 'backups' ? <BackupsSection /> : null}
      {tab === 'import-export' ? <ImportExportTab /> : null}
      {tab === 'audit' ? (
        <div className="settings-layout settings-layout--single settings-layout--full">
          <AuditLogSection
            initial={{
              ...(query['vehicle'] ? { vehicleId: query['vehicle'] } : {}),
              ...(query['staff'] ? { staffId: query['staff'] } : {}),
              ...(query['action'] ? { action: query['action'] } : {}),
            }}
          />
        </div>
      ) : null}
    </>
  )
}
