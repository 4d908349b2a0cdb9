import { randomBytes } from 'node:crypto';

/** The base62 alphabet in numeral order (digits, upper case, lower case): URL-safe, no separators. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Where random bytes come from; replaceable only so tests can feed known bytes. */
export type ByteSource = (size: number) => Uint8Array;

/**
 * `length` characters drawn uniformly from `alphabet` with the system CSPRNG. Bytes at or above
 * the largest multiple of the alphabet's size are dropped (rejection sampling): taking every
 * byte modulo 62 would make the first 8 characters 25% more likely than the rest.
 */
export function randomString(
  length: number,
  alphabet: string = BASE62,
  source: ByteSource = randomBytes,
): string {
  if (alphabet.length < 2 || alphabet.length > 256) {
    throw new RangeError('alphabet must have between 2 and 256 characters');
  }
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    // A little more than needed, so one draw usually suffices despite the rejected bytes.
    for (const byte of source(length - out.length + 8)) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}
