import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuilt } from '../testing/built-bin.js';
import {
  apiKeyArgs,
  callTool,
  KEYS,
  type PlexTarget,
  plexTarget,
  SPAWN_TIMEOUT,
  startVictim,
  type Victim,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 6: guessing API keys from one address as fast as the server answers, and starting
// the server with a key short enough to guess.

let plex: PlexTarget;
let server: Victim;

beforeAll(async () => {
  plex = await plexTarget();
  server = await startVictim(
    [...apiKeyArgs([KEYS.admin, 'read+write+delete']), '--rate-limit', 'off'],
    plex.env(),
  );
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await server?.stop();
  await plex?.close();
});

/** Distinctive wrong keys, each presented a different way. */
const GUESSES = Array.from({ length: 12 }, (_, i) => `guess-${i}-Zq8Wm3Kx7Vb2Np5Lr9Ty4Hc`);

function guess(index: number) {
  const key = GUESSES[index] as string;
  const way = index % 3;
  if (way === 0) return callTool(server.url, 'library_list', {}, key);
  if (way === 1) return callTool(server.url, 'library_list', {}, undefined, { 'x-api-key': key });
  return send(`${server.url}/tools?apikey=${encodeURIComponent(key)}`, { method: 'GET' });
}

describe('attack 6: brute-forcing API keys', { timeout: 15_000 }, () => {
  it('answers 10 wrong keys with 401, then 429 with Retry-After, while the right key still works', async () => {
    for (let i = 0; i < 10; i++) {
      const answer = await guess(i);
      expect(answer.status, `guess ${i}: ${answer.text}`).toBe(401);
      expect(answer.json.error.code).toBe('UNAUTHORIZED');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
    const eleventh = await guess(10);
    expect(eleventh.status, eleventh.text).toBe(429);
    expect(eleventh.json.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect(eleventh.json.error.message).toContain(`Retry in ${retryAfter} s.`);

    // The guesses are throttled, not the key's holders behind the same address (a proxy, NAT,
    // Docker's bridge): a valid key is served as ever, a wrong one still answers 429.
    for (const right of [
      () => callTool(server.url, 'library_list', {}, KEYS.admin),
      () => send(`${server.url}/tools?apikey=${KEYS.admin}`, { method: 'GET' }),
    ]) {
      const answer = await right();
      expect(answer.status, answer.text).toBe(200);
    }
    expect((await guess(11)).status).toBe(429);
    // The throttle counts the socket's address: a forwarded-for header does not reset it.
    for (const forwarded of ['10.0.0.7', '203.0.113.9, 127.0.0.1']) {
      const spoofed = await callTool(server.url, 'library_list', {}, GUESSES[11], {
        'x-forwarded-for': forwarded,
        'x-real-ip': forwarded,
      });
      expect(spoofed.status, forwarded).toBe(429);
    }
    // Requests without any key are throttled too; /health stays open for probes.
    expect((await send(`${server.url}/tools`, { method: 'GET' })).status).toBe(429);
    expect((await send(`${server.url}/health`, { method: 'GET' })).status).toBe(200);
  });

  it('logs each failure with the address but never the guessed key', () => {
    const stderr = server.output.stderr;
    const refusals = stderr.split('\n').filter((line) => /refused .* from /.test(line));
    expect(refusals.length).toBeGreaterThanOrEqual(10);
    for (const line of refusals) expect(line).toMatch(/from (::ffff:)?127\.0\.0\.1/);
    expect(refusals.some((line) => /wrong API key/.test(line))).toBe(true);
    for (const key of [...GUESSES, KEYS.admin]) {
      expect(stderr).not.toContain(key);
      expect(stderr).not.toContain(key.slice(0, 12));
    }
    expect(server.transcript.text()).not.toContain(GUESSES[0]);
  });

  it('refuses to start with a weak key: exit 2, the minimum stated, the key not echoed', async () => {
    const env = plex.env();
    for (const weak of ['shortkey', 'shortkey:read', 'a'.repeat(40)]) {
      const run = await runBuilt(['--transport', 'http', '--port', '0', '--api-key', weak], env);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/32 characters/);
      expect(run.stderr).not.toContain('shortkey');
      expect(run.stderr).not.toContain('a'.repeat(40));
      expect(run.stdout).toBe('');
    }
    const fromEnv = await runBuilt(['--transport', 'http', '--port', '0'], {
      ...env,
      PLEX_MCP_API_KEYS: `${KEYS.admin},shortkey`,
    });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/API key #2 .*32 characters/);
    expect(fromEnv.stderr).not.toContain('shortkey');
    expect(fromEnv.stderr).not.toContain(KEYS.admin);
  });
});
