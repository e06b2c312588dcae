import { ScreenHeader } from '../../components/ScreenHeader'
import { PrintersSection } from './PrintersSection'
import { ShopDetailsForm } from './ShopDetailsForm'
import './settings.css'

export function SettingsScreen() {
  return (
    <>
      <ScreenHeader title="Settings" lead="Your shop’s details for printed cards, and the printers on this computer." />
      <div className="settings-layout">
        <ShopDetailsForm />
        <PrintersSection />
      </div>
    </>
  )
}
