import { describe, expect, it } from 'vitest';
import { formatScopes, parseScopes } from './scopes.js';
import { emailKey, toTimestamp } from './values.js';

describe('stored values', () => {
  it('writes timestamps as fixed-width ISO-8601 UTC', () => {
    expect(toTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe(
      '2026-01-02T03:04:05.006Z',
    );
    expect(() => toTimestamp(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toTimestamp(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
  });

  it('keys emails case-insensitively', () => {
    expect(emailKey('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
    expect(emailKey('ÉLODIE@example.com')).toBe(emailKey('élodie@example.com'));
  });

  it('stores scopes in one canonical form and parses them back', () => {
    expect(formatScopes(['admin', 'read', 'read', 'write'])).toBe('read write admin');
    expect(parseScopes('read write admin')).toEqual(['read', 'write', 'admin']);
    expect(parseScopes(formatScopes(['delete']))).toEqual(['delete']);
    expect(() => formatScopes([])).toThrow(/at least one/);
    expect(() => formatScopes(['root' as 'read'])).toThrow(/Unknown scope 'root'/);
    expect(() => parseScopes('read sudo')).toThrow(/unknown scope 'sudo'/);
  });
});
