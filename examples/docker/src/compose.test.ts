// No Docker engine in CI: this checks what can be checked without one. The container's
// environment (Dockerfile ENV + compose `environment`, filled from .env) and command are run on
// the built server binary, on loopback, against an emulated Plex.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@plexmcp/mcp-server';
import { createPlexEmulator, type ListeningEmulator } from '@plexmcp/plex-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type BuiltServer, startBuiltServer } from '../../testing/built-server.js';

const here = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const read = (path: string) => readFileSync(here(path), 'utf8');

interface ComposeService {
  build: string;
  image: string;
  environment: Record<string, string | number>;
  ports: string[];
  extra_hosts: string[];
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const service = compose.services.plexmcp as ComposeService;

/** `KEY=value` lines, as compose reads .env (comments and blank lines skipped). */
function parseDotEnv(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}` substitution. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op, arg: string) => {
    const set = vars[name];
    if (set !== undefined && set !== '') return set;
    if (op === '?') throw new Error(arg);
    return op === '-' ? arg : '';
  });
}

/** The container's environment: the image's ENV, then the service's, filled from `dotEnv`. */
function containerEnv(dotEnv: Record<string, string>): Record<string, string> {
  const environment = Object.entries(service.environment).map(([name, value]) => [
    name,
    interpolate(String(value), dotEnv),
  ]);
  return { ...dockerfile.env, ...Object.fromEntries(environment) };
}

/** ENV and CMD of the Dockerfile's final stage. */
const dockerfile = (() => {
  const text = readFileSync(new URL(`${service.build}/Dockerfile`, new URL('..', import.meta.url)));
  const lines = text
    .toString()
    .replace(/\\\n\s*/g, ' ')
    .split('\n');
  const stage = lines.slice(lines.findLastIndex((line) => line.startsWith('FROM ')));
  const env = Object.fromEntries(
    stage
      .filter((line) => line.startsWith('ENV '))
      .flatMap((line) => line.slice(4).trim().split(/\s+/))
      .map((pair) => pair.split('=') as [string, string]),
  );
  const cmd = JSON.parse(stage.find((line) => line.startsWith('CMD '))?.slice(4) ?? '[]');
  return { env: env as Record<string, string>, cmd: cmd as string[] };
})();

/** Every environment variable the server's config loader reads. */
const serverVariables = new Set(
  [
    ...read('../../packages/mcp-server/src/config/config.ts').matchAll(
      /'(PLEX_[A-Z_]+)'|merged\.(PLEX_[A-Z_]+)/g,
    ),
  ].map((match) => (match[1] ?? match[2]) as string),
);

const example = parseDotEnv(read('.env.example'));

describe('docker-compose.yml and .env.example', () => {
  it("builds the repository's Dockerfile and publishes its port on this machine only", () => {
    expect(existsSync(here(`${service.build}/Dockerfile`))).toBe(true);
    expect(dockerfile.cmd).toEqual(['node', 'bin/plex-mcp-server.js']);
    expect(service.ports).toEqual([
      `127.0.0.1:${service.environment.PLEX_MCP_PORT}:${service.environment.PLEX_MCP_PORT}`,
    ]);
    expect(service.extra_hosts).toEqual(['host.docker.internal:host-gateway']);
  });

  it('names only variables the server reads, and ships no token', () => {
    expect(serverVariables.size).toBeGreaterThan(10);
    for (const name of Object.keys(example)) expect(serverVariables).toContain(name);
    for (const name of Object.keys(service.environment)) expect(serverVariables).toContain(name);
    // Every variable the compose file takes from .env is in the example.
    const used = [...JSON.stringify(service.environment).matchAll(/\$\{(\w+)/g)].map((m) => m[1]);
    expect(Object.keys(example).sort()).toEqual([...new Set(used)].sort());
    expect(example.PLEX_TOKEN).toBe('');
  });

  it('refuses to start until PLEX_TOKEN is filled in', () => {
    expect(() => containerEnv(example)).toThrow('set PLEX_TOKEN in .env');
    expect(() => containerEnv({ ...example, PLEX_TOKEN: 'x', PLEX_URL: '' })).toThrow(
      'set PLEX_URL in .env',
    );
  });

  it('refuses to start with the placeholder key, saying how to make a real one', () => {
    const env = containerEnv({ ...example, PLEX_TOKEN: 'a-plex-token' });
    expect(() => loadConfig(dockerfile.cmd.slice(2), env, here('no-such.env'))).toThrow(
      /API key #1 is shorter than the minimum of 32 characters.*generate-key/,
    );
  });

  it("maps onto the server's options: HTTP on 0.0.0.0:3001 with the API key from .env", () => {
    const key = 'b1946ac92492d2347c6235b4d2611184aa54d6e9';
    const env = containerEnv({
      ...example,
      PLEX_TOKEN: 'a-plex-token',
      PLEX_MCP_API_KEYS: example.PLEX_MCP_API_KEYS?.replace(/^[^:]+/, key) ?? '',
    });
    const config = loadConfig(dockerfile.cmd.slice(2), env, here('no-such.env'));
    expect(config).toMatchObject({
      transport: 'http',
      host: '0.0.0.0',
      port: 3001,
      plexUrl: example.PLEX_URL,
      plexToken: 'a-plex-token',
      access: 'write',
      allowedHosts: [],
      apiKeys: [{ key, scopes: ['read', 'write'] }],
    });
  });
});

describe('the container environment on the built server', () => {
  let emulator: ReturnType<typeof createPlexEmulator>;
  let plex: ListeningEmulator;
  let server: BuiltServer;
  const KEY = 'compose-test-key-0123456789-ABCDEF';

  beforeAll(async () => {
    emulator = createPlexEmulator({ library: 'demo' });
    plex = await emulator.listen({ port: 0, host: '127.0.0.1' });
    const env = containerEnv({
      ...example,
      PLEX_URL: plex.url,
      PLEX_TOKEN: emulator.token,
      PLEX_MCP_API_KEYS: example.PLEX_MCP_API_KEYS!.replace(/^[^:]+/, KEY),
    });
    // What Docker's network does: here the server binds loopback on a free port instead.
    server = await startBuiltServer(dockerfile.cmd.slice(2), {
      ...env,
      PLEX_MCP_HOST: '127.0.0.1',
      PLEX_MCP_PORT: '0',
    });
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
    await emulator?.close();
  });

  const auth = { Authorization: `Bearer ${KEY}` };

  it('answers /health without a key, as the image HEALTHCHECK calls it', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lists the tools the key may use, and refuses a request without it', async () => {
    expect((await fetch(`${server.url}/tools`)).status).toBe(401);
    const response = await fetch(`${server.url}/tools`, { headers: auth });
    expect(response.status).toBe(200);
    const names = ((await response.json()) as { name: string }[]).map((tool) => tool.name);
    expect(names).toContain('media_search');
    expect(names).toContain('media_edit_metadata');
    expect(names).not.toContain('media_delete');
  });

  it('calls tools against the Plex that PLEX_URL and PLEX_TOKEN name', async () => {
    const response = await fetch(`${server.url}/tools/call`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'media_search', arguments: { query: 'charade' } }),
    });
    const body = (await response.json()) as { success: boolean; result: { results: unknown[] } };
    expect(body.success).toBe(true);
    expect(body.result.results[0]).toMatchObject({ id: '1002', title: 'Charade' });
  });

  it('logs one API key and neither the key nor the Plex token', () => {
    expect(server.stderr()).toContain('1 configured API key');
    expect(server.stderr()).not.toContain(KEY);
    expect(server.stderr()).not.toContain(emulator.token);
  });
});
