import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitHeaders } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('spends a burst, refills at perSecond and keeps keys apart', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    const take = (key: string) => limiter.take(key);
    expect([take('a'), take('a'), take('a')].map((d) => d.remaining)).toEqual([2, 1, 0]);
    const refused = take('a');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, limit: 3 });
    expect(refused.retryAfterSeconds).toBe(1);
    expect(rateLimitHeaders(refused)).toMatchObject({ 'retry-after': '1' });
    expect(take('b')).toMatchObject({ allowed: true, remaining: 2 });
    now = 500;
    expect(take('a')).toMatchObject({ allowed: true, remaining: 0 });
    now = 10_000;
    expect(take('a')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('answers the reset as a Unix time in seconds, when the bucket is full again', () => {
    const start = Date.UTC(2026, 11, 7, 12, 0, 0);
    let now = start;
    const limiter = createRateLimiter({ perSecond: 1, burst: 10 }, () => now);
    // Four spent at one per second: full again four seconds later.
    for (let i = 0; i < 4; i++) limiter.take('a');
    const decision = limiter.take('a', 0);
    expect(decision.resetAt).toBe(start / 1000 + 4);
    expect(rateLimitHeaders(decision)['x-ratelimit-reset']).toBe(String(start / 1000 + 4));
    now += 4000;
    expect(limiter.take('a', 0).resetAt).toBe(start / 1000 + 4);
  });

  it('charges a cost (a batch) in one go, and refuses it whole when too few are left', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 1, burst: 5 }, () => now);
    expect(limiter.take('a', 4)).toMatchObject({ allowed: true, remaining: 1 });
    const refused = limiter.take('a', 3);
    expect(refused).toMatchObject({ allowed: false, remaining: 1, retryAfterSeconds: 2 });
    now = 2000;
    expect(limiter.take('a', 3)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('says whether a key ran dry without spending', () => {
    const limiter = createRateLimiter({ perSecond: 1, burst: 2 }, () => 0);
    expect(limiter.blocked('a')).toBe(false);
    limiter.take('a');
    expect(limiter.blocked('a')).toBe(false);
    limiter.take('a');
    expect(limiter.blocked('a')).toBe(true);
    expect(limiter.blocked('b')).toBe(false);
  });

  it('keeps at most 10,000 callers, forgetting the oldest first', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, () => now);
    // Every caller spends its one token, so nothing is pruned as full.
    for (let i = 0; i < 10_000; i++) limiter.take(`address:${i}`);
    expect(limiter.blocked('address:0')).toBe(true);
    now += 1; // not a second later: no prune
    limiter.take('address:newcomer');
    expect(limiter.blocked('address:0')).toBe(false);
    expect(limiter.blocked('address:1')).toBe(true);
  });

  it('refuses nonsense limits', () => {
    expect(() => createRateLimiter({ perSecond: 0, burst: 5 })).toThrow(/perSecond/);
    expect(() => createRateLimiter({ perSecond: 1, burst: 0 })).toThrow(/burst/);
  });
});
