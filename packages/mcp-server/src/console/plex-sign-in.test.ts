// Adding a Plex server from the console through plex.tv's PIN sign-in, against the server with
// the platform and an emulated Plex whose plex.tv approves the PIN (its link endpoint, as a
// person would on plex.tv/link). Every body the browser gets is checked for the tokens.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cleanups, platformScene } from '../testing/platform-scene.js';

const cleanups: Cleanups = [];
let scene: Awaited<ReturnType<typeof platformScene>>;
let base: string;
/** How far the emulated plex.tv's clock is ahead of ours. */
let ahead = 0;
/** Every body the console answered, to look for tokens in. */
const answered: string[] = [];

beforeAll(async () => {
  scene = await platformScene(cleanups, 2000, { now: () => Date.now() + ahead });
  base = scene.server.url;
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Session = { cookie: string; csrf: string };

async function signIn(key = scene.admin, url = base): Promise<Session> {
  const response = await fetch(`${url}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ api_key: key }),
  });
  const body = (await response.json()) as { csrf_token: string };
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    csrf: body.csrf_token,
  };
}

/** A console request as the page sends it (CSRF token unless `csrf: false`). */
async function consoleApi(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  options: { csrf?: boolean; url?: string } = {},
) {
  const url = options.url ?? base;
  const response = await fetch(`${url}/console/api/plex${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      origin: url,
      ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrf }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  answered.push(text);
  // biome-ignore lint/suspicious/noExplicitAny: expect() checks the shapes.
  return { status: response.status, body: JSON.parse(text) as any };
}

/** Approves a code on the emulated plex.tv as its owner, as a person does at plex.tv/link. */
async function approve(code: string) {
  const response = await fetch(`${scene.home.plexTvUrl}/api/v2/pins/link`, {
    method: 'PUT',
    headers: {
      'x-plex-token': scene.home.emulator.token,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ code }).toString(),
  });
  expect(response.status).toBe(204);
}

/** Starts a sign-in and approves it; answers its id and the servers offered. */
async function approvedSignIn(session: Session) {
  const started = await consoleApi(session, 'POST', '/pins');
  expect(started.status).toBe(201);
  await approve(started.body.code);
  const checked = await consoleApi(session, 'GET', `/pins/${started.body.id}`);
  expect(checked.body.status).toBe('approved');
  return { id: started.body.id as string, servers: checked.body.servers };
}

describe('adding a Plex server through the plex.tv PIN sign-in', () => {
  it('shows a code and link, waits for the approval, offers the servers and adds the one picked', async () => {
    const session = await signIn();
    const started = await consoleApi(session, 'POST', '/pins');
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      code: expect.stringMatching(/^[A-Z1-9]{4}$/),
      link_url: 'https://plex.tv/link',
      expires_at: expect.any(String),
    });
    const expiresIn = Date.parse(started.body.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);

    const waiting = await consoleApi(session, 'GET', `/pins/${started.body.id}`);
    expect(waiting).toEqual({
      status: 200,
      body: { status: 'pending', expires_at: started.body.expires_at },
    });

    await approve(started.body.code);
    // plex.tv is asked at most once a second, however often the page polls.
    let approved = await consoleApi(session, 'GET', `/pins/${started.body.id}`);
    expect(approved.body.status).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    approved = await consoleApi(session, 'GET', `/pins/${started.body.id}`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.servers).toHaveLength(1);
    const [server] = approved.body.servers;
    expect(server).toMatchObject({ name: 'Home Plex', owned: true });
    expect(server.connections[0]).toEqual({ uri: scene.home.url, local: true, relay: false });
    expect(server.connections.some((c: { relay: boolean }) => c.relay)).toBe(true);

    const added = await consoleApi(session, 'POST', '/servers', {
      pin_id: started.body.id,
      client_identifier: server.client_identifier,
      connection_uri: scene.home.url,
      name: 'Upstairs',
      access: 'write',
    });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({
      kind: 'plex',
      name: 'Upstairs',
      url: scene.home.url,
      access: 'write',
      has_secret: true,
    });
    // The MCP works: its Plex answers a tool call with the stored token.
    const invoked = await scene.v1('POST', '/mcp/invoke', {
      mcp_id: added.body.data.id,
      tool: 'library_list',
    });
    expect(invoked.status).toBe(200);
    expect(invoked.body.data.libraries.length).toBeGreaterThan(0);
    // Used up: the sign-in and its tokens are gone.
    expect((await consoleApi(session, 'GET', `/pins/${started.body.id}`)).status).toBe(404);
  });

  it('belongs to the session that started it: another cannot poll it or add from it', async () => {
    const mine = await signIn();
    const theirs = await signIn();
    const { id, servers } = await approvedSignIn(mine);
    const polled = await consoleApi(theirs, 'GET', `/pins/${id}`);
    expect(polled.status).toBe(404);
    expect(polled.body.error.code).toBe('not_found');
    const pick = {
      pin_id: id,
      client_identifier: servers[0].client_identifier,
      connection_uri: scene.home.url,
      name: 'Not theirs',
    };
    expect((await consoleApi(theirs, 'POST', '/servers', pick)).status).toBe(404);
    const listed = await scene.v1('GET', '/mcps?per_page=100');
    expect(listed.body.data.map((m: { name: string }) => m.name)).not.toContain('Not theirs');
  });

  it('needs a session (401) and the CSRF token for each change (403)', async () => {
    const none = { cookie: '', csrf: '' };
    expect((await consoleApi(none, 'POST', '/pins')).status).toBe(401);
    expect((await consoleApi(none, 'GET', '/pins/abc')).status).toBe(401);
    const session = await signIn();
    const forged = await consoleApi(session, 'POST', '/pins', undefined, { csrf: false });
    expect(forged.status).toBe(403);
    const { id, servers } = await approvedSignIn(session);
    const pick = {
      pin_id: id,
      client_identifier: servers[0].client_identifier,
      connection_uri: scene.home.url,
      name: 'Forged',
    };
    expect((await consoleApi(session, 'POST', '/servers', pick, { csrf: false })).status).toBe(403);
    expect((await consoleApi(session, 'GET', '/servers')).status).toBe(405);
  });

  it("refuses with the key's scopes: a read-only key cannot add one", async () => {
    const made = await scene.v1('POST', '/api-keys', { name: 'reader', scopes: ['read'] });
    const session = await signIn(made.body.data.secret);
    const { id, servers } = await approvedSignIn(session);
    const refused = await consoleApi(session, 'POST', '/servers', {
      pin_id: id,
      client_identifier: servers[0].client_identifier,
      connection_uri: scene.home.url,
      name: 'Read only',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('sends the token to no address but the listed ones, and says when the picked one is unreachable', async () => {
    const session = await signIn();
    const { id, servers } = await approvedSignIn(session);
    const [server] = servers;
    const elsewhere = await consoleApi(session, 'POST', '/servers', {
      pin_id: id,
      client_identifier: server.client_identifier,
      connection_uri: 'http://127.0.0.1:9',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toBe(
      'That address is not one of “Home Plex”’s: pick one from its list.',
    );
    const remote = server.connections.find((c: { local: boolean; relay: boolean }) => !c.local);
    const unreachable = await consoleApi(session, 'POST', '/servers', {
      pin_id: id,
      client_identifier: server.client_identifier,
      connection_uri: remote.uri,
    });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error).toMatchObject({
      code: 'plex_unreachable',
      message: `“Home Plex” did not answer at ${remote.uri}. Pick another of its addresses (a local one works only from the same network).`,
    });
    // Still there: another address can be picked.
    const local = await consoleApi(session, 'POST', '/servers', {
      pin_id: id,
      client_identifier: server.client_identifier,
      connection_uri: scene.home.url,
      name: 'Second try',
    });
    expect(local.status).toBe(201);
    const unknown = await consoleApi(session, 'POST', '/servers', {
      pin_id: 'nope',
      client_identifier: server.client_identifier,
      connection_uri: scene.home.url,
    });
    expect(unknown.status).toBe(404);
  });

  it('says to start again when the code expires before it is approved', async () => {
    const session = await signIn();
    const started = await consoleApi(session, 'POST', '/pins');
    ahead = 16 * 60_000;
    try {
      const expired = await consoleApi(session, 'GET', `/pins/${started.body.id}`);
      expect(expired).toEqual({
        status: 200,
        body: {
          status: 'expired',
          message: 'The code expired before it was approved: start again with a new code.',
        },
      });
      expect((await consoleApi(session, 'GET', `/pins/${started.body.id}`)).status).toBe(404);
    } finally {
      ahead = 0;
    }
  });

  it('says so when plex.tv cannot be reached', async () => {
    const offline = await platformScene(cleanups, 2000, { plexTvUrl: 'http://127.0.0.1:9' });
    const session = await signIn(offline.admin, offline.server.url);
    const refused = await consoleApi(session, 'POST', '/pins', undefined, {
      url: offline.server.url,
    });
    expect(refused).toEqual({
      status: 502,
      body: {
        success: false,
        error: {
          code: 'plex_tv_unreachable',
          message: 'plex.tv did not answer: check that this server can reach it, then try again.',
          details: null,
        },
      },
    });
  });

  it('never answers a token', () => {
    expect(answered.length).toBeGreaterThan(10);
    for (const body of answered) expect(body).not.toContain(scene.home.emulator.token);
  });
});
