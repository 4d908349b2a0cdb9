import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './cipher.js';
import { CipherError } from './cipher-error.js';
import { caught, expectNoLeak } from './expect-no-leak.js';

const keyBytes = randomBytes(32);
const key = createSecretKey(keyBytes);
const otherKeyBytes = randomBytes(32);
const otherKey = createSecretKey(otherKeyBytes);
const token = 'plex-token-xY7qLm3Pz9RtVw2K';

/** Expects decryption to fail with `code` and to show neither key nor plaintext. */
async function expectCipherError(run: () => unknown, code: CipherError['code']): Promise<string> {
  const error = await caught(run);
  expect(error).toBeInstanceOf(CipherError);
  expect((error as CipherError).code).toBe(code);
  expectNoLeak(error, [token, keyBytes, otherKeyBytes]);
  return (error as CipherError).message;
}

/** `sealed` with its `index`-th dot-separated part replaced. */
const withPart = (sealed: string, index: number, part: string) =>
  sealed
    .split('.')
    .map((p, i) => (i === index ? part : p))
    .join('.');

describe('encryptSecret / decryptSecret', () => {
  it('round-trips text, including empty and non-ASCII', () => {
    for (const plaintext of [token, '', '{"Authorization":"Bearer ü✓"}', 'x'.repeat(10_000)]) {
      expect(decryptSecret(key, encryptSecret(key, plaintext))).toBe(plaintext);
      expect(decryptSecret(key, encryptSecret(key, plaintext, 'mcp_1'), 'mcp_1')).toBe(plaintext);
    }
  });

  it('writes v1.<kid>.<iv>.<tag>.<ciphertext> in base64url, 12-byte IV, 16-byte tag', () => {
    const sealed = encryptSecret(key, token);
    expect(sealed).toMatch(
      /^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/,
    );
    const [, , iv, , data] = sealed.split('.');
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(data!, 'base64url')).toHaveLength(Buffer.byteLength(token)); // GCM: no padding
    expect(sealed).not.toContain(token);
  });

  it('uses a fresh IV every time, so equal plaintexts seal differently', () => {
    const seals = Array.from({ length: 1_000 }, () => encryptSecret(key, token));
    expect(new Set(seals).size).toBe(1_000);
    expect(new Set(seals.map((s) => s.split('.')[2])).size).toBe(1_000);
  });

  it('binds a ciphertext to its row: another row id or none at all fails as TAMPERED', async () => {
    const sealed = encryptSecret(key, token, 'mcp_aaaaaaaaaaaaaaaaaaaa');
    expect(decryptSecret(key, sealed, 'mcp_aaaaaaaaaaaaaaaaaaaa')).toBe(token);
    await expectCipherError(
      () => decryptSecret(key, sealed, 'mcp_bbbbbbbbbbbbbbbbbbbb'),
      'TAMPERED',
    );
    await expectCipherError(() => decryptSecret(key, sealed), 'TAMPERED');
    const unbound = encryptSecret(key, token);
    const message = await expectCipherError(
      () => decryptSecret(key, unbound, 'mcp_aaaaaaaaaaaaaaaaaaaa'),
      'TAMPERED',
    );
    expect(message).toContain('another record');
  });

  it('names a different key as WRONG_KEY', async () => {
    const message = await expectCipherError(
      () => decryptSecret(otherKey, encryptSecret(key, token)),
      'WRONG_KEY',
    );
    expect(message).toContain('PLEXMCP_SECRET_KEY');
  });

  it('calls every single-character change TAMPERED (or WRONG_KEY in the key id)', async () => {
    const sealed = encryptSecret(key, token, 'mcp_1');
    const alphabet = 'AZaz09_-';
    for (let i = 3; i < sealed.length; i++) {
      if (sealed[i] === '.') continue;
      for (const char of alphabet) {
        if (char === sealed[i]) continue;
        const changed = sealed.slice(0, i) + char + sealed.slice(i + 1);
        const inKid = i < sealed.indexOf('.', 3);
        await expectCipherError(
          () => decryptSecret(key, changed, 'mcp_1'),
          inKid ? 'WRONG_KEY' : 'TAMPERED',
        );
      }
    }
  });

  it('refuses truncation, extension and extra parts as TAMPERED', async () => {
    const sealed = encryptSecret(key, token);
    const [, , , , data] = sealed.split('.');
    for (const damaged of [
      sealed.slice(0, -1),
      `${sealed}A`,
      `${sealed}.`,
      withPart(sealed, 4, data!.slice(0, -2)),
      withPart(sealed, 3, 'A'.repeat(22)),
      withPart(sealed, 2, 'A'.repeat(15)),
      withPart(sealed, 2, `${'A'.repeat(15)}=`),
      sealed.split('.').slice(0, 4).join('.'),
      'v1',
      'v1.',
    ]) {
      await expectCipherError(() => decryptSecret(key, damaged), 'TAMPERED');
    }
  });

  it('refuses an unknown version as UNKNOWN_VERSION, before anything else', async () => {
    const sealed = encryptSecret(key, token);
    for (const damaged of [withPart(sealed, 0, 'v2'), withPart(sealed, 0, 'V1'), token, '']) {
      const message = await expectCipherError(() => decryptSecret(key, damaged), 'UNKNOWN_VERSION');
      expect(message).toContain('v1');
    }
  });

  it('cannot be passed off as another key by rewriting the key id', async () => {
    // The header is in GCM's associated data, so a seal relabelled with the reader's key id
    // still fails: the key id only words the error, it never decides authenticity.
    const sealed = encryptSecret(key, token);
    const otherKid = encryptSecret(otherKey, '').split('.')[1]!;
    await expectCipherError(
      () => decryptSecret(otherKey, withPart(sealed, 1, otherKid)),
      'TAMPERED',
    );
  });

  it('refuses a key that is not 32 bytes, without showing it', () => {
    const short = createSecretKey(randomBytes(16));
    expect(() => encryptSecret(short, token)).toThrow(/32-byte/);
    expect(() => decryptSecret(short, encryptSecret(key, token))).toThrow(/32-byte/);
  });
});
