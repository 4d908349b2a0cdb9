import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyArgs,
  bearer,
  callTool,
  KEYS,
  openSession,
  type PlexTarget,
  pings,
  plexTarget,
  type RawSession,
  rpc,
  SPAWN_TIMEOUT,
  startVictim,
  type Victim,
  type WatchedStream,
  watchStream,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 2: a read key floods the server with sessions to lock everyone else out, and keeps
// sessions (and SSE streams) open for ever to hold the server's memory.

let plex: PlexTarget;
let quota: Victim;
let lifetime: Victim;
let idle: Victim;

beforeAll(async () => {
  plex = await plexTarget();
  const keys = apiKeyArgs([KEYS.read, 'read'], [KEYS.admin, 'read+write+delete']);
  const args = [...keys, '--rate-limit', 'off'];
  [quota, lifetime, idle] = await Promise.all([
    startVictim([...args, '--limit', 'sessions=5', '--limit', 'sessions-per-key=3'], plex.env()),
    startVictim([...args, '--limit', 'session-lifetime-seconds=2'], plex.env()),
    startVictim([...args, '--limit', 'session-idle-seconds=1'], plex.env()),
  ]);
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await Promise.all([quota?.stop(), lifetime?.stop(), idle?.stop()]);
  await plex?.close();
});

/** How many of `sessions` still answer a ping. */
async function alive(url: string, sessions: readonly RawSession[]): Promise<number> {
  return (await Promise.all(sessions.map((session) => pings(url, session)))).filter(Boolean).length;
}

describe('attack 2: session lockout and sessions that never end', { timeout: 15_000 }, () => {
  it('a read key opening 50 sessions holds at most 3, and the admin key keeps working', async () => {
    const url = quota.url;
    const admin = await openSession(url, KEYS.admin);
    const flood: RawSession[] = [];
    for (let wave = 0; wave < 5; wave++) {
      // Ten initialize POSTs at once, without the initialized notification: an attacker's.
      flood.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () => openSession(url, KEYS.read, { notify: false })),
        )),
      );
      // Every session ever opened is pinged again (keeping the live ones busy): only the key's
      // quota of them answers; the others were closed to make room.
      expect(await alive(url, flood), `after ${flood.length} sessions`).toBe(3);
      expect(await pings(url, admin), `admin after ${flood.length} flood sessions`).toBe(true);
    }
    expect(new Set(flood.map((session) => session.id)).size).toBe(50);

    // The admin key opens a second session and calls a tool on it, over MCP and REST.
    const second = await openSession(url, KEYS.admin);
    const listed = await rpc(url, second, 'tools/call', { name: 'library_list', arguments: {} });
    expect(listed.status).toBe(200);
    expect(listed.json.result.isError).toBeFalsy();
    expect(JSON.stringify(listed.json.result.structuredContent)).toContain('Movies');
    const rest = await callTool(url, 'library_list', {}, KEYS.admin);
    expect(rest.status).toBe(200);
    expect(await pings(url, admin)).toBe(true);

    // Another key cannot ride on the admin's session: it is reported as missing.
    const hijack = { id: admin.id, headers: { ...admin.headers, ...bearer(KEYS.read) } };
    expect(await pings(url, hijack)).toBe(false);
    expect(await pings(url, admin)).toBe(true);
  });

  it('legacy SSE streams count against the same per-key quota', async () => {
    const url = quota.url;
    const admin = await openSession(url, KEYS.admin);
    const streams: WatchedStream[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const stream = await watchStream(`${url}/sse`, bearer(KEYS.read));
        expect(stream.status).toBe(200);
        expect(stream.firstData).toMatch(/^messages\/\?sessionId=/);
        streams.push(stream);
      }
      // The three oldest streams were closed by the server to admit the newer ones.
      const ended = await Promise.all(streams.map((stream) => stream.endedWithin(1000)));
      expect(ended.filter((at) => at !== undefined).length).toBeGreaterThanOrEqual(3);
      expect(ended.slice(3).every((at) => at === undefined)).toBe(true);
      expect(await pings(url, admin)).toBe(true);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('closes a busy session once its absolute lifetime (2 s) is over', async () => {
    const session = await openSession(lifetime.url, KEYS.read);
    const start = Date.now();
    let closedAfter: number | undefined;
    let answered = 0;
    for (let i = 0; i < 30 && closedAfter === undefined; i++) {
      await sleep(300);
      if (await pings(lifetime.url, session)) answered++;
      else closedAfter = Date.now() - start;
    }
    // Pinged every 300 ms, so never idle, and still closed after about 2 s.
    expect(closedAfter, 'the session was never closed').toBeDefined();
    expect(closedAfter).toBeGreaterThan(1000);
    expect(closedAfter).toBeLessThan(6000);
    expect(answered).toBeGreaterThanOrEqual(2);
    const again = await rpc(lifetime.url, session, 'ping');
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32001 }, id: null });
    // A new session is admitted as usual.
    expect(await pings(lifetime.url, await openSession(lifetime.url, KEYS.read))).toBe(true);
  });

  it('closes an SSE stream that sends nothing for the idle limit (1 s)', async () => {
    const stream = await watchStream(`${idle.url}/sse`, bearer(KEYS.read));
    expect(stream.status).toBe(200);
    const endedAfter = await stream.endedWithin(5000);
    stream.close();
    expect(endedAfter, 'the idle SSE stream was still open after 5 s').toBeDefined();
    expect(endedAfter).toBeLessThan(4000);
  });

  it("closes a Streamable HTTP session's idle GET stream the same way", async () => {
    const session = await openSession(idle.url, KEYS.read);
    const { 'content-type': _type, ...headers } = session.headers;
    const stream = await watchStream(`${idle.url}/mcp`, headers, { firstEvent: false });
    expect(stream.status).toBe(200);
    const endedAfter = await stream.endedWithin(5000);
    stream.close();
    expect(endedAfter, 'the idle /mcp stream was still open after 5 s').toBeDefined();
    expect(endedAfter).toBeLessThan(4000);
    expect(await pings(idle.url, session)).toBe(false);
  });

  it('keeps an SSE stream whose client keeps posting past the idle limit', async () => {
    const stream = await watchStream(`${idle.url}/sse`, bearer(KEYS.read));
    try {
      const endpoint = new URL(stream.firstData, `${idle.url}/sse`).href;
      for (let i = 0; i < 8; i++) {
        const posted = await send(endpoint, {
          headers: { 'content-type': 'application/json', ...bearer(KEYS.read) },
          body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'ping' }),
        });
        expect(posted.status, `POST ${i} after ${i * 300} ms`).toBe(202);
        await sleep(300);
      }
      expect(await stream.endedWithin(10)).toBeUndefined();
    } finally {
      stream.close();
    }
  });
});
