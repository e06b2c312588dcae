import fs from 'node:fs'
import path from 'node:path'

/*
 * Byte scans for secrets: does a radio code appear, in any form a program
 * might write it, in a file or a captured stream? Used by the at-rest proof
 * (tests/unit/vault/at-rest.test.ts), the side-channel proof
 * (tests/integration/no-secrets-side-channels.test.ts), and the code checks
 * of the desk harness and the e2e code helpers.
 */

/** `text` as the bytes a program might write it in. */
export function encodings(text: string): { name: string; bytes: Buffer }[] {
  const utf16be = Buffer.from(text, 'utf16le')
  utf16be.swap16()
  return [
    { name: 'ascii', bytes: Buffer.from(text, 'ascii') },
    { name: 'ascii-lower', bytes: Buffer.from(text.toLowerCase(), 'ascii') },
    { name: 'utf16le', bytes: Buffer.from(text, 'utf16le') },
    { name: 'utf16be', bytes: utf16be },
  ]
}

/** Every exact occurrence of `text` in `data`, in each encoding, as "label:encoding@offset". */
export function hitsInBytes(label: string, data: Buffer, text: string): string[] {
  const found: string[] = []
  for (const { name, bytes } of encodings(text)) {
    let at = data.indexOf(bytes)
    while (at !== -1) {
      found.push(`${label}:${name}@${at}`)
      at = data.indexOf(bytes, at + 1)
    }
  }
  return found
}

/**
 * Where `needle` occurs in a database file and its WAL, as ASCII or UTF-16.
 * A hit inside a long run of hex digits (an audit hash, a UUID) is a
 * coincidence of random hex, not a stored code, and is left out: with a
 * 5-digit code, one hash in a thousand would otherwise contain it somewhere.
 */
export function codeHitsInDatabaseFile(dbFile: string, needle: string): string[] {
  const hits: string[] = []
  const isHex = (byte: number | undefined) =>
    byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46))
  for (const suffix of ['', '-wal']) {
    const target = `${dbFile}${suffix}`
    if (!fs.existsSync(target)) continue
    const bytes = fs.readFileSync(target)
    for (const [encoding, pattern] of [
      ['ascii', Buffer.from(needle, 'ascii')],
      ['utf16le', Buffer.from(needle, 'utf16le')],
    ] as const) {
      let at = bytes.indexOf(pattern)
      while (at >= 0) {
        let start = at
        let end = at + pattern.length
        if (encoding === 'ascii') {
          while (isHex(bytes[start - 1])) start -= 1
          while (isHex(bytes[end])) end += 1
        }
        if (encoding !== 'ascii' || end - start < 16) hits.push(`${suffix || 'db'}@${at} (${encoding})`)
        at = bytes.indexOf(pattern, at + 1)
      }
    }
  }
  return hits
}

/** Every hit of `text` in the files (missing files are skipped), as "file:encoding@offset". */
export function hits(files: readonly string[], text: string): string[] {
  return files.filter((file) => fs.existsSync(file)).flatMap((file) => hitsInBytes(path.basename(file), fs.readFileSync(file), text))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The code with its characters possibly pulled apart: by spaces, dashes,
 * dots, bullets, NBSPs or thin spaces ("6 0 5-1973"), or by markup between
 * them (a card's `<span class="code-char">` per digit). Hex letters alone
 * never separate, so a hit is not a coincidence inside a hash.
 */
export function splitFormPattern(code: string): RegExp {
  const separator = '(?:[\\s\\-.·•_/,:|\\u00a0\\u2009\\u202f]|<[^<>]{0,120}>){0,12}'
  return new RegExp([...code].map(escapeRegExp).join(separator), 'g')
}

/**
 * A copy of `bytes` in its own (aligned) memory. Decoding UTF-16 from an odd
 * address makes Node 24 take a path that corrupted the heap here ("double
 * free or corruption" in ExternString::New, from Buffer#toString('utf16le')
 * on a subarray at offset 1), so UTF-16 is only ever decoded from a copy.
 */
function alignedCopy(bytes: Uint8Array): Buffer {
  const copy = Buffer.alloc(bytes.length - (bytes.length % 2))
  copy.set(bytes.subarray(0, copy.length))
  return copy
}

/** The text views of raw bytes a regex can search: one byte per char, and UTF-16 (both alignments, both byte orders). */
function textViews(data: Buffer): { name: string; text: string }[] {
  const swapped = alignedCopy(data)
  swapped.swap16()
  return [
    { name: 'bytes', text: data.toString('latin1') },
    { name: 'utf16le', text: alignedCopy(data).toString('utf16le') },
    { name: 'utf16le+1', text: alignedCopy(data.subarray(1)).toString('utf16le') },
    { name: 'utf16be', text: swapped.toString('utf16le') },
  ]
}

/**
 * Every appearance of `code` in `data`: exact (ASCII, UTF-16 either order)
 * and pulled apart (splitFormPattern), as "label:form@offset".
 */
export function secretHitsInBytes(label: string, data: Buffer, code: string): string[] {
  const found = new Set(hitsInBytes(label, data, code))
  const pattern = splitFormPattern(code)
  for (const view of textViews(data)) {
    for (const match of view.text.matchAll(pattern)) found.add(`${label}:${view.name}-split@${match.index}`)
  }
  return [...found]
}

/** Every file under `dir` (recursively), sorted. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}
