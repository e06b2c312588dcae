import { SECTIONS } from './routes'

/** Every keyboard shortcut, as the help dialog lists them. The handler is in use-global-shortcuts.ts. */
export const SHORTCUT_GROUPS: readonly { readonly title: string; readonly items: readonly { keys: readonly string[]; does: string }[] }[] = [
  {
    title: 'Go to',
    items: SECTIONS.map((section, index) => ({ keys: [`Alt+${index + 1}`], does: section.label })),
  },
  {
    title: 'Anywhere',
    items: [
      { keys: ['Ctrl+K', '/'], does: 'Search' },
      { keys: ['Alt+N'], does: 'New customer' },
      { keys: ['Ctrl+L'], does: 'Switch person: sign out to the name picker (typed forms are kept)' },
      { keys: ['?', 'F1'], does: 'Show these shortcuts' },
      { keys: ['Esc'], does: 'Close this help' },
    ],
  },
  {
    title: 'In forms',
    items: [
      { keys: ['Enter'], does: 'Save (in a one-line box)' },
      { keys: ['Ctrl+Enter'], does: 'Save, from any box (notes too)' },
      { keys: ['Tab', 'Shift+Tab'], does: 'Next / previous field' },
    ],
  },
  {
    title: 'Signing in',
    items: [
      { keys: ['↑', '↓'], does: 'Move through the names' },
      { keys: ['A–Z'], does: 'Jump to a name by its first letters' },
      { keys: ['Enter'], does: 'Choose the name; after the PIN, sign in' },
      { keys: ['Esc'], does: 'Back to the names' },
    ],
  },
  {
    title: 'In lists and search results',
    items: [
      { keys: ['↑', '↓'], does: 'Move through the list' },
      { keys: ['Enter'], does: 'Open the highlighted entry (in search: the best match when none is)' },
      { keys: ['Esc'], does: 'Clear the search box' },
      { keys: ['Alt+B'], does: 'In search: start a battery job for the highlighted vehicle (or radio’s vehicle)' },
    ],
  },
  {
    title: 'On a customer’s page',
    items: [
      { keys: ['V'], does: 'Add a vehicle for this customer' },
      { keys: ['E'], does: 'Edit the customer' },
      { keys: ['B'], does: 'Start a battery job (when the customer has one vehicle)' },
    ],
  },
  {
    title: 'On a vehicle’s page',
    items: [
      { keys: ['E'], does: 'Edit the vehicle' },
      { keys: ['T'], does: 'Transfer to a new owner' },
      { keys: ['R'], does: 'Add or replace the radio' },
      { keys: ['B'], does: 'Start a battery job for this vehicle' },
    ],
  },
  {
    title: 'Today board and battery jobs',
    items: [
      { keys: ['B'], does: 'New battery job (find the car)' },
      { keys: ['D'], does: 'Today: switch to the end-of-day list and back' },
      { keys: ['S'], does: 'On a job: start the code check, then the service' },
      { keys: ['Ctrl+Enter'], does: 'Check-in: check the car in' },
    ],
  },
  {
    title: 'In the vehicle form',
    items: [
      { keys: ['Enter'], does: 'In the VIN box: accept the scan (does not save)' },
      { keys: ['Alt+U'], does: 'Use the details decoded from the VIN' },
    ],
  },
]
