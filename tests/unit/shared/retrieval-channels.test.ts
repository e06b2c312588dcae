import { describe, expect, it } from 'vitest'
import {
  buildRetrievalChecklist,
  channelRefs,
  channelsNotOffered,
  retrievalChannelsFor,
} from '../../../shared/domain/retrieval-channels'
import { entryById, loadKnowledge } from '../knowledge/load-knowledge'

const kb = loadKnowledge()
const vehicle = (make: string, model: string, year: number | null, vin = '') => ({ id: 1, make, model, year, vin })

describe('retrieval channels from the knowledge base', () => {
  it('offers only channels that are in the knowledge base, each once, for every make it covers', () => {
    for (const entry of kb.entries) {
      const make = entry.makes[0]!
      const model = entry.models?.[0] ?? ''
      const year = entry.years?.from ?? entry.years?.to ?? null
      const options = retrievalChannelsFor(kb, vehicle(make, model, year), null)
      const refs = options.channels.map((channel) => channel.ref)
      expect(new Set(refs).size, make).toBe(refs.length)
      for (const channel of options.channels) {
        const source = entryById(kb, channel.entryId)
        const match = channelRefs(source).find((item) => item.ref === channel.ref)
        expect(match, channel.ref).toBeDefined()
        expect(channel.kind).toBe(match!.channel.kind)
        expect(channel.description).toBe(match!.channel.description)
        expect(channel.asks).toEqual(match!.channel.asks)
      }
    }
  })

  it('numbers channels of the same kind within an entry', () => {
    const honda = entryById(kb, 'honda-acura-code-radio')
    expect(channelRefs(honda).map((item) => item.ref)).toEqual([
      'honda-acura-code-radio/code-card/0',
      'honda-acura-code-radio/glovebox-sticker/0',
      'honda-acura-code-radio/other-label-or-note/0',
      'honda-acura-code-radio/manufacturer-website/0',
      'honda-acura-code-radio/manufacturer-website/1',
      'honda-acura-code-radio/dealer/0',
      'honda-acura-code-radio/dealer/1',
    ])
  })

  it('an unknown make or a make without entries for the year gets no channels, with the reason', () => {
    const tesla = retrievalChannelsFor(kb, vehicle('Tesla', 'Model 3', 2020), null)
    expect(tesla).toMatchObject({ guidance: 'unknown-make', channels: [] })
    expect(tesla.explanation).toMatch(/does not cover/)
    expect(retrievalChannelsFor(kb, vehicle('', '', null), null)).toMatchObject({ guidance: 'invalid-query', channels: [] })
  })

  it('never lists insurers or third-party services, and says why', () => {
    const all = kb.entries.flatMap((entry) => retrievalChannelsFor(kb, vehicle(entry.makes[0]!, '', null), null).channels)
    expect(all.some((channel) => /insur|third.party/i.test(`${channel.kind} ${channel.kindLabel}`))).toBe(false)
    const notOffered = channelsNotOffered(kb)
    expect(notOffered.map((item) => item.channel)).toEqual(['insurer', 'third-party-service'])
    expect(notOffered[0]!.reason).toMatch(/Insurers were not found/)
  })

  it('checklist: what the channel asks for, with where to find it; the VIN and serial from the file when known', () => {
    const honda = entryById(kb, 'honda-acura-code-radio')
    const website = honda.channels.find((channel) => channel.kind === 'manufacturer-website')!
    const known = buildRetrievalChecklist(kb, honda, website, vehicle('Honda', 'Accord', 2005, '1HGCM82633A004352'), { serial: 'U1234567' })
    expect(known.map((item) => [item.key, item.label, item.done, item.note])).toEqual([
      ['vin', 'VIN', false, ''],
      ['radio-serial', 'Radio serial', false, ''],
      ['contact-details', 'Contact details', false, ''],
    ])
    expect(known[0]!.whereToFind).toEqual(['On file: 1HGCM82633A004352.'])
    expect(known[1]!.whereToFind[0]).toBe('On file: U1234567.')
    const unknown = buildRetrievalChecklist(kb, honda, website, vehicle('Honda', 'Accord', 2005), null)
    expect(unknown[0]!.whereToFind[0]).toMatch(/Not on file yet/)
    expect(unknown[1]!.whereToFind.join(' ')).toMatch(/presets 1\+6/)
  })

  it('dealers get a proof-of-ownership item from the knowledge base, for the channel’s region', () => {
    const honda = entryById(kb, 'honda-acura-code-radio')
    const [us, canada] = honda.channels.filter((channel) => channel.kind === 'dealer')
    const usItems = buildRetrievalChecklist(kb, honda, us!, vehicle('Honda', 'Accord', 2005), null)
    const usProof = usItems.find((item) => item.key === 'proof-of-ownership')!
    expect(usProof.whereToFind.join(' ')).toMatch(/\(US\): reported to ask for ID, registration or title/)
    expect(usProof.whereToFind.join(' ')).not.toMatch(/Honda Canada/)
    const caProof = buildRetrievalChecklist(kb, honda, canada!, vehicle('Honda', 'Accord', 2005), null)
    expect(caProof.map((item) => item.key)).toEqual(['proof-of-ownership'])
    expect(caProof[0]!.whereToFind.join(' ')).toMatch(/Honda Canada/)
    const options = retrievalChannelsFor(kb, vehicle('Honda', 'Accord', 2005), null)
    expect(options.channels.find((channel) => channel.ref === 'honda-acura-code-radio/dealer/1')!.cautions).toEqual([
      'Honda (Canada): reported not to give codes by phone.',
    ])
    expect(options.channels.find((channel) => channel.ref === 'honda-acura-code-radio/dealer/0')!.cautions).toEqual([])
  })

  it('a channel that asks for proof itself gets no second proof item; the owner’s own code is asked of the owner', () => {
    const mitsubishi = entryById(kb, 'mitsubishi-code-radio')
    const dealer = mitsubishi.channels.find((channel) => channel.kind === 'dealer')!
    const items = buildRetrievalChecklist(kb, mitsubishi, dealer, vehicle('Mitsubishi', '', 1998), null)
    expect(items.map((item) => item.key)).toEqual(['vin', 'radio-serial', 'part-number', 'current-proof-of-ownership-registration'])
    const mazda = entryById(kb, 'mazda-owner-set')
    const owner = mazda.channels.find((channel) => channel.kind === 'owner')!
    expect(buildRetrievalChecklist(kb, mazda, owner, vehicle('Mazda', '', null), null)[0]!.whereToFind[0]).toBe('Ask the owner.')
  })
})
