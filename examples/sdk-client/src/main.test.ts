import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltServer, startDemoHttpServer } from '../../testing/built-server.js';
import { main } from './main.js';

const KEY = 'sdk-example-key-0123456789-ABCDEFGH';
let server: BuiltServer;

beforeAll(async () => {
  server = await startDemoHttpServer(KEY);
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

/** Runs the example with this environment; answers its exit code and lines. */
async function run(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({ env, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('sdk-client example', () => {
  it('makes typed REST and MCP calls against the demo server', async () => {
    const { code, out, err } = await run({ PLEXMCP_URL: server.url, PLEXMCP_API_KEY: KEY });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'Charade (1963), directed by Stanley Donen, 113 min',
      'AMBIGUOUS: 2 items match "Sherlock Holmes": 1014 Sherlock Holmes (1916, movie, Movies); 1015 Sherlock Holmes (1922, movie, Movies). Call again with media set to one id.',
      '  media 1014 (1916)',
      '  media 1015 (1922)',
      'Libraries over MCP: Movies 17, TV Shows 3, Music 3',
    ]);
    // Keys travel in a header and the server never logs them.
    expect(server.stderr()).not.toContain(KEY);
  }, 30_000);

  it('reports a wrong API key as UNAUTHORIZED without printing it', async () => {
    const { code, out, err } = await run({
      PLEXMCP_URL: server.url,
      PLEXMCP_API_KEY: 'not-the-key-0123456789',
    });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^UNAUTHORIZED: /);
    expect(err[0]).not.toContain('not-the-key-0123456789');
  });

  it('reports a server that does not answer as SERVER_UNREACHABLE', async () => {
    const { code, err } = await run({ PLEXMCP_URL: `http://127.0.0.1:${await closedPort()}` });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^SERVER_UNREACHABLE: /);
  });
});
