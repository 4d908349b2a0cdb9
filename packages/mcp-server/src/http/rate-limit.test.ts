import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitHeaders } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('spends a burst, refills at perSecond and keeps keys apart', () => {
    let now = 0;
    const take = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([take('a'), take('a'), take('a')].map((d) => d.remaining)).toEqual([2, 1, 0]);
    const refused = take('a');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(refused.retryAfterSeconds).toBe(1);
    expect(rateLimitHeaders(refused)).toMatchObject({ 'retry-after': '1' });
    expect(take('b')).toMatchObject({ allowed: true, remaining: 2 });
    now = 500;
    expect(take('a')).toMatchObject({ allowed: true, remaining: 0 });
    now = 10_000;
    expect(take('a')).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 1 });
  });

  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ perSecond: 0, burst: 5 })).toThrow(/perSecond/);
    expect(() => createRateLimiter({ perSecond: 1, burst: 0 })).toThrow(/burst/);
  });
});
