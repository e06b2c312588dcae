import knowledgeJson from '../../../resources/radio-knowledge/radio-knowledge.json'
import { findRadioGuidance, parseKnowledgeBase, type KnowledgeBase, type RadioGuidance } from '../../../shared/knowledge'

let knowledgeBase: KnowledgeBase | null = null

/** The radio knowledge base bundled with the app, parsed and validated on first use. */
export function getKnowledgeBase(): KnowledgeBase {
  knowledgeBase ??= parseKnowledgeBase(knowledgeJson)
  return knowledgeBase
}

/** What to expect from this vehicle's radio; an honest "unknown" when the make or year is missing. */
export function guidanceForVehicle(vehicle: { make: string; model: string; year: number | null }): RadioGuidance {
  return findRadioGuidance(getKnowledgeBase(), { make: vehicle.make, model: vehicle.model, year: vehicle.year })
}
