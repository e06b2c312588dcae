import fs from 'node:fs'
import path from 'node:path'

export interface Logger {
  info(message: string, details?: Readonly<Record<string, unknown>>): void
  warn(message: string, details?: Readonly<Record<string, unknown>>): void
  error(message: string, error?: unknown, details?: Readonly<Record<string, unknown>>): void
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : `\ncaused by: ${describe(error.cause)}`
    return `${error.stack ?? `${error.name}: ${error.message}`}${cause}`
  }
  return String(error)
}

/**
 * The main-process log: one line per event in a file under the data folder.
 *
 * It never receives inputs of contract calls (they may hold radio codes or
 * PINs), only method names, error codes and stacks.
 */
export function createFileLogger(file: string, mirror: Pick<Console, 'error'> | null = null): Logger {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const write = (level: string, message: string, extra: string) => {
    const line = `${new Date().toISOString()} ${level} ${message}${extra}\n`
    try {
      fs.appendFileSync(file, line)
    } catch {
      // A full disk must not take the app down with it.
    }
    if (mirror && level === 'ERROR') mirror.error(line.trimEnd())
  }
  const json = (details?: Readonly<Record<string, unknown>>) => (details ? ` ${JSON.stringify(details)}` : '')
  return {
    info: (message, details) => write('INFO', message, json(details)),
    warn: (message, details) => write('WARN', message, json(details)),
    error: (message, error, details) => write('ERROR', message, `${json(details)}${error ? `\n${describe(error)}` : ''}`),
  }
}

/** A logger that keeps lines in memory; for tests. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message, details) => lines.push(`INFO ${message} ${JSON.stringify(details ?? {})}`),
    warn: (message, details) => lines.push(`WARN ${message} ${JSON.stringify(details ?? {})}`),
    error: (message, error, details) =>
      lines.push(`ERROR ${message} ${JSON.stringify(details ?? {})} ${error instanceof Error ? (error.stack ?? '') : String(error)}`),
  }
}
