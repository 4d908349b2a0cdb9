import { describe, expect, it } from 'vitest';
import { iteratePages, type Page, pageWindow, toPage } from './paging.js';

describe('pageWindow', () => {
  it('fills defaults and rejects negative or fractional values', () => {
    expect(pageWindow()).toEqual({ offset: 0, limit: 50 });
    expect(pageWindow({ offset: 5, limit: 0 })).toEqual({ offset: 5, limit: 0 });
    expect(() => pageWindow({ offset: -1 })).toThrow('offset must be a whole number');
    expect(() => pageWindow({ limit: 1.5 })).toThrow('limit must be a whole number');
  });
});

describe('toPage', () => {
  it('prefers the container numbers and falls back to what came back', () => {
    expect(toPage(['a'], { offset: 10, totalSize: 99 }, 0)).toEqual({
      items: ['a'],
      offset: 10,
      totalSize: 99,
    });
    expect(toPage(['a', 'b'], {}, 4)).toEqual({ items: ['a', 'b'], offset: 4, totalSize: 6 });
  });
});

describe('iteratePages', () => {
  const list = Array.from({ length: 23 }, (_, i) => i);
  const windows: { offset: number; limit: number }[] = [];
  const fetchPage = async (window: { offset: number; limit: number }): Promise<Page<number>> => {
    windows.push(window);
    return {
      items: list.slice(window.offset, window.offset + window.limit),
      offset: window.offset,
      totalSize: list.length,
    };
  };

  it('walks every page in order and stops at the total', async () => {
    windows.length = 0;
    const seen: number[] = [];
    for await (const item of iteratePages(fetchPage, 10)) seen.push(item);
    expect(seen).toEqual(list);
    expect(windows.map((w) => w.offset)).toEqual([0, 10, 20]);
  });

  it('stops on an empty page even when the total claims more', async () => {
    const lying = async () => ({ items: [], offset: 0, totalSize: 1000 });
    const seen: unknown[] = [];
    for await (const item of iteratePages(lying)) seen.push(item);
    expect(seen).toEqual([]);
  });
});
