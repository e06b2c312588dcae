import qrcode from 'qrcode-generator'

/**
 * A QR code as inline SVG (no script, no external reference), drawn from the
 * module matrix so the markup is ours. The text is encoded as UTF-8 bytes
 * (phones read accented names correctly); error correction M.
 */
export function qrSvg(text: string, options: { readonly sizeMm: number; readonly className?: string }): string {
  const qr = qrcode(0, 'M')
  const utf8 = utf8ByteString(text)
  qr.addData(utf8, 'Byte')
  qr.make()
  const count = qr.getModuleCount()
  const quiet = 2
  const size = count + quiet * 2
  let path = ''
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`
    }
  }
  const cls = options.className ? ` class="${options.className}"` : ''
  return `<svg${cls} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${options.sizeMm}mm" height="${options.sizeMm}mm" shape-rendering="crispEdges" role="img" aria-label="QR code"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
}

/** The UTF-8 bytes of a string, one char per byte (what the library's byte mode takes). */
export function utf8ByteString(text: string): string {
  let out = ''
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0
    if (cp < 0x80) out += String.fromCharCode(cp)
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out += String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return out
}
