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
    title: 'In lists',
    items: [
      { keys: ['↑', '↓'], does: 'Move through the list' },
      { keys: ['Enter'], does: 'Open the highlighted entry' },
    ],
  },
]
