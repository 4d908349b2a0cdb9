import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads whole seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('reads an HTTP-date relative to now, and a past one as now', () => {
    expect(parseRetryAfter('Mon, 07 Dec 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 07 Dec 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what RFC 9110 does not allow', () => {
    for (const value of [null, '', '-5', '1.5', '0x10', '12 apples', 'soon', 'Xyz, nonsense']) {
      expect(parseRetryAfter(value, NOW), String(value)).toBeUndefined();
    }
  });

  it('reads a large number as seconds, not as a timestamp (ky guesses a timestamp)', () => {
    expect(parseRetryAfter('1767000000', NOW)).toBe(1_767_000_000_000);
  });
});
