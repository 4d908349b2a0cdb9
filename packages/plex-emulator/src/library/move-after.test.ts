import { describe, expect, it } from 'vitest';
import { moveAfter } from './move-after.js';

describe('moveAfter', () => {
  const ids = () => ['a', 'b', 'c', 'd'];
  const self = (key: string) => key;

  it('moves an entry after another, forwards and backwards, or to the front', () => {
    let list = ids();
    expect(moveAfter(list, self, 'a', 'c')).toBe('ok');
    expect(list).toEqual(['b', 'c', 'a', 'd']);
    list = ids();
    expect(moveAfter(list, self, 'd', 'a')).toBe('ok');
    expect(list).toEqual(['a', 'd', 'b', 'c']);
    list = ids();
    expect(moveAfter(list, self, 'c', undefined)).toBe('ok');
    expect(list).toEqual(['c', 'a', 'b', 'd']);
  });

  it('names the missing entry and leaves the list alone', () => {
    const list = ids();
    expect(moveAfter(list, self, 'x', 'a')).toBe('no-item');
    expect(moveAfter(list, self, 'a', 'x')).toBe('no-after');
    expect(moveAfter(list, self, 'b', 'b')).toBe('no-after');
    expect(list).toEqual(ids());
  });

  it('finds entries by the id function', () => {
    const list = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(moveAfter(list, (e) => e.id, 1, 3)).toBe('ok');
    expect(list.map((e) => e.id)).toEqual([2, 3, 1]);
  });
});
