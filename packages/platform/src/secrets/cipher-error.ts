/** Why a sealed secret could not be opened. */
export type CipherErrorCode =
  /** The string is not one `encryptSecret` writes (a format version this code does not know). */
  | 'UNKNOWN_VERSION'
  /** It was sealed under a different key (its key id names another key). */
  | 'WRONG_KEY'
  /** It fails authentication: altered, truncated, or sealed for other associated data (another row). */
  | 'TAMPERED';

/** A failure to decrypt. The message never contains the plaintext, the key or the sealed value. */
export class CipherError extends Error {
  override readonly name = 'CipherError';

  /** Creates the error; `message` must already be free of secrets. */
  constructor(
    /** What went wrong, for callers that branch on it. */
    readonly code: CipherErrorCode,
    message: string,
  ) {
    super(message);
  }
}
