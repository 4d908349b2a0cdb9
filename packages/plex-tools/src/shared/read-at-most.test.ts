import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readAtMost } from './read-at-most.js';

describe('readAtMost', () => {
  it.each([
    // pagemap is read in multiples of 8 bytes, hence a limit one short of a multiple.
    ['/proc/self/pagemap', 1024 * 1024 - 1],
    ['/dev/zero', 1024 * 1024],
  ])('stops one byte past the limit on %s, whose stat says it is empty', async (path, limit) => {
    const handle = await open(path, 'r');
    try {
      expect((await handle.stat()).size).toBe(0);
      expect((await readAtMost(handle, limit)).length).toBe(limit + 1);
    } finally {
      await handle.close();
    }
  });

  it('reads a short file whole, and goes on from where the last read stopped', async () => {
    const handle = await open(new URL(import.meta.url), 'r');
    try {
      const head = await readAtMost(handle, 5);
      const rest = await readAtMost(handle, 1024 * 1024);
      expect(Buffer.from([...head, ...rest]).toString('utf8')).toMatch(/^import \{ open \}/);
      expect(await readAtMost(handle, 10)).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });
});
