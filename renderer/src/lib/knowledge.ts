import { useEffect, useState } from 'react'
import type { RadioGuidance, RadioQuery } from '../../../shared/knowledge/lookup'
import type { KnowledgeBase } from '../../../shared/knowledge/schema'

type KnowledgeModule = typeof import('./knowledge-data')

let loading: Promise<KnowledgeModule> | null = null
let loaded: KnowledgeModule | null = null

/** Loads the knowledge base once (a separate chunk); resolves to the module. */
export function loadKnowledge(): Promise<KnowledgeModule> {
  loading ??= import('./knowledge-data').then((module) => {
    loaded = module
    return module
  })
  return loading
}

function useKnowledgeModule(wanted: boolean): KnowledgeModule | null | 'failed' {
  const [module, setModule] = useState<KnowledgeModule | null | 'failed'>(loaded)
  useEffect(() => {
    if (!wanted || loaded) return
    let cancelled = false
    loadKnowledge().then(
      (value) => {
        if (!cancelled) setModule(value)
      },
      () => {
        if (!cancelled) setModule('failed')
      },
    )
    return () => {
      cancelled = true
    }
  }, [wanted])
  return loaded ?? module
}

export type GuidanceState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly guidance: RadioGuidance }

/** Guidance for what the form says so far; idle until a make is typed. */
export function useRadioGuidance(query: RadioQuery | null): GuidanceState {
  const wanted = query !== null && query.make.trim() !== ''
  const module = useKnowledgeModule(wanted)
  if (!wanted || !query) return { status: 'idle' }
  if (module === 'failed') return { status: 'failed' }
  if (!module) return { status: 'loading' }
  return { status: 'ready', guidance: module.guidanceFor(query) }
}

/** The knowledge base itself (for source citations), once something asked for it. */
export function useKnowledgeBase(wanted: boolean): KnowledgeBase | null {
  const module = useKnowledgeModule(wanted)
  return module && module !== 'failed' ? module.knowledgeBase : null
}
