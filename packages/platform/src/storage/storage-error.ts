/** Why the database could not be opened, connected to or migrated. */
export type StorageErrorCode =
  | 'UNSUPPORTED_URL'
  | 'CANNOT_OPEN'
  | 'CANNOT_CONNECT'
  | 'MIGRATION_FAILED'
  /** The database was migrated by a newer version than this one. */
  | 'SCHEMA_TOO_NEW'
  /** The database server does not answer (down, restarting, unreachable): worth retrying. */
  | 'UNAVAILABLE';

/** A storage failure with a message fit for an operator; never contains a password. */
export class StorageError extends Error {
  /** What went wrong, for callers that branch on it. */
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}
