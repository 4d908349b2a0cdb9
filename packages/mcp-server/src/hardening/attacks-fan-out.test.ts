import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyArgs,
  callTool,
  KEYS,
  openSession,
  type PlexTarget,
  plexTarget,
  type RawSession,
  SPAWN_TIMEOUT,
  startVictim,
  type Victim,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 4: one small request that makes the server send Plex thousands (a playlist of 5,000
// ids, a JSON-RPC batch of 100 calls), and many callers at once to bury Plex in parallel
// requests.

const PLEX_REQUESTS = 4;

let plex: PlexTarget;
let server: Victim;

beforeAll(async () => {
  plex = await plexTarget();
  server = await startVictim(
    [
      ...apiKeyArgs(
        [KEYS.write, 'read+write'],
        [KEYS.admin, 'read+write+delete'],
        [KEYS.read, 'read'],
        [KEYS.other, 'read'],
      ),
      '--rate-limit',
      '20:40',
      '--limit',
      `plex-requests=${PLEX_REQUESTS}`,
    ],
    plex.env(),
  );
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await server?.stop();
  await plex?.close();
});

/** The demo library's films, ids 1000–1016. */
const FILMS = Array.from({ length: 17 }, (_, i) => String(1000 + i));

/** The JSON-RPC responses in a Streamable HTTP answer (an event stream or a JSON body). */
function responsesOf(text: string, contentType: string | null): { id: number; result?: unknown }[] {
  if (contentType?.includes('text/event-stream')) {
    return [...text.matchAll(/^data: (.+)$/gm)].flatMap((match) => {
      const data = JSON.parse(match[1] as string);
      return Array.isArray(data) ? data : [data];
    });
  }
  const data = JSON.parse(text);
  return Array.isArray(data) ? data : [data];
}

function batchOf(session: RawSession, size: number, from: number, url = server.url) {
  return send(`${url}/mcp`, {
    headers: session.headers,
    body: JSON.stringify(
      Array.from({ length: size }, (_, i) => ({
        jsonrpc: '2.0',
        id: from + i,
        method: 'tools/call',
        params: { name: 'library_list', arguments: {} },
      })),
    ),
  });
}

describe('attack 4: fan-out to Plex', { timeout: 15_000 }, () => {
  it('refuses playlist_create with 5,000 item_ids (or titles) before any Plex request', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => String(1000 + (i % 17)));
    const before = plex.tap.requests.length;
    for (const args of [
      { title: 'Flood', items: ids },
      { title: 'Flood', items: ids.map((id) => `Film ${id}`) },
      { title: 'Flood', items: ['1000', ...ids] },
    ]) {
      const answer = await callTool(server.url, 'playlist_create', args, KEYS.write);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.json.error.code).toBe('INVALID_INPUT');
      expect(answer.json.error.message).toMatch(/500/);
    }
    expect(plex.tap.requests.length - before).toBe(0);
    expect([...plex.emulator.state.playlists.values()].map((p) => p.title)).not.toContain('Flood');
  });

  it('bounds the Plex requests of a 500-id playlist_create (one per id and a few more)', async () => {
    const ids = Array.from({ length: 500 }, (_, i) => FILMS[i % FILMS.length] as string);
    const before = plex.tap.requests.length;
    const answer = await callTool(
      server.url,
      'playlist_create',
      { title: 'Five hundred', items: ids },
      KEYS.write,
    );
    const made = plex.tap.requests.length - before;
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.result.playlist).toMatchObject({ title: 'Five hundred' });
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(510);
  });

  it('charges a JSON-RPC batch one token per message: 100 calls refused, 30 → 429, 10 pass', async () => {
    // The server's own bucket (--rate-limit) is what a caller without a key spends: configured
    // keys act in the default organization and follow its plan (tested in plan-rate-limit).
    const keyless = await startVictim(['--rate-limit', '20:40'], plex.env());
    try {
      await batchesAgainst(keyless.url);
    } finally {
      await keyless.stop();
    }
  });

  async function batchesAgainst(url: string) {
    const session = await openSession(url);
    const before = plex.tap.requests.length;
    // More than the burst could never pass: refused as such, not "retry later".
    const flood = await batchOf(session, 100, 1, url);
    expect(flood.status, flood.text).toBe(400);
    expect(flood.json).toMatchObject({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message: expect.stringMatching(
          /batch of 100 messages costs 100 requests, more than the burst of 40/,
        ),
      },
    });
    // Within the burst but over what is left of it: 429 with when to retry. Cheap pings spend
    // the budget first, so no refill in between can let the batch through.
    const drain = await send(`${url}/mcp`, {
      headers: session.headers,
      body: JSON.stringify(
        Array.from({ length: 36 }, (_, i) => ({ jsonrpc: '2.0', id: 100 + i, method: 'ping' })),
      ),
    });
    expect(drain.status, drain.text).toBe(200);
    const over = await batchOf(session, 30, 200, url);
    expect(over.status, over.text).toBe(429);
    expect(over.json.error.message).toMatch(/batch of 30 messages costs 30/);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.headers.get('x-ratelimit-limit')).toBe('40');
    // Nothing of a refused batch ran.
    expect(plex.tap.requests.length).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 1600));

    const fine = await batchOf(session, 10, 1000, url);
    expect(fine.status, fine.text).toBe(200);
    const responses = responsesOf(fine.text, fine.headers.get('content-type'));
    expect(responses.map((response) => response.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => 1000 + i),
    );
    for (const response of responses) expect(response.result).toBeDefined();
  }

  it(`keeps Plex requests in flight at or under plex-requests=${PLEX_REQUESTS} whatever the callers do`, async () => {
    plex.emulator.faults.set({ latencyMs: 50 });
    try {
      plex.tap.resetMax();
      const before = plex.tap.requests.length;
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => {
          const key = i % 2 === 0 ? KEYS.read : KEYS.other;
          return i % 3 === 0
            ? callTool(server.url, 'library_get_stats', { library: String(1 + (i % 3)) }, key)
            : callTool(server.url, 'media_search', { query: i % 2 ? 'the' : 'night' }, key);
        }),
      );
      for (const answer of answers) expect(answer.status, answer.text).toBe(200);
      const made = plex.tap.requests.length - before;
      expect(made).toBeGreaterThanOrEqual(30);
      // The cap was reached (so the count measures something) and never passed.
      expect(plex.tap.maxInFlight()).toBeGreaterThanOrEqual(2);
      expect(plex.tap.maxInFlight()).toBeLessThanOrEqual(PLEX_REQUESTS);
    } finally {
      plex.emulator.faults.reset();
    }
  });
});
