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

/** Where the app is: `#/customers`, `#/customers/new`, `#/customers/12`, `#/vehicles/new?customer=12`, ... */
export interface Route {
  readonly section: SectionId
  /** The rest of the path, e.g. ['new'] or ['12']. */
  readonly rest: readonly string[]
  /** What follows "?" in the hash, e.g. { customer: '12' }. */
  readonly query: Readonly<Record<string, string>>
}

function isSection(value: string): value is SectionId {
  return SECTIONS.some((section) => section.id === value)
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '')
  const queryAt = text.indexOf('?')
  const path = queryAt < 0 ? text : text.slice(0, queryAt)
  const query: Record<string, string> = {}
  if (queryAt >= 0) {
    for (const [key, value] of new URLSearchParams(text.slice(queryAt + 1))) query[key] = value
  }
  const parts = path.split('/').filter(Boolean).map(safeDecode)
  const [first, ...rest] = parts
  if (first && isSection(first)) return { section: first, rest, query }
  return { section: DEFAULT_SECTION, rest: [], query: {} }
}

export function hrefFor(section: SectionId, ...rest: readonly (string | number)[]): string {
  return `#/${[section, ...rest.map((part) => encodeURIComponent(String(part)))].join('/')}`
}

/** hrefFor with a query: hrefWithQuery({ customer: 12 }, 'vehicles', 'new') → "#/vehicles/new?customer=12". */
export function hrefWithQuery(
  query: Readonly<Record<string, string | number | null | undefined>>,
  section: SectionId,
  ...rest: readonly (string | number)[]
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${hrefFor(section, ...rest)}?${text}` : hrefFor(section, ...rest)
}

/** A positive whole number from a route part, or null. */
export function idFrom(part: string | undefined): number | null {
  return part && /^\d{1,12}$/.test(part) && Number(part) > 0 ? Number(part) : null
}
