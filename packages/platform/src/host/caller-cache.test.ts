import { describe, expect, it } from 'vitest';
import type { AuthFailure } from '../services/authenticate.js';
import { type Caller, staticCaller } from '../services/caller.js';
import { cachedResolver } from './caller-cache.js';

const CALLER = staticCaller('org_cache', ['read']);

/** A resolver that answers from a table and counts how often it is asked. */
function table(answers: Record<string, Caller | AuthFailure>) {
  const asked: string[] = [];
  const resolve = async (secret: string) => {
    asked.push(secret);
    return answers[secret] ?? 'unknown';
  };
  return { resolve, asked };
}

describe('cachedResolver', () => {
  it('reuses an answer for the time to live, then asks again', async () => {
    let now = 1_000;
    const source = table({ good: CALLER, gone: 'revoked' });
    const cache = cachedResolver(source.resolve, { ttlMs: 1000, now: () => now });
    expect(await cache.resolve('good')).toBe(CALLER);
    expect(await cache.resolve('gone')).toBe('revoked');
    now += 999;
    expect(await cache.resolve('good')).toBe(CALLER);
    expect(await cache.resolve('gone')).toBe('revoked');
    expect(source.asked).toEqual(['good', 'gone']);
    now += 1;
    await cache.resolve('good');
    expect(source.asked).toEqual(['good', 'gone', 'good']);
  });

  it('never keeps unknown or malformed keys, so guessing cannot evict real answers', async () => {
    const source = table({ damaged: 'malformed' });
    const cache = cachedResolver(source.resolve, { maxEntries: 1 });
    await cache.resolve('guess');
    await cache.resolve('guess');
    await cache.resolve('damaged');
    await cache.resolve('damaged');
    expect(source.asked).toEqual(['guess', 'guess', 'damaged', 'damaged']);
  });

  it('drops the oldest answer when full, and everything on forget()', async () => {
    const source = table({ a: CALLER, b: CALLER });
    const cache = cachedResolver(source.resolve, { maxEntries: 1 });
    await cache.resolve('a');
    await cache.resolve('b');
    await cache.resolve('b');
    await cache.resolve('a');
    expect(source.asked).toEqual(['a', 'b', 'a']);
    cache.forget();
    await cache.resolve('a');
    expect(source.asked).toEqual(['a', 'b', 'a', 'a']);
  });
});
