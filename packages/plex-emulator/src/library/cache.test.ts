import { describe, expect, it } from 'vitest';
import { testEmulator } from '../testing/harness.js';
import { cacheFor, RevisionCache } from './cache.js';

describe('RevisionCache', () => {
  it('answers only for the revision a value was stored at', () => {
    const cache = new RevisionCache<string>(4);
    cache.set('a', 1, 'one');
    expect(cache.get('a', 1)).toBe('one');
    expect(cache.get('a', 2)).toBeUndefined();
    // A stale entry is dropped, not resurrected when the revision comes back.
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new RevisionCache<number>(2);
    cache.set('a', 0, 1);
    cache.set('b', 0, 2);
    expect(cache.get('a', 0)).toBe(1);
    cache.set('c', 0, 3);
    expect(cache.get('b', 0)).toBeUndefined();
    expect(cache.get('a', 0)).toBe(1);
    expect(cache.get('c', 0)).toBe(3);
  });
});

describe('cacheFor', () => {
  it('keeps one cache per state and name', () => {
    const one = testEmulator({ library: 'empty' }).state;
    const two = testEmulator({ library: 'empty' }).state;
    const cache = cacheFor<number>(one, 'x');
    cache.set('k', one.revision, 42);
    expect(cacheFor<number>(one, 'x').get('k', one.revision)).toBe(42);
    expect(cacheFor<number>(one, 'y').get('k', one.revision)).toBeUndefined();
    expect(cacheFor<number>(two, 'x').get('k', two.revision)).toBeUndefined();
  });
});
