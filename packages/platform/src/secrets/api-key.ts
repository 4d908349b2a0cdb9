import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { BASE62, randomString } from './random.js';

/*
 * Managed key format: `plexmcp_` + 30 random base62 characters + 6 base62 characters of the
 * CRC32 of those 30 (zero-padded, most significant first) — 44 characters in all, GitHub's
 * token design. The prefix makes a leaked key recognisable to secret scanners and people; 30
 * base62 characters carry about 178 bits; the checksum lets a typo or a truncated copy be
 * refused without a database look-up (CRC32 detects every burst of up to 32 bits, so every
 * single-character change and every swap of two adjacent characters in the random part).
 * Base62 has no `-` or `_`, so a double click selects the whole key.
 */

/** The fixed start of every managed key; anything else is not ours. */
export const API_KEY_PREFIX = 'plexmcp_';

/** Random base62 characters after the prefix. */
const RANDOM_LENGTH = 30;

/** Base62 characters of the CRC32 checksum; 62^6 exceeds 2^32, so 6 always suffice. */
const CHECKSUM_LENGTH = 6;

/** The length of every managed key: prefix, random part and checksum (44). */
export const API_KEY_LENGTH = API_KEY_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;

/** The shape of a managed key, e.g. for secret-scanning rules (the checksum is not checked). */
export const API_KEY_PATTERN = /^plexmcp_[0-9A-Za-z]{36}$/;

/**
 * Characters of a key shown back to people (`plexmcp_` and 4 random ones): enough to tell keys
 * apart in a list, while the 26 random characters it hides keep about 154 bits.
 */
export const API_KEY_DISPLAY_PREFIX_LENGTH = 12;

/** A newly generated key: the secret to show once, and what may be stored. */
export interface GeneratedApiKey {
  /** The whole key. Shown to its owner exactly once, never stored. */
  secret: string;
  /** The first 12 characters, stored and shown in key lists. */
  prefix: string;
  /** SHA-256 of the secret in lower-case hex, stored and looked up on each request. */
  hash: string;
}

/** What a presented key looks like: ours and intact, ours but damaged, or not ours at all. */
export type ApiKeyFormat = 'managed' | 'malformed-managed' | 'other';

/** The 6-character base62 checksum of a key's random part. */
function checksum(random: string): string {
  let value = crc32(random);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** SHA-256 of a key in lower-case hex: what the database stores and is searched by. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new managed key with its display prefix and hash. */
export function generateApiKey(): GeneratedApiKey {
  const random = randomString(RANDOM_LENGTH, BASE62);
  const secret = `${API_KEY_PREFIX}${random}${checksum(random)}`;
  return {
    secret,
    prefix: secret.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH),
    hash: hashApiKey(secret),
  };
}

/**
 * Classifies a presented key before any look-up: `managed` (our prefix, length, alphabet and
 * checksum all right — look its hash up), `malformed-managed` (starts with `plexmcp_` but is
 * damaged — refuse at once), `other` (not ours, e.g. a static key from PLEX_MCP_API_KEYS).
 * No timing concern: the checksum is public and the work does not depend on any stored secret.
 */
export function checkApiKeyFormat(candidate: string): ApiKeyFormat {
  if (!candidate.startsWith(API_KEY_PREFIX)) return 'other';
  if (!API_KEY_PATTERN.test(candidate)) return 'malformed-managed';
  const random = candidate.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + RANDOM_LENGTH);
  const given = candidate.slice(API_KEY_PREFIX.length + RANDOM_LENGTH);
  return checksum(random) === given ? 'managed' : 'malformed-managed';
}
