import { AppError } from '../../shared/api/errors'

/**
 * Maps SQLite constraint failures to domain errors (SQLite dialect module).
 * Returns null for anything else, which the router reports as INTERNAL.
 */
export function mapSqliteError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new AppError('DUPLICATE', 'A record with the same details already exists.')
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new AppError('CONFLICT', 'This refers to a record that does not exist, or is still in use.')
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return new AppError('VALIDATION', 'Some of the details are not allowed here.')
    case 'SQLITE_CONSTRAINT_TRIGGER':
      // The append-only audit log refuses edits and deletes.
      return new AppError('CONFLICT', 'This record is part of the permanent history and cannot be changed.')
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new AppError('CONFLICT', 'The database is busy. Try again in a moment.')
    case 'SQLITE_FULL':
      return new AppError('INTERNAL', 'The disk is full. Nothing was saved. Free some space and try again.')
    default:
      return null
  }
}
