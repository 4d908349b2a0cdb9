// The console as the server serves it, in process with the platform (SQLite) and an emulated
// Plex: its page and assets with their headers, and the security of its sessions — sign-in,
// cookie flags, CSRF, session fixation, tenancy, revocation and sign-out — driven with plain
// fetch the way a browser (or an attacker's page) would send the requests.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganization, openStorage } from '@plexmcp/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, platformScene } from '../testing/platform-scene.js';
import { CONSOLE_CSP } from './security-headers.js';

const cleanups: Cleanups = [];
let base: string;
let admin: string;
let otherOrgMcp: string;
let homeMcp: string;

/** A built console, as Vite lays it out: the page and one hashed script. */
function fakeConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plexmcp-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/console/assets/app-1a2b3c.js"></script>',
  );
  writeFileSync(
    join(dir, 'assets', 'app-1a2b3c.js'),
    `console.log(${'"console" + '.repeat(200)}1);`,
  );
  return dir;
}

beforeAll(async () => {
  process.env.PLEXMCP_CONSOLE_DIR = fakeConsole();
  const scene = await platformScene(cleanups);
  base = scene.server.url;
  admin = scene.admin;
  // Another organization with an MCP of its own, in the same database.
  const storage = await openStorage({ file: scene.file });
  const other = await createOrganization(storage, {
    name: 'Elsewhere',
    owner: { email: 'them@elsewhere.example', name: 'Them' },
    adminKey: { name: 'admin' },
  });
  await storage.close();
  otherOrgMcp = await (async () => {
    const created = await scene.v1(
      'POST',
      '/mcps',
      {
        kind: 'remote',
        name: 'Theirs',
        url: 'http://127.0.0.1:9/mcp',
      },
      other.key?.secret,
    );
    if (created.status !== 201) throw new Error(created.text);
    return created.body.data.id as string;
  })();
  const listed = await scene.v1('GET', '/mcps');
  homeMcp = (listed.body.data as { id: string; builtin: boolean }[]).find((m) => m.builtin)!.id;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Signs in with `key` as a same-origin page does; answers the answer, cookie and CSRF token. */
async function signIn(key = admin, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify({ api_key: key }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const text = await response.text();
  const body = JSON.parse(text) as { csrf_token?: string; signed_in?: boolean };
  return {
    response,
    text,
    body,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    csrf: body.csrf_token ?? '',
  };
}

/** A request of the console page to its /v1 proxy. */
function api(
  path: string,
  session: { cookie: string; csrf?: string },
  init: { method?: string; body?: unknown } = {},
) {
  return fetch(`${base}/console/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie: session.cookie,
      origin: base,
      ...(session.csrf ? { 'x-csrf-token': session.csrf } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

describe('the page and its assets', () => {
  it('serves the page at / and at every console route, revalidated, under the CSP', async () => {
    for (const path of ['/', '/console', '/console/keys', '/console/mcps/mcp_abc/tools']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await page.text()).toContain('/console/assets/app-1a2b3c.js');
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
    expect(CONSOLE_CSP).not.toContain('unsafe');
  });

  it('serves hashed assets for a year, gzipped when asked, and 404 for any other file', async () => {
    const asset = await fetch(`${base}/console/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    // fetch asks for gzip and undoes it: the encoding header shows it was sent compressed.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toMatch(/^console\.log\("console"/);
    expect((await fetch(`${base}/console/assets/other-000000.js`)).status).toBe(404);
    expect((await fetch(`${base}/console/assets/..%2Findex.html`)).status).toBe(404);
    expect((await fetch(`${base}/console/favicon.ico`)).status).toBe(404);
  });

  it('answers 405 to other methods on the page', async () => {
    const posted = await fetch(`${base}/`, { method: 'POST', headers: { origin: base } });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET');
  });
});

/**
 * A GET with exactly these headers, as a browser sends it (fetch would put its own Sec-Fetch-*
 * headers over the test's).
 */
function browserGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; csp: unknown }>((resolve, reject) => {
    const sent = request(`${base}${path}`, { headers }, (answer) => {
      answer.resume();
      resolve({ status: answer.statusCode ?? 0, csp: answer.headers['content-security-policy'] });
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('links from other sites', () => {
  const navigation = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };

  it('may open a console page (a top-level navigation), on our Host only', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const opened = await browserGet('/console/keys', { ...navigation, 'sec-fetch-site': site });
      expect(opened.status, site).toBe(200);
      expect(opened.csp).toBe(CONSOLE_CSP);
    }
    const rebound = await browserGet('/console/keys', {
      ...navigation,
      'sec-fetch-site': 'cross-site',
      host: 'evil.example',
    });
    expect(rebound.status).toBe(403);
  });

  it('reach nothing else: assets, the session and the API stay same-origin', async () => {
    const crossSite = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' };
    expect((await browserGet('/console/assets/app-1a2b3c.js', crossSite)).status).toBe(403);
    expect((await browserGet('/console/session', crossSite)).status).toBe(403);
    // A navigation is a page's only: one to the API is refused like any cross-site request.
    const session = await signIn();
    const api = await browserGet('/console/api/v1/organization', {
      ...navigation,
      'sec-fetch-site': 'cross-site',
      cookie: session.cookie,
    });
    expect(api.status).toBe(403);
  });

  it('keep the body limit on the console too', async () => {
    const huge = await fetch(`${base}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ api_key: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe('signing in', () => {
  it('refuses a wrong key with 401, setting no session', async () => {
    const wrong = await signIn('plexmcp_wrong');
    expect(wrong.response.status).toBe(401);
    expect(wrong.body).toMatchObject({ success: false, error: { code: 'unauthorized' } });
    expect(wrong.setCookie).toMatch(/Max-Age=0/);
  });

  it('starts a session in an httpOnly, SameSite=Strict cookie, never sending the key back', async () => {
    const session = await signIn();
    expect(session.response.status).toBe(200);
    expect(session.body).toMatchObject({
      signed_in: true,
      organization_id: expect.stringMatching(/^org_/),
    });
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.text).not.toContain(admin);
    expect(session.setCookie).toMatch(/^plexmcp_session=[A-Za-z0-9_-]{43}; /);
    expect(session.setCookie).toContain('HttpOnly');
    expect(session.setCookie).toContain('SameSite=Strict');
    expect(session.setCookie).toContain('Path=/');
    expect(session.setCookie).toContain('Max-Age=43200');
    // Plain http on loopback: a Secure cookie would never come back.
    expect(session.setCookie).not.toContain('Secure');
    expect(session.response.headers.get('cache-control')).toBe('no-store');
    const state = await fetch(`${base}/console/session`, { headers: { cookie: session.cookie } });
    expect(await state.json()).toMatchObject({ signed_in: true, csrf_token: session.csrf });
  });

  it('over https (behind a TLS proxy) the cookie is Secure and __Host- prefixed', async () => {
    const session = await signIn(admin, { 'x-forwarded-proto': 'https' });
    expect(session.setCookie).toMatch(/^__Host-plexmcp_session=[A-Za-z0-9_-]{43}; /);
    expect(session.setCookie).toContain('Secure');
    expect(session.setCookie).toContain('Path=/');
    expect(session.setCookie).not.toContain('Domain');
  });

  it('never adopts the session id the browser brought (session fixation)', async () => {
    const planted = 'plexmcp_session=attacker-chosen-id-0000000000000000000000000';
    const session = await signIn(admin, { cookie: planted });
    expect(session.cookie).not.toBe(planted);
    const viaPlanted = await api('/organization', { cookie: planted });
    expect(viaPlanted.status).toBe(401);
    // Signing in again from a signed-in browser ends the earlier session too.
    const again = await signIn(admin, { cookie: session.cookie });
    expect(again.cookie).not.toBe(session.cookie);
    expect((await api('/organization', { cookie: session.cookie })).status).toBe(401);
    expect((await api('/organization', { cookie: again.cookie })).status).toBe(200);
  });

  it('refuses a sign-in that is not JSON (415) or comes from another site (403)', async () => {
    const form = await fetch(`${base}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: `api_key=${admin}`,
    });
    expect(form.status).toBe(415);
    const crossSite = await signIn(admin, { origin: 'http://evil.example' });
    expect(crossSite.response.status).toBe(403);
    expect(crossSite.setCookie).toBe('');
  });
});

