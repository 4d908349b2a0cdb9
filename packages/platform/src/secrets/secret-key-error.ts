/** Why the platform's encryption key could not be loaded. */
export type SecretKeyErrorCode =
  /** PLEXMCP_SECRET_KEY or the key file holds something that is not a 32-byte key. */
  | 'INVALID_KEY'
  /** The key file can be read or written by group or others. */
  | 'INSECURE_KEY_FILE'
  /** The database holds encrypted secrets but no key is configured and the key file is gone. */
  | 'KEY_MISSING'
  /** A key was found but it is not the one the database's secrets were encrypted with. */
  | 'KEY_MISMATCH'
  /** The key file could not be read or created (permissions, read-only disk, …). */
  | 'KEY_FILE_ERROR';

/**
 * A start-up error about the encryption key. Its message says what happened and what to do;
 * it never contains the key or any part of it.
 */
export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';

  /** Creates the error; `message` must already be free of key material. */
  constructor(
    /** What went wrong, for callers that branch on it. */
    readonly code: SecretKeyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
