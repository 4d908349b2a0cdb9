import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { CipherError } from './cipher-error.js';
import { keyFingerprint } from './secret-key.js';

/*
 * Sealed format, version 1: `v1.<kid>.<iv>.<tag>.<ciphertext>`, each part base64url.
 * AES-256-GCM with a fresh 12-byte random IV per message (random IVs stay safe far beyond the
 * number of secrets one deployment stores) and a 16-byte tag. `kid` is the first 6 bytes of the
 * key's fingerprint: it lets a failure say "wrong key" rather than "tampered", and a later key
 * rotation find the right key. The GCM associated data is the header (`v1.<kid>`) followed by the
 * caller's associated data, so neither the header nor the row binding can be changed unnoticed.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KID_BYTES = 6;

/** base64url of exactly `bytes` bytes (no padding). */
const b64url = (bytes: number) => new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`);
const KID_PATTERN = b64url(KID_BYTES);
const IV_PATTERN = b64url(IV_BYTES);
const TAG_PATTERN = b64url(TAG_BYTES);
const DATA_PATTERN = /^[A-Za-z0-9_-]*$/;

/**
 * The bytes of a base64url part, or undefined unless it matches `pattern` and is canonical:
 * Node's decoder ignores spare low bits in the last character, which would let two strings
 * open to the same secret.
 */
function decode(part: string | undefined, pattern: RegExp): Buffer | undefined {
  if (part === undefined || !pattern.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

/** The key id written into sealed strings: the start of the key's fingerprint. */
function keyId(key: KeyObject): string {
  return Buffer.from(keyFingerprint(key), 'hex').subarray(0, KID_BYTES).toString('base64url');
}

/** GCM's associated data: the header, a separator, then the caller's binding (if any). */
const aad = (header: string, associatedData: string | undefined) =>
  Buffer.from(`${header}\u0000${associatedData ?? ''}`, 'utf8');

/** Refuses anything but a 32-byte secret key, before OpenSSL's less helpful message. */
function assertAes256Key(key: KeyObject): void {
  if (key.type !== 'secret' || key.symmetricKeySize !== 32) {
    throw new TypeError('the encryption key must be a 32-byte secret KeyObject');
  }
}

/**
 * Encrypts `plaintext` (a Plex token, remote-MCP headers) to a sealed `v1.…` string. Pass the
 * owning row's id as `associatedData` to bind the ciphertext to that row: decrypting it with
 * another row's id fails, so sealed values cannot be swapped between rows.
 */
export function encryptSecret(key: KeyObject, plaintext: string, associatedData?: string): string {
  assertAes256Key(key);
  const header = `${VERSION}.${keyId(key)}`;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(header, associatedData));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    header,
    iv.toString('base64url'),
    tag.toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

/**
 * Decrypts a string from `encryptSecret` with the same key and associated data. Throws
 * CipherError `UNKNOWN_VERSION`, `WRONG_KEY` or `TAMPERED`, never echoing any secret.
 */
export function decryptSecret(key: KeyObject, sealed: string, associatedData?: string): string {
  assertAes256Key(key);
  const parts = sealed.split('.');
  if (parts[0] !== VERSION) {
    throw new CipherError(
      'UNKNOWN_VERSION',
      'The sealed secret is not in a format this version of PlexMCP can read (expected v1).',
    );
  }
  const [, kid, ivText, tagText, dataText] = parts;
  const iv = decode(ivText, IV_PATTERN);
  const tag = decode(tagText, TAG_PATTERN);
  const data = decode(dataText, DATA_PATTERN);
  if (parts.length !== 5 || !kid || !decode(kid, KID_PATTERN) || !iv || !tag || !data) {
    throw tampered();
  }
  if (kid !== keyId(key)) {
    throw new CipherError(
      'WRONG_KEY',
      `The sealed secret was encrypted under another key (key id ${kid}, this key is ` +
        `${keyId(key)}). Use the original PLEXMCP_SECRET_KEY or key file.`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(`${VERSION}.${kid}`, associatedData));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    // OpenSSL's own error says nothing useful and is dropped, not wrapped.
    throw tampered();
  }
}

/** The TAMPERED error: one message for every way authentication can fail. */
const tampered = () =>
  new CipherError(
    'TAMPERED',
    'The sealed secret failed authentication: it was altered or truncated, or it belongs to ' +
      'another record (its associated data differs).',
  );
