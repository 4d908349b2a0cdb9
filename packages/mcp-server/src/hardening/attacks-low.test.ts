import { setTimeout as sleep } from 'node:timers/promises';
import {
  createPlexEmulator,
  type ListeningEmulator,
  type PlexEmulator,
} from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyArgs,
  bearer,
  callTool,
  initializeBody,
  KEYS,
  MCP_HEADERS,
  openSession,
  PLEX_TOKEN,
  rpc,
  SPAWN_TIMEOUT,
  startVictim,
  type Victim,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 8, the low-severity findings: secrets and addresses in answers and logs, Plex's own
// failures read as the caller's, error bodies in the wrong shape, resources read around a key's
// scopes, and a warning flood.

const PASSWORD = 's3cretpass';
const BASIC = Buffer.from(`user:${PASSWORD}`).toString('base64');
const WRONG_TOKEN = 'wrong-tok/ATK+Zx81=Pq';

let emulator: PlexEmulator;
let served: ListeningEmulator;
/** PLEX_URL carries `user:s3cretpass@`; Plex answers within 300 ms or not at all. */
let server: Victim;
/** Started with a token Plex refuses. */
let refused: Victim;
let plexAddress: string;

beforeAll(async () => {
  emulator = createPlexEmulator({ token: PLEX_TOKEN, activityStepMs: 2 });
  served = await emulator.listen({ port: 0, host: '127.0.0.1' });
  plexAddress = `127.0.0.1:${served.port}`;
  const args = [
    ...apiKeyArgs([KEYS.admin, 'read+write+delete'], [KEYS.write, 'write']),
    '--rate-limit',
    'off',
    '--log-level',
    'debug',
  ];
  [server, refused] = await Promise.all([
    startVictim(args, {
      PLEX_URL: `http://user:${PASSWORD}@${plexAddress}`,
      PLEX_TOKEN,
      PLEX_TV_URL: served.plexTvUrl,
      PLEX_TIMEOUT_MS: '300',
    }),
    startVictim(args, {
      PLEX_URL: served.url,
      PLEX_TOKEN: WRONG_TOKEN,
      PLEX_TV_URL: served.plexTvUrl,
    }),
  ]);
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await Promise.all([server?.stop(), refused?.stop()]);
  await emulator?.close();
});

/** Everything a caller of `server` must never read. */
function expectNoSecrets(text: string) {
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(BASIC);
  expect(text).not.toContain(PLEX_TOKEN);
  expect(text).not.toContain(encodeURIComponent(PLEX_TOKEN));
}

