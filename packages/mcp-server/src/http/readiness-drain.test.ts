// /ready and the SIGTERM drain on an in-process server (the replica suites in e2e/ run them on
// the built binary with PostgreSQL): what a balancer reads, and what a drain waits for.

import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { type PlexHttpServer, startHttpServer } from './server.js';
import { shutdownSettings } from './shutdown-settings.js';

const servers: PlexHttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve() {
  let sectionsAsked: () => void = () => undefined;
  /** Settles when a call has got as far as asking Plex for its sections: a call in flight. */
  const callInFlight = new Promise<void>((resolve) => {
    sectionsAsked = resolve;
  });
  const { emulator, plex } = emulatedPlex(
    {},
    {
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname === '/library/sections') sectionsAsked();
        return emulator.fetch(request);
      },
    },
  );
  const server = await startHttpServer({ plex, port: 0, rateLimit: false });
  servers.push(server);
  return { emulator, server, callInFlight };
}

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
};

// Probes are reused for a second, so these tests wait out seconds: more than the 5-s default.
describe('/ready', { timeout: 15_000 }, () => {
  it('is 200 while Plex answers, and 503 naming Plex when it does not', async () => {
    const { emulator, server } = await serve();
    // Without the platform there is no database to report.
    expect(await get(`${server.url}/ready`)).toEqual({
      status: 200,
      body: { status: 'ready', plex: 'ok' },
    });
    emulator.faults.set({ unreachable: true });
    // One answer serves every probe for a second; the next probe after it sees the change.
    await sleep(1100);
    expect(await get(`${server.url}/ready`)).toEqual({
      status: 503,
      body: { status: 'not_ready', plex: 'unreachable' },
    });
    emulator.faults.set({ unreachable: false });
    await sleep(1100);
    expect((await get(`${server.url}/ready`)).status).toBe(200);
  });

  it('needs no key and no allowed Host, like /health', async () => {
    const { plex } = emulatedPlex();
    const server = await startHttpServer({
      plex,
      port: 0,
      apiKeys: [{ key: 'ready-probe-key-0123456789abcdefghij', scopes: ['read'] }],
    });
    servers.push(server);
    const response = await fetch(`${server.url}/ready`, { headers: { host: 'replica-1:3001' } });
    expect(response.status).toBe(200);
  });
});

describe('drain', () => {
  it('waits for a call in flight, then the port is closed', async () => {
    const { emulator, server, callInFlight } = await serve();
    emulator.faults.set({ latencyMs: 300 });
    const call = fetch(`${server.url}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'library_list', arguments: {} }),
    });
    await callInFlight;
    const drained = server.drain(5000);
    const answer = await call;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { success: boolean }).success).toBe(true);
    expect(await drained).toBe(0);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('gives up on what runs past the bound and says how many', async () => {
    const { emulator, server, callInFlight } = await serve();
    emulator.faults.set({ latencyMs: 3000 });
    const call = fetch(`${server.url}/tools/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'library_list', arguments: {} }),
    }).then(
      () => 'answered',
      () => 'cut off',
    );
    await callInFlight;
    const started = Date.now();
    expect(await server.drain(200)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2000);
    await server.close();
    expect(await call).toBe('cut off');
  });

  it('does not wait for an open event stream', async () => {
    const { server } = await serve();
    const stream = await fetch(`${server.url}/sse`);
    expect(stream.status).toBe(200);
    const started = Date.now();
    expect(await server.drain(5000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    await stream.body?.cancel().catch(() => undefined);
  });
});

describe('shutdown settings', () => {
  it('default to a 10-s drain and the platform’s own flush interval', () => {
    expect(shutdownSettings({})).toEqual({ drainMs: 10_000, usageFlushMs: undefined });
    expect(
      shutdownSettings({ PLEX_MCP_DRAIN_SECONDS: '2.5', PLEXMCP_USAGE_FLUSH_MS: '250' }),
    ).toEqual({ drainMs: 2500, usageFlushMs: 250 });
  });

  it('refuse a value out of range, naming the variable', () => {
    expect(() => shutdownSettings({ PLEX_MCP_DRAIN_SECONDS: 'soon' })).toThrow(
      'PLEX_MCP_DRAIN_SECONDS must be a number from 0 to 600.',
    );
    expect(() => shutdownSettings({ PLEXMCP_USAGE_FLUSH_MS: '10' })).toThrow(
      'PLEXMCP_USAGE_FLUSH_MS must be a number from 100 to 3600000.',
    );
  });
});