describe('a session', () => {
  it('reads /v1 through the proxy; the cookie alone opens nothing else', async () => {
    const session = await signIn();
    const organization = await api('/organization', session);
    expect(organization.status).toBe(200);
    expect(await organization.json()).toMatchObject({ success: true, data: { name: 'Home' } });
    expect(organization.headers.get('cache-control')).toBe('no-store');
    const direct = await fetch(`${base}/v1/organization`, { headers: { cookie: session.cookie } });
    expect(direct.status).toBe(401);
  });

  it('needs its CSRF token for every change: 403 without it or with another one', async () => {
    const session = await signIn();
    const body = { name: 'from-the-console', scopes: ['read'] };
    const without = await api('/api-keys', { cookie: session.cookie }, { method: 'POST', body });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ success: false, error: { code: 'forbidden' } });
    const other = await signIn();
    const wrong = await api(
      '/api-keys',
      { cookie: session.cookie, csrf: other.csrf },
      { method: 'POST', body },
    );
    expect(wrong.status).toBe(403);
    const keys = (await (await api('/api-keys?per_page=100', session)).json()) as {
      data: { name: string }[];
    };
    expect(keys.data.map((key) => key.name)).not.toContain('from-the-console');
    const made = await api('/api-keys', session, { method: 'POST', body });
    expect(made.status).toBe(201);
    const { data } = (await made.json()) as { data: { secret: string } };
    const secret = data.secret;
    expect(secret).toMatch(/^plexmcp_/);
  });

  it("answers 404 for another organization's ids, as for ids that never existed", async () => {
    const session = await signIn();
    const theirs = await api(`/mcps/${otherOrgMcp}`, session);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toMatchObject({ success: false, error: { code: 'not_found' } });
    const removal = await api(`/mcps/${otherOrgMcp}`, session, { method: 'DELETE' });
    expect(removal.status).toBe(404);
  });

  it('ends when its key is revoked', async () => {
    const owner = await signIn();
    const made = await api('/api-keys', owner, {
      method: 'POST',
      body: { name: 'short-lived', scopes: ['read', 'admin'] },
    });
    const { id, secret } = ((await made.json()) as { data: { id: string; secret: string } }).data;
    const session = await signIn(secret);
    expect((await api('/organization', session)).status).toBe(200);
    expect((await api(`/api-keys/${id}`, owner, { method: 'DELETE' })).status).toBe(200);
    const after = await api('/organization', session);
    expect(after.status).toBe(401);
    expect(after.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const state = await fetch(`${base}/console/session`, { headers: { cookie: session.cookie } });
    expect(await state.json()).toEqual({ signed_in: false });
  });

  it('signs out with its CSRF token only, and is then gone', async () => {
    const session = await signIn();
    const forged = await fetch(`${base}/console/session`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, origin: base },
    });
    expect(forged.status).toBe(403);
    expect((await api('/organization', session)).status).toBe(200);
    const out = await fetch(`${base}/console/session`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, origin: base, 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^plexmcp_session=; Max-Age=0/);
    expect((await api('/organization', session)).status).toBe(401);
  });
});

