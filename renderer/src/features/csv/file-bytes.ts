import { MAX_IMPORT_BYTES } from '../../../../shared/domain/csv-import'

/*
 * Files in and out of the CSV screens. The bytes cross the contract as base64
 * (main decodes and detects the encoding); the renderer never reads the text.
 */

/** Bytes per btoa() call: a multiple of 3, so the pieces join into one valid base64 string. */
const PIECE = 3 * 32 * 1024

export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = []
  for (let start = 0; start < bytes.length; start += PIECE) {
    const piece = bytes.subarray(start, start + PIECE)
    let binary = ''
    for (let i = 0; i < piece.length; i += 1) binary += String.fromCharCode(piece[i] as number)
    pieces.push(btoa(binary))
  }
  return pieces.join('')
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** The chosen file as base64, or the reason it cannot be imported (checked before reading it). */
export async function readFileAsBase64(file: File): Promise<{ base64: string } | { problem: string }> {
  if (file.size === 0) return { problem: 'That file is empty. Choose the CSV file the other program exported.' }
  if (file.size > MAX_IMPORT_BYTES) {
    return { problem: `That file is ${(file.size / 1024 / 1024).toFixed(0)} MB; the import takes files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into parts.` }
  }
  return { base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }
}

/**
 * Saves bytes as a file through the browser's download: in the app window
 * Electron asks where to save it (no download handler is installed, so its
 * default is the system's Save dialog); in the browser preview it lands in
 * the downloads folder.
 */
export function saveFile(fileName: string, base64: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has its own copy once it starts; let it start first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
