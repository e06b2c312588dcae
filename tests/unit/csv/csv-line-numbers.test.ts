import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../electron/main/services/csv-import'

/*
 * The dry-run report names file lines, so a record's line must be the line
 * it starts on in the file, also after values that span lines (whatever the
 * line endings: csv-parse counts a CRLF inside quotes as two lines).
 */

const lines = (text: string) => parseCsvText(text).records.map((record) => record.line)

describe('record line numbers', () => {
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ] as const) {
    it(`${name} file with a value spanning lines, inside the header too`, () => {
      const text = ['"Name","Notes', 'more"', 'Ann,"one', 'two', 'three"', 'Bob,x', 'Cy,"a', 'b"', 'Di,y', ''].join(eol)
      expect(lines(text)).toEqual([3, 6, 7, 9])
    })
  }

  it('mixed: LF inside a CRLF file and CRLF inside an LF file', () => {
    expect(lines('Name,Notes\r\nAnn,"x\ny"\r\nBob,z\r\n')).toEqual([2, 4])
    expect(lines('Name,Notes\nAnn,"x\r\ny"\nBob,z\nCy,"p\r\nq\r\nr"\nDi,w\n')).toEqual([2, 4, 5, 8])
  })

  it('blank lines are skipped but still counted', () => {
    expect(lines('Name\r\n\r\nAnn\r\n\r\n\r\nBob\r\n')).toEqual([3, 6])
  })
})

describe('line numbers of a file that cannot be read', () => {
  it('an unclosed quote is reported on the line where its row starts, not where the file ends', () => {
    const text = ['h1,h2', 'a,b', '"c', 'd",e', '', 'f,"open', 'g,h', 'i,j', ''].join('\r\n')
    expect(() => parseCsvText(text)).toThrow(/never closed \(line 6\)/)
  })

  it('a row far too long is reported on the line where it starts', () => {
    const text = ['h1,h2', 'a,b', `c,"${'x'.repeat(70_000)}"`, 'd,e'].join('\n')
    expect(() => parseCsvText(text)).toThrow(/far too long \(line 3\)/)
  })
})
