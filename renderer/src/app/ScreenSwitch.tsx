import { CustomersScreen } from '../features/customers/CustomersScreen'
import { JobsScreen } from '../features/jobs/JobsScreen'
import { SearchScreen } from '../features/search/SearchScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { TodayScreen } from '../features/today/TodayScreen'
import { VehiclesScreen } from '../features/vehicles/VehiclesScreen'
import type { Route } from './routes'

/*
 * Every screen is in the first bundle on purpose: a screen loaded on demand
 * would not exist yet when someone types right after its shortcut, and those
 * keys would be lost. (The whole bundle is about 100 kB gzipped.)
 */

/** The screen for the current route. */
export function ScreenSwitch({ route }: { readonly route: Route }) {
  switch (route.section) {
    case 'today':
      return <TodayScreen />
    case 'search':
      return <SearchScreen />
    case 'customers':
      return <CustomersScreen rest={route.rest} />
    case 'vehicles':
      return <VehiclesScreen rest={route.rest} query={route.query} />
    case 'jobs':
      return <JobsScreen rest={route.rest} query={route.query} />
    case 'settings':
      return <SettingsScreen rest={route.rest} query={route.query} />
  }
}
