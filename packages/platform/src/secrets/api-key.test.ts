import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_DISPLAY_PREFIX_LENGTH,
  API_KEY_LENGTH,
  API_KEY_PATTERN,
  API_KEY_PREFIX,
  checkApiKeyFormat,
  generateApiKey,
  hashApiKey,
} from './api-key.js';
import { BASE62 } from './random.js';

const sample = Array.from({ length: 8 }, () => generateApiKey().secret);

describe('generateApiKey', () => {
  it('makes plexmcp_ + 36 base62 characters that check as managed', () => {
    for (const secret of sample) {
      expect(secret).toHaveLength(44);
      expect(API_KEY_LENGTH).toBe(44);
      expect(secret.startsWith(API_KEY_PREFIX)).toBe(true);
      expect(secret).toMatch(API_KEY_PATTERN);
      expect(checkApiKeyFormat(secret)).toBe('managed');
    }
  });

  it('returns the SHA-256 of the secret and its first 12 characters, nothing more', () => {
    const { secret, prefix, hash } = generateApiKey();
    expect(hash).toBe(hashApiKey(secret));
    expect(prefix).toHaveLength(API_KEY_DISPLAY_PREFIX_LENGTH);
    expect(prefix).toBe(secret.slice(0, 12));
    // The prefix shows only 4 random characters; the other 26 and the checksum stay hidden.
    expect(prefix.slice(API_KEY_PREFIX.length)).toHaveLength(4);
    expect(prefix).not.toContain(secret.slice(12, 16));
  });

  it('never repeats, and its random part uses base62 about uniformly', () => {
    const keys = Array.from({ length: 4_000 }, () => generateApiKey());
    expect(new Set(keys.map((k) => k.secret)).size).toBe(4_000);
    expect(new Set(keys.map((k) => k.hash)).size).toBe(4_000);
    const counts = new Map<string, number>();
    for (const { secret } of keys) {
      for (const char of secret.slice(8, 38)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    const expected = (4_000 * 30) / 62;
    const chiSquare = [...counts.values()].reduce(
      (sum, n) => sum + (n - expected) ** 2 / expected,
      0,
    );
    // 61 degrees of freedom: above 130 about once in a million runs by chance; modulo bias ≈ 800.
    expect(chiSquare).toBeLessThan(130);
  });
});

describe('hashApiKey', () => {
  it('is what sha256sum prints for the same bytes', () => {
    const { secret } = generateApiKey();
    const fromTool = execFileSync('sha256sum', { input: secret }).toString().split(' ')[0];
    expect(hashApiKey(secret)).toBe(fromTool);
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('checkApiKeyFormat', () => {
  // Fixed vectors, so a change to the checksum's encoding cannot pass unnoticed.
  it('accepts a known key and its documented checksum', () => {
    const random = 'abcdefghijklmnopqrstuvwxyz0123';
    // CRC32("abcdefghijklmnopqrstuvwxyz0123") = 0x806D9A54 = 2154666580 → base62 "2LolCm".
    expect(checkApiKeyFormat(`plexmcp_${random}2LolCm`)).toBe('managed');
    expect(checkApiKeyFormat(`plexmcp_${random}2LolCn`)).toBe('malformed-managed');
  });

  it('catches every single-character change in the random part and checksum', () => {
    for (const secret of sample.slice(0, 3)) {
      for (let i = API_KEY_PREFIX.length; i < secret.length; i++) {
        for (const char of BASE62) {
          if (char === secret[i]) continue;
          const changed = secret.slice(0, i) + char + secret.slice(i + 1);
          expect(checkApiKeyFormat(changed), changed).toBe('malformed-managed');
        }
      }
    }
  });

  it('never calls a key with a changed prefix managed', () => {
    const [secret] = sample as [string];
    for (let i = 0; i < API_KEY_PREFIX.length; i++) {
      const changed = `${secret.slice(0, i)}X${secret.slice(i + 1)}`;
      expect(checkApiKeyFormat(changed)).toBe('other');
    }
  });

  it('catches every swap of two adjacent different characters', () => {
    let swaps = 0;
    for (const secret of sample) {
      for (let i = API_KEY_PREFIX.length; i < secret.length - 1; i++) {
        if (secret[i] === secret[i + 1]) continue;
        const swapped = secret.slice(0, i) + secret[i + 1] + secret[i] + secret.slice(i + 2);
        expect(checkApiKeyFormat(swapped), swapped).toBe('malformed-managed');
        swaps++;
      }
    }
    expect(swaps).toBeGreaterThan(200);
  });

  it.each([
    ['one character short', (k: string) => k.slice(0, -1)],
    ['one character long', (k: string) => `${k}a`],
    ['a character outside base62', (k: string) => `${k.slice(0, 20)}-${k.slice(21)}`],
    ['a trailing newline', (k: string) => `${k}\n`],
    ['only the prefix', () => 'plexmcp_'],
  ])('calls a plexmcp_ key with %s malformed', (_, damage) => {
    expect(checkApiKeyFormat(damage(sample[0]!))).toBe('malformed-managed');
  });

  it.each([
    's3cret-admin',
    '',
    ' plexmcp_abcdefghijklmnopqrstuvwxyz01232LolCm',
    'PLEXMCP_abcdefghijklmnopqrstuvwxyz01232LolCm',
    'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'plexmcp-abcdefghijklmnopqrstuvwxyz01232LolCm',
  ])('calls %j not ours', (candidate) => {
    expect(checkApiKeyFormat(candidate)).toBe('other');
  });

  it('exposes a pattern that matches exactly the managed shape', () => {
    expect(API_KEY_PATTERN.test(sample[0]!)).toBe(true);
    expect(API_KEY_PATTERN.test(`${sample[0]!}x`)).toBe(false);
    expect(API_KEY_PATTERN.test(`x${sample[0]!}`)).toBe(false);
    expect(API_KEY_PATTERN.test(sample[0]!.replace('plexmcp_', 'plexmcp-'))).toBe(false);
  });
});
