// The multi-replica deployment without a Docker engine (CI has none): what
// docker-compose.replicas.yml runs and shares, where its secrets come from, and that
// deploy/haproxy.cfg balances over the same replicas, checks /ready and sticks MCP sessions on
// Mcp-Session-Id. The replicas themselves are tested running, on PostgreSQL, in
// packages/mcp-server/src/e2e/replicas*.test.ts.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

interface Service {
  build?: string;
  image?: string;
  env_file?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const compose = parse(read('docker-compose.replicas.yml')) as {
  services: Record<string, Service>;
};
const services = compose.services;
const replicaNames = Object.keys(services).filter((name) => name.startsWith('plexmcp-'));
const haproxy = read('deploy/haproxy.cfg');
const envExample = read('deploy/replicas.env.example');

/** The lines of one `backend <name>` block of haproxy.cfg, trimmed. */
function backend(name: string): string[] {
  const lines = haproxy.split('\n');
  const start = lines.findIndex((line) => line.trim() === `backend ${name}`);
  expect(start, `backend ${name}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

describe('docker-compose.replicas.yml', () => {
  it('runs PostgreSQL, two replicas of one image and a proxy, and publishes only the proxy, on loopback', () => {
    expect(Object.keys(services).sort()).toEqual(['plexmcp-1', 'plexmcp-2', 'postgres', 'proxy']);
    expect(replicaNames).toEqual(['plexmcp-1', 'plexmcp-2']);
    const [first, second] = replicaNames.map((name) => services[name] as Service);
    expect(second).toEqual(first);
    expect(first?.build).toBe('.');
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'proxy') expect(service.ports, name).toBeUndefined();
    }
    expect(services.proxy?.ports).toEqual(['127.0.0.1:3001:3001']);
    expect(services.proxy?.volumes).toContain(
      './deploy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro',
    );
  });

  it('gives every replica the one database and the one secret key, all from .env', () => {
    for (const name of replicaNames) {
      const service = services[name] as Service;
      expect(service.env_file).toBe('.env');
      const env = service.environment ?? {};
      expect(env.PLEXMCP_DATABASE_URL).toMatch(
        /^postgres:\/\/plexmcp:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/plexmcp$/,
      );
      expect(env.PLEXMCP_SECRET_KEY).toMatch(/^\$\{PLEXMCP_SECRET_KEY:\?[^}]+\}$/);
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    }
    expect(services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(
      /^\$\{POSTGRES_PASSWORD:\?[^}]+\}$/,
    );
    // Every variable the file requires is in the example .env, and no value is written in.
    const required = [...read('docker-compose.replicas.yml').matchAll(/\$\{(\w+):\?/g)].map(
      (m) => m[1],
    );
    for (const name of new Set(required)) expect(envExample).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  it('lets a replica be probed on /ready and drain before it is killed', () => {
    for (const name of replicaNames) {
      const service = services[name] as Service;
      expect(service.healthcheck?.test.join(' ')).toContain('http://127.0.0.1:3001/ready');
      const drain = Number(service.environment?.PLEX_MCP_DRAIN_SECONDS);
      const grace = Number.parseInt(service.stop_grace_period ?? '10s', 10);
      expect(drain).toBeGreaterThan(0);
      expect(grace).toBeGreaterThan(drain);
    }
  });
});

describe('deploy/haproxy.cfg', () => {
  it('balances over exactly the replicas of the compose file, sending only to ready ones', () => {
    for (const name of ['plexmcp', 'plexmcp-legacy-sse']) {
      const lines = backend(name);
      const servers = lines.filter((line) => line.startsWith('server '));
      expect(servers).toEqual(replicaNames.map((replica) => `server ${replica} ${replica}:3001`));
      expect(lines).toContain('option httpchk GET /ready');
      expect(lines).toContain('http-check expect status 200');
      expect(lines.find((line) => line.startsWith('default-server'))).toMatch(/\bcheck\b/);
    }
  });

  it('sticks a Streamable HTTP session to the replica whose answer named it', () => {
    const lines = backend('plexmcp');
    expect(lines).toContain('balance roundrobin');
    expect(lines.some((line) => /^stick-table type string\b/.test(line))).toBe(true);
    expect(lines).toContain('stick store-response res.hdr(mcp-session-id)');
    expect(lines).toContain('stick match req.hdr(mcp-session-id)');
  });

  it("sticks a console session to the replica that signed the browser in (it holds the session's key)", () => {
    const lines = backend('plexmcp');
    // Both names the console gives its cookie (packages/mcp-server/src/console/cookies.ts).
    for (const name of ['plexmcp_session', '__Host-plexmcp_session']) {
      expect(lines).toContain(`stick store-response res.cook(${name})`);
      expect(lines).toContain(`stick match req.cook(${name})`);
    }
  });

  it('keeps legacy SSE with one replica per client address', () => {
    expect(haproxy).toMatch(/use_backend plexmcp-legacy-sse if \{ path_beg \/sse \/messages \}/);
    expect(backend('plexmcp-legacy-sse')).toContain('balance source');
  });

  it('retries only what no replica ran: refused connections and 503s', () => {
    expect(haproxy).toMatch(/^\s*retry-on conn-failure 503$/m);
    expect(haproxy).toMatch(/^\s*option redispatch/m);
  });
});

describe('the README', () => {
  it('documents the deployment under "Running more than one replica"', () => {
    const readme = read('packages/mcp-server/README.md');
    const start = readme.indexOf('## Running more than one replica');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    for (const named of [
      'docker-compose.replicas.yml',
      'deploy/haproxy.cfg',
      'deploy/replicas.env.example',
      'PLEXMCP_SECRET_KEY',
      'Mcp-Session-Id',
      '--stateless',
      'GET /ready',
      'PLEX_MCP_DRAIN_SECONDS',
    ]) {
      expect(section).toContain(named);
    }
  });
});
