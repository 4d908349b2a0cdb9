import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';

// SECURITY.md at the repository root tells operators every limit; it must say what the code does.
const security = readFileSync(new URL('../../../../SECURITY.md', import.meta.url), 'utf8');

describe('LIMITS and SECURITY.md', () => {
  it.each(Object.entries(LIMITS))('documents %s with its default and minimum', (name, limit) => {
    const row = security.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row, `SECURITY.md has no row for ${name}`).toBeDefined();
    const cells = (row ?? '').split('|').map((cell) => cell.trim());
    expect(cells[2]).toBe(String(limit.default));
    expect(cells[3]).toBe(String(limit.min));
  });
});
