import { createPlexClient, type PlexClient, PlexError } from '@plexmcp/plex-client';
import { createPlexEmulator, type PlexEmulator } from '@plexmcp/plex-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolError, type ToolErrorInfo, toToolError } from './errors.js';

const PLEX = 'http://plex.test:32400';

/** Emulators served on a socket by a test, closed after it. */
const listening: PlexEmulator[] = [];
afterEach(async () => {
  for (const emulator of listening.splice(0)) await emulator.close();
});

/** A client wired to a fresh emulator through `fetch`. */
function wired(token?: string): { emulator: PlexEmulator; plex: PlexClient } {
  const emulator = createPlexEmulator();
  const plex = createPlexClient({
    baseUrl: 'http://user:secretpass@plex.test:32400',
    token: token ?? emulator.token,
    retry: false,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  });
  return { emulator, plex };
}

/** What `promise` rejects with, as the tool boundary reports it. */
async function reported(promise: Promise<unknown>): Promise<ToolErrorInfo> {
  try {
    await promise;
  } catch (error) {
    return toToolError(error);
  }
  throw new Error('expected the call to fail');
}

/** The part of a tool error that reaches callers. */
function callerView({ code, message, details }: ToolErrorInfo): string {
  return JSON.stringify({ code, message, details });
}

describe('toToolError', () => {
  it('tells callers the method and path, and the operator log the address and network code', async () => {
    const emulator = createPlexEmulator();
    listening.push(emulator);
    const { url } = await emulator.listen({ port: 0 });
    emulator.faults.set({ unreachable: true });
    await emulator.idle();
    const plex = createPlexClient({ baseUrl: url, token: emulator.token, retry: false });

    const info = await reported(plex.libraries.list());
    expect(info).toEqual({
      code: 'PLEX_UNREACHABLE',
      message:
        'Cannot reach Plex Media Server for GET /library/sections (ECONNREFUSED). Check the URL and that the server is running and reachable from this machine.',
      details: { plex_code: 'UNREACHABLE' },
      logDetail: `plex UNREACHABLE GET ${url}/library/sections (ECONNREFUSED)`,
    });
    expect(callerView(info)).not.toContain('127.0.0.1');
  });

  it('puts the status in the log detail when Plex answered', async () => {
    const { emulator, plex } = wired();
    emulator.faults.set({ errorRate: 1, errorStatus: 503 });
    const info = await reported(plex.libraries.list());
    expect(info).toMatchObject({
      code: 'PLEX_ERROR',
      details: { plex_code: 'HTTP_ERROR', status: 503 },
      logDetail: `plex HTTP_ERROR 503 GET ${PLEX}/library/sections`,
    });
    expect(info.message).toMatch(
      /^Plex Media Server answered HTTP 503 for GET \/library\/sections/,
    );
    expect(callerView(info)).not.toContain('plex.test');
  });

  it('keeps the token and URL credentials out of message and log detail alike', async () => {
    const token = 'wrong-Secret-Token-5b8e44d1';
    const { plex } = wired(token);
    const info = await reported(plex.libraries.items(1, { filters: { raw: { note: token } } }));
    expect(info.code).toBe('UNAUTHORIZED');
    expect(info.logDetail).toBe(
      `plex UNAUTHORIZED 401 GET ${PLEX}/library/sections/1/all?note=REDACTED`,
    );
    const everything = JSON.stringify(info);
    for (const secret of [token, 'secretpass', 'user:']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('gives callers a generic message for an unexpected failure and the log the real one', () => {
    const info = toToolError(
      new TypeError('cannot read id of http://admin:hunter22@10.0.0.5/x?X-Plex-Token=abcd1234'),
    );
    expect(info).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected failure inside the tool; the server log has the details.',
      logDetail: 'TypeError: cannot read id of http://10.0.0.5/x?X-Plex-Token=REDACTED',
    });
  });

  it('describes a thrown non-error in the log detail', () => {
    expect(toToolError('kaput')).toEqual({
      code: 'INTERNAL',
      message: 'Unexpected failure inside the tool; the server log has the details.',
      logDetail: 'Non-error thrown: kaput',
    });
    expect(toToolError(Object.create(null)).logDetail).toBe('Non-error thrown (not printable)');
  });

  it('passes a ToolError through as written, with nothing for the log', () => {
    expect(toToolError(new ToolError('AMBIGUOUS', '3 items match', { count: 3 }))).toEqual({
      code: 'AMBIGUOUS',
      message: '3 items match',
      details: { count: 3 },
    });
  });

  it('reports a cancelled call as TIMEOUT', () => {
    const info = toToolError(new DOMException('stop', 'AbortError'));
    expect(info).toEqual({
      code: 'TIMEOUT',
      message: 'The call was cancelled before Plex answered.',
    });
  });
});

/**
 * An error as another copy of a package builds it (mcp-server bundling its own plex-client, an
 * app's install next to a nested one): the shared registry brand, but not this copy's class.
 */
function fromOtherCopy<T extends object>(brand: string, fields: T): Error & T {
  class OtherCopy extends Error {}
  Object.defineProperty(OtherCopy.prototype, Symbol.for(brand), { value: true });
  return Object.assign(new OtherCopy(), fields);
}

describe('toToolError across package copies', () => {
  it.each([
    ['UNAUTHORIZED', 401, 'UNAUTHORIZED'],
    ['NOT_FOUND', 404, 'NOT_FOUND'],
    ['FORBIDDEN', 403, 'FORBIDDEN'],
    ['UNREACHABLE', undefined, 'PLEX_UNREACHABLE'],
  ] as const)('maps a %s PlexError from another copy of plex-client', (plexCode, status, code) => {
    const foreign = fromOtherCopy('plexmcp.PlexError', {
      name: 'PlexNotFoundError',
      message: `Plex said ${plexCode}.`,
      code: plexCode,
      status,
      method: 'GET',
      url: `${PLEX}/library/metadata/1`,
    });
    expect(foreign instanceof PlexError).toBe(true);
    expect(Object.prototype.isPrototypeOf.call(PlexError.prototype, foreign)).toBe(false);

    const info = toToolError(foreign);
    expect(info.code).toBe(code);
    expect(info.details).toEqual(
      status === undefined ? { plex_code: plexCode } : { plex_code: plexCode, status },
    );
    expect(info.logDetail).toContain(`plex ${plexCode}`);
  });

  it('passes a ToolError from another copy of plex-tools through as written', () => {
    const foreign = fromOtherCopy('plexmcp.ToolError', {
      name: 'ToolError',
      message: '3 items match',
      code: 'AMBIGUOUS',
      details: { count: 3 },
    });
    expect(Object.prototype.isPrototypeOf.call(ToolError.prototype, foreign)).toBe(false);
    expect(foreign instanceof ToolError).toBe(true);
    expect(toToolError(foreign)).toEqual({
      code: 'AMBIGUOUS',
      message: '3 items match',
      details: { count: 3 },
    });
  });

  it('does not take an unbranded look-alike for a Plex or tool error', () => {
    const lookAlike = Object.assign(new Error('secret at 10.0.0.5'), { code: 'NOT_FOUND' });
    expect(toToolError(lookAlike).code).toBe('INTERNAL');
  });
});
