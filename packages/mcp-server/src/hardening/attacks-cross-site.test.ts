import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTool,
  initializeBody,
  MCP_HEADERS,
  type PlexTarget,
  plexTarget,
  SPAWN_TIMEOUT,
  startVictim,
  type Victim,
} from './attacker.js';
import { send } from './raw-http.js';

// Attack 5: a web page the server's user visits makes their browser call the key-less loopback
// server: a "simple" cross-site POST (text/plain, no preflight) that creates a playlist, a page
// on another local port, a DNS-rebound host name.

const CONSOLE = 'https://console.example';

let plex: PlexTarget;
let server: Victim;

beforeAll(async () => {
  plex = await plexTarget();
  server = await startVictim(['--allowed-origins', CONSOLE, '--rate-limit', 'off'], plex.env());
}, SPAWN_TIMEOUT);

afterAll(async () => {
  await server?.stop();
  await plex?.close();
});

const CREATE = JSON.stringify({
  tool_name: 'playlist_create',
  arguments: { title: 'Cross-site', items: ['1000'] },
});

/** The playlist titles the server itself reports (REST, JSON, no Origin). */
async function playlistTitles(): Promise<string[]> {
  const answer = await callTool(server.url, 'playlist_list', { limit: 100 });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.result.playlists.map((playlist: { title: string }) => playlist.title);
}

/** A request with a Host header of our choosing (fetch will not send one). */
function withHost(path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { agent: false, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('attack 5: cross-site requests to a key-less server', { timeout: 15_000 }, () => {
  it('refuses a simple (no-preflight) POST with 415, and the playlist is not created', async () => {
    const before = plex.tap.requests.length;
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      for (const path of ['/tools/call', '/api/v1/mcp/tools/call']) {
        const answer = await send(`${server.url}${path}`, {
          headers: { 'content-type': type },
          body: CREATE,
        });
        expect(answer.status, `${path} ${type}: ${answer.text}`).toBe(415);
      }
      const rpcAnswer = await send(`${server.url}/mcp`, {
        headers: { 'content-type': type, accept: MCP_HEADERS.accept },
        body: initializeBody(),
      });
      expect(rpcAnswer.status).toBe(415);
      expect(rpcAnswer.json).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 }, id: null });
    }
    const rest = await send(`${server.url}/tools/call`, {
      headers: { 'content-type': 'text/plain' },
      body: CREATE,
    });
    expect(rest.json).toMatchObject({
      success: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    // Plex was never asked anything, and the playlist does not exist.
    expect(plex.tap.requests.slice(before)).toEqual([]);
    expect(await playlistTitles()).not.toContain('Cross-site');
  });

  it('refuses a page on another local port (403), on every door, before anything runs', async () => {
    const before = plex.tap.requests.length;
    for (const origin of [
      `http://localhost:${server.port + 1}`,
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port + 1}`,
      'http://evil.example',
      'null',
      `http://127.0.0.1:${server.port}.evil.example`,
    ]) {
      const call = await send(`${server.url}/tools/call`, {
        headers: { 'content-type': 'application/json', origin },
        body: CREATE,
      });
      expect(call.status, `${origin}: ${call.text}`).toBe(403);
      expect(call.json.error.code).toBe('FORBIDDEN');
      expect(call.headers.get('access-control-allow-origin')).toBeNull();
      const mcp = await send(`${server.url}/mcp`, {
        headers: { ...MCP_HEADERS, origin },
        body: initializeBody(),
      });
      expect(mcp.status, origin).toBe(403);
      expect(mcp.headers.get('mcp-session-id')).toBeNull();
      const preflight = await send(`${server.url}/tools/call`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status, origin).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const sse = await send(`${server.url}/sse`, { method: 'GET', headers: { origin } });
      expect(sse.status, origin).toBe(403);
    }
    expect(plex.tap.requests.slice(before)).toEqual([]);
    expect(await playlistTitles()).not.toContain('Cross-site');
  });

  it('refuses a DNS-rebound Host name (403)', async () => {
    for (const host of [
      `evil.example:${server.port}`,
      'evil.example',
      `127.0.0.1.nip.io:${server.port}`,
    ]) {
      const answer = await withHost('/tools', host);
      expect(answer.status, host).toBe(403);
    }
    expect((await withHost('/tools', `localhost:${server.port}`)).status).toBe(200);
  });

  it('serves its own origin (http://127.0.0.1:<own port>) and an --allowed-origins one', async () => {
    const titles: string[] = [];
    for (const [origin, title] of [
      [`http://127.0.0.1:${server.port}`, 'Same origin'],
      [CONSOLE, 'From the console'],
    ] as const) {
      const listed = await send(`${server.url}/tools`, { method: 'GET', headers: { origin } });
      expect(listed.status, origin).toBe(200);
      const created = await send(`${server.url}/tools/call`, {
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({
          tool_name: 'playlist_create',
          arguments: { title, items: ['1000'] },
        }),
      });
      expect(created.status, `${origin}: ${created.text}`).toBe(200);
      const mcp = await send(`${server.url}/mcp`, {
        headers: { ...MCP_HEADERS, origin },
        body: initializeBody(),
      });
      expect(mcp.status, origin).toBe(200);
      titles.push(title);
    }
    const now = await playlistTitles();
    for (const title of titles) expect(now).toContain(title);
    expect(now).not.toContain('Cross-site');
  });
});