describe('attack 8: leaks and wrong answers', { timeout: 15_000 }, () => {
  it('works through a PLEX_URL with user:password@ (sent as Basic auth, not in the URL)', async () => {
    const answer = await callTool(server.url, 'library_list', {}, KEYS.admin);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.text).toContain('Movies');
    expectNoSecrets(answer.text);
  });

  it('answers a Plex timeout with 504 TIMEOUT, without the Plex address or credentials', async () => {
    emulator.faults.set({ latencyMs: 2000 });
    try {
      const answer = await callTool(server.url, 'library_list', {}, KEYS.admin);
      expect(answer.status, answer.text).toBe(504);
      expect(answer.json.error.code).toBe('TIMEOUT');
      expectNoSecrets(answer.text);
      expect(answer.text).not.toContain(plexAddress);
    } finally {
      emulator.faults.reset();
    }
  });

  it('answers an unreachable Plex with 503, without the Plex address or credentials', async () => {
    emulator.faults.set({ unreachable: true });
    await emulator.idle();
    try {
      const answer = await callTool(server.url, 'library_list', {}, KEYS.admin);
      expect(answer.status, answer.text).toBe(503);
      expect(answer.json.error.code).toBe('PLEX_UNREACHABLE');
      expectNoSecrets(answer.text);
      expect(answer.text).not.toContain(plexAddress);
      const session = await openSession(server.url, KEYS.admin);
      const overMcp = await rpc(server.url, session, 'tools/call', {
        name: 'library_list',
        arguments: {},
      });
      expect(overMcp.json.result.isError).toBe(true);
      expectNoSecrets(overMcp.text);
      expect(overMcp.text).not.toContain(plexAddress);
    } finally {
      emulator.faults.reset();
      await emulator.idle();
    }
    // The operator's log says what failed, without the password (in any form).
    await sleep(100);
    expect(server.output.stderr).toMatch(/library_list failed: PLEX_UNREACHABLE/);
    expect(server.output.stderr).not.toContain(PASSWORD);
    expect(server.output.stderr).not.toContain(BASIC);
  });

  it("answers Plex refusing the server's token with 502 PLEX_UNAUTHORIZED, not 401", async () => {
    const answer = await callTool(refused.url, 'library_list', {}, KEYS.admin);
    expect(answer.status, answer.text).toBe(502);
    expect(answer.json.error.code).toBe('PLEX_UNAUTHORIZED');
    expect(answer.headers.get('www-authenticate')).toBeNull();
    expect(answer.text).not.toContain(WRONG_TOKEN);
    expect(answer.text).not.toContain(plexAddress);
    expect(refused.output.stderr).not.toContain(WRONG_TOKEN);
    expect(refused.output.stderr).not.toContain(encodeURIComponent(WRONG_TOKEN));
  });

  it('answers a missing or wrong key on the MCP doors with a JSON-RPC error body', async () => {
    const attempts = [
      send(`${server.url}/mcp`, { headers: MCP_HEADERS, body: initializeBody() }),
      send(`${server.url}/mcp`, {
        headers: { ...MCP_HEADERS, ...bearer('not-the-key-Zq8Wm3Kx7Vb2Np5Lr9Ty4Hc') },
        body: initializeBody(),
      }),
      send(`${server.url}/sse`, { method: 'GET', headers: { accept: 'text/event-stream' } }),
      send(`${server.url}/messages?sessionId=x`, {
        headers: { 'content-type': 'application/json' },
        body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status, answer.text).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.json).toEqual({
        jsonrpc: '2.0',
        error: { code: expect.any(Number), message: expect.any(String) },
        id: null,
      });
    }
  });

  it('lets a write-only key neither list nor read resources', async () => {
    const session = await openSession(server.url, KEYS.write);
    const listed = await rpc(server.url, session, 'resources/list');
    expect(listed.status).toBe(200);
    expect(listed.json.result).toEqual({ resources: [] });
    for (const uri of ['plex://library/1', 'plex://library/Movies', 'plex://item/1000']) {
      const read = await rpc(server.url, session, 'resources/read', { uri });
      expect(read.json.result, `${uri} was readable`).toBeUndefined();
      expect(read.json.error).toMatchObject({ code: expect.any(Number) });
      expect(read.json.error.message).toMatch(/may not read it|FORBIDDEN/);
      expect(read.text).not.toContain('Night of the Living Dead');
    }
    const completed = await rpc(server.url, session, 'completion/complete', {
      ref: { type: 'ref/resource', uri: 'plex://library/{id}' },
      argument: { name: 'id', value: '' },
    });
    expect(completed.json.result.completion.values).toEqual([]);
    // The admin key reads the same resource.
    const admin = await openSession(server.url, KEYS.admin);
    const read = await rpc(server.url, admin, 'resources/read', { uri: 'plex://library/1' });
    expect(read.json.result.contents[0].text).toContain('Movies');
  });

  it('runs library_get_stats (REST and MCP, concurrently) without a MaxListenersExceededWarning', async () => {
    const session = await openSession(server.url, KEYS.admin);
    const calls = [];
    for (const library of ['1', '2', '3', '1', '2', '3']) {
      calls.push(callTool(server.url, 'library_get_stats', { library }, KEYS.admin));
      calls.push(
        rpc(server.url, session, 'tools/call', {
          name: 'library_get_stats',
          arguments: { library },
        }),
      );
    }
    for (const answer of await Promise.all(calls)) {
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json.error ?? null).toBeNull();
      expect(answer.json.result?.isError ?? false).toBe(false);
    }
    // Warnings are printed on a later tick.
    await sleep(300);
    expect(server.output.stderr).not.toMatch(
      /MaxListenersExceeded|Possible EventTarget memory leak/,
    );
  });

  it('never writes the Plex token to its log, in any encoding', () => {
    for (const victim of [server, refused]) {
      const stderr = victim.output.stderr;
      expect(stderr.length).toBeGreaterThan(0);
      for (const token of [PLEX_TOKEN, WRONG_TOKEN]) {
        expect(stderr).not.toContain(token);
        expect(stderr).not.toContain(encodeURIComponent(token));
        expect(stderr).not.toContain(encodeURIComponent(encodeURIComponent(token)));
        // The token's distinctive middle, in case it was cut or re-encoded around it.
        expect(stderr).not.toContain(token.slice(9, 17));
      }
      expect(stderr).not.toMatch(/X-Plex-Token(=|%3D|%253D)(?!REDACTED)/i);
      expect(stderr).not.toContain(PASSWORD);
    }
  });
});
