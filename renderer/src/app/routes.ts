/** The sections of the app, in navigation (and Alt+number) order. */
export const SECTIONS = [
  { id: 'today', label: 'Today' },
  { id: 'search', label: 'Search' },
  { id: 'customers', label: 'Customers' },
  { id: 'vehicles', label: 'Vehicles' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'settings', label: 'Settings' },
] as const

export type SectionId = (typeof SECTIONS)[number]['id']

export const DEFAULT_SECTION: SectionId = 'today'

/** Where the app is: `#/customers`, `#/customers/new`, `#/customers/12`, ... */
export interface Route {
  readonly section: SectionId
  /** The rest of the path, e.g. ['new'] or ['12']. */
  readonly rest: readonly string[]
}

function isSection(value: string): value is SectionId {
  return SECTIONS.some((section) => section.id === value)
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  const [first, ...rest] = parts
  if (first && isSection(first)) return { section: first, rest }
  return { section: DEFAULT_SECTION, rest: [] }
}

export function hrefFor(section: SectionId, ...rest: readonly (string | number)[]): string {
  return `#/${[section, ...rest.map((part) => encodeURIComponent(String(part)))].join('/')}`
}
