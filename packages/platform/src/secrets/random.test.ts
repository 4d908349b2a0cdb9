import { describe, expect, it } from 'vitest';
import { BASE62, randomString } from './random.js';

describe('randomString', () => {
  it('draws only from the alphabet, at the length asked', () => {
    const value = randomString(500);
    expect(value).toHaveLength(500);
    expect(value).toMatch(/^[0-9A-Za-z]+$/);
    expect(randomString(40, 'ab')).toMatch(/^[ab]{40}$/);
  });

  it('drops bytes at or above the largest multiple of the alphabet size (no modulo bias)', () => {
    // 248 = 4 × 62: bytes 248–255 must be skipped, not folded onto the first 8 characters.
    const feed = [255, 248, 249, 0, 247, 62, 61];
    let position = 0;
    const source = (size: number) => {
      const out = new Uint8Array(size);
      for (let i = 0; i < size; i++) out[i] = feed[position++ % feed.length]!;
      return out;
    };
    expect(randomString(4, BASE62, source)).toBe(`0${BASE62[247 % 62]}0z`);
  });

  it('asks for more bytes when too many were rejected', () => {
    let calls = 0;
    const source = (size: number) => {
      calls++;
      return new Uint8Array(size).fill(calls < 3 ? 255 : 1);
    };
    expect(randomString(10, BASE62, source)).toBe('1111111111');
    expect(calls).toBe(3);
  });

  it('refuses an alphabet it cannot sample from', () => {
    expect(() => randomString(5, 'a')).toThrow(RangeError);
  });
});