describe('posters', () => {
  it("come through the server from the MCP's Plex, with no token on the way", async () => {
    const session = await signIn();
    const poster = await fetch(`${base}/console/api/posters/${homeMcp}/1005`, {
      headers: { cookie: session.cookie },
    });
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    expect(poster.headers.get('cache-control')).toBe('private, max-age=300');
    expect(poster.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const bytes = new Uint8Array(await poster.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(100);
    expect([...poster.headers.values()].join(' ')).not.toMatch(/token/i);
  });

  it("are 404 for another organization's MCP, a bad id or an item without one, 401 signed out", async () => {
    const session = await signIn();
    const get = (path: string, cookie = session.cookie) =>
      fetch(`${base}/console/api/posters/${path}`, { headers: { cookie } });
    expect((await get(`${otherOrgMcp}/1005`)).status).toBe(404);
    expect((await get(`${homeMcp}/not-a-number`)).status).toBe(404);
    expect((await get(`mcp_nope/1005`)).status).toBe(404);
    expect((await get(`${homeMcp}/1005`, 'plexmcp_session=none')).status).toBe(401);
  });
});

describe('now playing', () => {
  it('streams the active sessions as server-sent events, posters pointing at the console', async () => {
    const session = await signIn();
    const controller = new AbortController();
    const stream = await fetch(`${base}/console/api/now-playing`, {
      headers: { cookie: session.cookie },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = stream.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const [event, data] = text.split('\n');
    expect(event).toBe('event: sessions');
    const snapshot = JSON.parse(data!.slice('data: '.length));
    expect(snapshot.problems).toEqual([]);
    expect(snapshot.sessions.length).toBeGreaterThan(0);
    for (const playing of snapshot.sessions) {
      expect(playing).toMatchObject({ mcp_id: homeMcp, title: expect.any(String) });
      expect(playing.poster).toMatch(new RegExp(`^/console/api/posters/${homeMcp}/\\d+$`));
    }
    expect(text).not.toMatch(/X-Plex-Token|token=/i);
  });

  it('is 401 without a session', async () => {
    expect((await fetch(`${base}/console/api/now-playing`)).status).toBe(401);
  });
});

describe('guessing keys at the sign-in', () => {
  it('is throttled per address like every door: 429 with Retry-After after a burst of failures', async () => {
    let refused: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let attempt = 0; attempt < 50 && !refused; attempt++) {
      const guess = await signIn(`plexmcp_guess${attempt}`);
      if (guess.response.status === 429) refused = guess;
      else expect(guess.response.status).toBe(401);
    }
    expect(refused?.body).toMatchObject({ success: false, error: { code: 'rate_limited' } });
    expect(Number(refused?.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused?.setCookie).toMatch(/Max-Age=0/);
    // The right key still signs in from the same address.
    expect((await signIn()).response.status).toBe(200);
  });
});
