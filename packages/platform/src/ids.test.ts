import { describe, expect, it } from 'vitest';
import { ID_KINDS, isId, newId } from './ids.js';

describe('newId', () => {
  it.each(ID_KINDS)('makes %s_ + 20 base62 characters', (kind) => {
    const id = newId(kind);
    expect(id).toMatch(new RegExp(`^${kind}_[0-9A-Za-z]{20}$`));
    expect(isId(kind, id)).toBe(true);
  });

  it('never repeats across many draws', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newId('key')));
    expect(ids.size).toBe(20_000);
  });

  it('uses every base62 character about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3_000; i++) {
      for (const char of newId('org').slice(4)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    const expected = (3_000 * 20) / 62;
    const chiSquare = [...counts.values()].reduce(
      (sum, n) => sum + (n - expected) ** 2 / expected,
      0,
    );
    // 61 degrees of freedom: above 130 happens by chance about once in a million runs, while a
    // byte-modulo-62 draw (the first 8 characters 25% likelier) scores about 400.
    expect(chiSquare).toBeLessThan(130);
  });

  it('refuses an unknown kind', () => {
    expect(() => newId('team' as never)).toThrow(/unknown id kind/);
  });
});

describe('isId', () => {
  const good = 'mcp_0123456789abcdefABCD';

  it('accepts a well-formed id of its kind only', () => {
    expect(isId('mcp', good)).toBe(true);
    expect(isId('org', good)).toBe(false);
    expect(isId('key', `key_${good.slice(4)}`)).toBe(true);
  });

  it.each([
    ['too short', good.slice(0, -1)],
    ['too long', `${good}x`],
    ['a character outside base62', 'mcp_0123456789abcdef-BCD'],
    ['an underscore in the random part', 'mcp_0123456789abcdef_BCD'],
    ['upper-case kind', `MCP_${good.slice(4)}`],
    ['no separator', `mcp${good.slice(4)}x`],
    ['a trailing newline', `${good}\n`],
    ['a path trick', 'mcp_../../../../etc/passwd'],
    ['empty', ''],
  ])('rejects %s', (_, value) => {
    expect(isId('mcp', value)).toBe(false);
  });

  it('rejects values that are not strings and kinds that do not exist', () => {
    expect(isId('mcp', 42)).toBe(false);
    expect(isId('mcp', undefined)).toBe(false);
    expect(isId('team' as never, good)).toBe(false);
  });
});
