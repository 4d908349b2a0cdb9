import { createServer } from 'node:net';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FaultConfig } from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectStreamableHttp } from '../testing/http-clients.js';
import { type BuiltHttpServer, startBuiltHttpServer } from '../testing/http-server.js';
import { recordingFetch } from '../testing/recording-fetch.js';
import { connectBuiltStdio } from '../testing/stdio.js';
import { mcpCaller, restCaller, type ToolCaller } from '../testing/tool-caller.js';
import { Transcript } from '../testing/transcript.js';
import {
  API_KEY,
  CALL_TIMEOUT,
  PLEX_TOKEN,
  type PlexScene,
  plexScene,
  SPAWN_TIMEOUT,
} from './scene.js';

// The built server pointed at an emulator the test controls, one session through every fault.
// The timeout is short so the slow case is quick, and long enough that a busy CI machine never
// trips it on a healthy call.
const TIMEOUT_MS = 1500;
const transcript = new Transcript();
const fetchAndRecord = recordingFetch(transcript);

describe('Plex faults, one Streamable HTTP session throughout', { timeout: CALL_TIMEOUT }, () => {
  let plex: PlexScene;
  let server: BuiltHttpServer;
  let client: Client;
  let call: ToolCaller;
  let rest: ToolCaller;

  beforeAll(async () => {
    plex = await plexScene();
    // Down before the server even starts: it must start anyway and say so on each call.
    plex.emulator.faults.set({ unreachable: true });
    await plex.emulator.idle();
    server = await startBuiltHttpServer({
      args: ['--rate-limit', 'off'],
      env: plex.env({ PLEX_TIMEOUT_MS: String(TIMEOUT_MS) }),
      transcript,
    });
    client = await connectStreamableHttp({
      baseUrl: server.url,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    call = mcpCaller(client);
    rest = restCaller(server.url, API_KEY, fetchAndRecord);
  }, SPAWN_TIMEOUT);

  afterAll(async () => {
    await client.close();
    expect(await server.stop()).toBe(0);
    await plex.close();
  });

  /** Sets faults (after a reset) and waits until a socket switch took effect. */
  async function fault(changes: Partial<FaultConfig>) {
    plex.emulator.faults.reset();
    plex.emulator.faults.set(changes);
    await plex.emulator.idle();
  }

  /** The same session answers a real call again once Plex is healthy. */
  async function expectRecovered() {
    await fault({});
    const outcome = await call('library_list', {});
    expect(outcome).toMatchObject({ ok: true });
    if (outcome.ok) {
      expect((outcome.data.libraries as { title: string }[]).map((l) => l.title)).toEqual([
        'Movies',
        'TV Shows',
        'Music',
      ]);
    }
  }

  const unreachable = {
    ok: false,
    code: 'PLEX_UNREACHABLE',
    message: expect.stringMatching(
      /^Cannot reach Plex Media Server for GET \/library\/sections \(ECONNREFUSED\)\..*Check PLEX_URL/,
    ),
  };

  it('starts while Plex is down, lists its tools, and says PLEX_UNREACHABLE on each call', async () => {
    expect(server.output.stderr).toContain(`over HTTP at ${server.url}/mcp`);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(50);
    expect(await call('library_list', {})).toMatchObject(unreachable);
    expect(await rest('library_list', {})).toMatchObject(unreachable);
  });

  it('recovers without a restart when Plex comes back', async () => {
    await expectRecovered();
  });

  it('says PLEX_UNREACHABLE when Plex goes down mid-session, and recovers', async () => {
    await fault({ unreachable: true });
    expect(await call('library_list', {})).toMatchObject(unreachable);
    await expectRecovered();
  });

  it('gives up on a slow Plex after the timeout with TIMEOUT', async () => {
    await fault({ latencyMs: 20_000 });
    expect(await call('library_list', {})).toMatchObject({
      ok: false,
      code: 'TIMEOUT',
      message: expect.stringMatching(
        new RegExp(
          `^Plex Media Server did not answer GET /library/sections within ${TIMEOUT_MS} ms\\..*raise the timeout`,
        ),
      ),
    });
    await expectRecovered();
  });

  it('reports a 5xx answer as PLEX_ERROR with the status', async () => {
    await fault({ errorRate: 1, errorStatus: 500 });
    expect(await call('library_list', {})).toMatchObject({
      ok: false,
      code: 'PLEX_ERROR',
      message: expect.stringMatching(
        /^Plex Media Server answered HTTP 500 for GET \/library\/sections: 500 Internal Server Error/,
      ),
    });
    await expectRecovered();
  });

  it('reports malformed JSON as PLEX_ERROR, naming the body', async () => {
    await fault({ malformedRate: 1 });
    expect(await call('library_list', {})).toMatchObject({
      ok: false,
      code: 'PLEX_ERROR',
      message: expect.stringMatching(
        /^Plex Media Server answered GET \/library\/sections with a body that is not JSON \(application\/json; charset=utf-8, \d+ bytes\)/,
      ),
    });
    await expectRecovered();
  });

  it('reports an HTML page where JSON belongs as PLEX_ERROR', async () => {
    await fault({ malformedRate: 1, malformedBody: 'html' });
    expect(await call('library_list', {})).toMatchObject({
      ok: false,
      code: 'PLEX_ERROR',
      message: expect.stringContaining('with a body that is not JSON (text/html, '),
    });
    await expectRecovered();
  });

  it('says UNAUTHORIZED with a hint to run login when the token is revoked', async () => {
    const owner = plex.emulator.state.accounts.get(1);
    if (!owner) throw new Error('the demo library has an owner');
    owner.serverToken = 'revoked-by-the-test';
    try {
      const outcome = await call('library_list', {});
      expect(outcome).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
      if (!outcome.ok) expect(outcome.message).toContain('run `plex-mcp-server login`');
    } finally {
      owner.serverToken = PLEX_TOKEN;
    }
    await expectRecovered();
  });

  it('never showed the Plex token or the API key in any answer or log line', () => {
    const text = transcript.text();
    expect(text).toContain('PLEX_UNREACHABLE');
    expect(text).toContain('[warn] library_list failed: TIMEOUT');
    expect(text).not.toContain(PLEX_TOKEN);
    expect(text).not.toContain(API_KEY);
  });
});

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('Plex down at start, over stdio', { timeout: CALL_TIMEOUT }, () => {
  it(
    'starts, serves tools/list, and says PLEX_UNREACHABLE with only JSON-RPC on stdout',
    async () => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const session = await connectBuiltStdio({
        env: { PLEX_URL: url, PLEX_TOKEN, PLEX_TIMEOUT_MS: String(TIMEOUT_MS) },
        transcript,
      });
      const { tools } = await session.client.listTools();
      expect(tools.length).toBeGreaterThan(50);
      const outcome = await mcpCaller(session.client)('server_get_info', {});
      expect(outcome).toMatchObject({ ok: false, code: 'PLEX_UNREACHABLE' });
      if (!outcome.ok) {
        expect(outcome.message).toContain('Cannot reach Plex Media Server for GET /');
        // The caller never learns where Plex lives.
        expect(outcome.message).not.toContain(url);
      }
      expect(await session.close()).toBe(0);
      expect(session.errors).toEqual([]);
      expect(session.server.output.stderr).toContain('server_get_info failed: PLEX_UNREACHABLE');
      expect(session.server.output.stdout + session.server.output.stderr).not.toContain(PLEX_TOKEN);
    },
    SPAWN_TIMEOUT,
  );
});
