// Test helper (not exported from the package): one definition of "this error leaks nothing".
import { inspect } from 'node:util';
import { expect } from 'vitest';

/**
 * Asserts that `secrets` (and their hex/base64 spellings when they are bytes) appear nowhere in
 * what a log line could show of `error`: message, stack, util.inspect (causes included), JSON.
 */
export function expectNoLeak(error: unknown, secrets: ReadonlyArray<string | Buffer>): void {
  const shown = [
    error instanceof Error ? error.message : String(error),
    error instanceof Error ? (error.stack ?? '') : '',
    inspect(error, { depth: 10 }),
    JSON.stringify(error) ?? '',
  ].join('\n');
  for (const secret of secrets) {
    const spellings =
      typeof secret === 'string'
        ? [secret]
        : [secret.toString('hex'), secret.toString('base64'), secret.toString('base64url')];
    for (const spelling of spellings) {
      expect(spelling.length).toBeGreaterThan(7); // a short needle would prove nothing
      expect(shown).not.toContain(spelling);
    }
  }
}

/** Runs `fn`, expects it to throw (sync or async), and returns what it threw. */
export async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
