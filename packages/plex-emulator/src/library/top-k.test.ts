import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.js';

describe('TopK', () => {
  it('keeps the best values in order and counts everything offered', () => {
    const top = new TopK<number>(3, (a, b) => b - a);
    for (const n of [5, 1, 9, 7, 3, 9, 2]) top.push(n);
    expect(top.values()).toEqual([9, 9, 7]);
    expect(top.total).toBe(7);
  });

  it('keeps everything, sorted, without a limit, and nothing with a zero limit', () => {
    const all = new TopK<number>(Number.POSITIVE_INFINITY, (a, b) => a - b);
    for (const n of [3, 1, 2]) all.push(n);
    expect(all.values()).toEqual([1, 2, 3]);
    const none = new TopK<number>(0, (a, b) => a - b);
    none.push(1);
    expect(none.values()).toEqual([]);
    expect(none.total).toBe(1);
  });
});
