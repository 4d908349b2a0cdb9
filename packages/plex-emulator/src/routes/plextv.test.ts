import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import type { AccountRecord } from '../state/types.js';
import { call, callPlexTv, TEST_NOW_MS, testEmulator } from '../testing/harness.js';

const CLIENT = { 'X-Plex-Client-Identifier': 'plexmcp-test-client', 'X-Plex-Product': 'plexmcp' };
const NOW = TEST_NOW_MS / 1000;

function account(emulator: PlexEmulator, username: string): AccountRecord {
  const found = [...emulator.state.accounts.values()].find((a) => a.username === username);
  if (!found) throw new Error(`no account ${username}`);
  return found;
}

/** The attributes of every `<tag …>` element in an XML body, in document order. */
function xmlElements(xml: string, tag: string): Record<string, string>[] {
  const elements: Record<string, string>[] = [];
  for (const match of xml.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const attr of (match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)) {
      attrs[attr[1] ?? ''] = (attr[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    elements.push(attrs);
  }
  return elements;
}

const UNAUTHORIZED = {
  errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }],
};
const NO_CLIENT_ID = {
  errors: [{ code: 1000, message: 'X-Plex-Client-Identifier is missing', status: 400 }],
};
const PIN_NOT_FOUND = {
  errors: [{ code: 1020, message: 'Code not found or expired', status: 404 }],
};

let emulator: PlexEmulator;
let owner: AccountRecord;
let alex: AccountRecord;
let jordan: AccountRecord;
let sam: AccountRecord;

beforeEach(() => {
  emulator = testEmulator();
  owner = account(emulator, 'demo_owner');
  alex = account(emulator, 'alex_home');
  jordan = account(emulator, 'jordan_k');
  sam = account(emulator, 'sam.rivera');
});
afterEach(() => emulator.close());

describe('GET /api/v2/user', () => {
  it("answers the owner's account with its own plex.tv token", async () => {
    const res = await callPlexTv(emulator, '/api/v2/user');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    expect(res.json).toMatchObject({
      id: 8675309,
      uuid: 'a1b2c3d4e5f60718',
      username: 'demo_owner',
      title: 'Demo Owner',
      friendlyName: 'Demo Owner',
      email: 'demo.owner@example.com',
      thumb: owner.thumb,
      authToken: emulator.token,
      joinedAt: 1420070400,
      restricted: false,
      home: true,
      homeAdmin: true,
      homeSize: 2,
      guest: false,
      hasPassword: true,
      scrobbleTypes: '',
      locale: null,
      roles: ['plexpass'],
      entitlements: [],
      rememberExpiresAt: NOW + 14 * 86_400,
      subscription: { active: true, status: 'Active', plan: 'lifetime' },
    });
    expect(res.json.subscription.features).toContain('webhooks');
    expect(typeof res.json.subscription.subscribedAt).toBe('string');
    expect(res.json.subscriptions).toHaveLength(1);
    expect(res.json.profile).toMatchObject({ autoSelectAudio: true, defaultAudioLanguage: 'en' });
  });

  it("answers a friend's own account for the friend's plex.tv token", async () => {
    const res = await callPlexTv(emulator, '/api/v2/user', { token: jordan.plexTvToken });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: jordan.plexId,
      uuid: jordan.uuid,
      username: 'jordan_k',
      email: 'jordan.k@example.com',
      friendlyName: '',
      authToken: jordan.plexTvToken,
      home: false,
      homeAdmin: false,
      homeSize: 1,
      restricted: false,
      roles: [],
      subscriptions: [],
      subscription: { active: false, status: 'Inactive', plan: null, subscribedAt: null },
    });
    expect(res.json.authToken).not.toBe(emulator.token);
  });

  it('describes a managed home user as restricted, in the home, without a password', async () => {
    const res = await callPlexTv(emulator, '/api/v2/user', { token: alex.plexTvToken });
    expect(res.json).toMatchObject({
      id: alex.plexId,
      username: 'alex_home',
      authToken: alex.plexTvToken,
      restricted: true,
      home: true,
      homeAdmin: false,
      homeSize: 2,
      hasPassword: false,
    });
  });

  it("answers plex.tv's JSON 401 to a missing, unknown or server-only token", async () => {
    for (const token of [null, 'not-a-token', jordan.serverToken]) {
      const res = await callPlexTv(emulator, '/api/v2/user', { token });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(UNAUTHORIZED);
    }
  });
});

describe('GET /api/v2/resources', () => {
  const query = { includeHttps: 1, includeRelay: 1, includeIPv6: 1 };

  it('lists the emulated server for its owner with the owner token and a local connection', async () => {
    const res = await callPlexTv(emulator, '/api/v2/resources', { query, headers: CLIENT });
    expect(res.status).toBe(200);
    expect(res.json).toHaveLength(1);
    const [server] = res.json;
    expect(server).toMatchObject({
      name: 'Plex Emulator',
      product: 'Plex Media Server',
      productVersion: emulator.state.server.version,
      platform: 'Linux',
      clientIdentifier: emulator.machineIdentifier,
      provides: 'server',
      owned: true,
      ownerId: null,
      sourceTitle: null,
      home: false,
      accessToken: emulator.token,
      presence: true,
      httpsRequired: false,
      lastSeenAt: '2025-11-22T12:00:00Z',
    });
    expect(server.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(server.connections).toEqual([
      {
        protocol: 'http',
        address: 'plex.test',
        port: 32400,
        uri: 'http://plex.test:32400',
        local: true,
        relay: false,
        IPv6: false,
      },
      {
        protocol: 'https',
        address: '203.0.113.10',
        port: 32400,
        uri: `https://203-0-113-10.${emulator.machineIdentifier}.plex.direct:32400`,
        local: false,
        relay: false,
        IPv6: false,
      },
      {
        protocol: 'https',
        address: '203.0.113.200',
        port: 8443,
        uri: `https://203-0-113-200.${emulator.machineIdentifier}.plex.direct:8443`,
        local: false,
        relay: true,
        IPv6: false,
      },
    ]);
  });

  it('leaves out the relay without includeRelay and plex.direct names without includeHttps', async () => {
    const res = await callPlexTv(emulator, '/api/v2/resources', { headers: CLIENT });
    const uris = res.json[0].connections.map((c: { uri: string }) => c.uri);
    expect(uris).toEqual(['http://plex.test:32400', 'http://203.0.113.10:32400']);
  });

  it("gives a friend the server, not owned, with the friend's own server token", async () => {
    const res = await callPlexTv(emulator, '/api/v2/resources', {
      query,
      headers: CLIENT,
      token: jordan.plexTvToken,
    });
    expect(res.status).toBe(200);
    const [server] = res.json;
    expect(server).toMatchObject({
      clientIdentifier: emulator.machineIdentifier,
      owned: false,
      home: false,
      ownerId: owner.plexId,
      sourceTitle: 'demo_owner',
      accessToken: jordan.serverToken,
    });
    expect(server.accessToken).not.toBe(emulator.token);
    const onServer = await call(emulator, '/library/sections', { token: server.accessToken });
    expect(onServer.status).toBe(200);
  });

  it('marks the server as a home server for a home member', async () => {
    const res = await callPlexTv(emulator, '/api/v2/resources', {
      headers: CLIENT,
      token: alex.plexTvToken,
    });
    expect(res.json[0]).toMatchObject({ owned: false, home: true, accessToken: alex.serverToken });
  });

  it('needs a client identifier and a plex.tv token', async () => {
    const bare = await callPlexTv(emulator, '/api/v2/resources');
    expect(bare.status).toBe(400);
    expect(bare.json).toEqual(NO_CLIENT_ID);
    const anonymous = await callPlexTv(emulator, '/api/v2/resources', {
      headers: CLIENT,
      token: null,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual(UNAUTHORIZED);
  });

  it('points the local connection at a listening emulator, which answers with the token', async () => {
    const listening = await emulator.listen({ port: 0 });
    try {
      const res = await fetch(`${listening.plexTvUrl}/api/v2/resources?includeHttps=1`, {
        headers: { ...CLIENT, Accept: 'application/json', 'X-Plex-Token': sam.plexTvToken },
      });
      const [server] = (await res.json()) as {
        accessToken: string;
        connections: { uri: string; local: boolean; address: string; port: number }[];
      }[];
      const local = server?.connections.filter((c) => c.local) ?? [];
      expect(local).toEqual([
        expect.objectContaining({
          uri: listening.url,
          address: '127.0.0.1',
          port: listening.port,
        }),
      ]);
      const sections = await fetch(`${local[0]?.uri}/library/sections`, {
        headers: { Accept: 'application/json', 'X-Plex-Token': server?.accessToken ?? '' },
      });
      expect(sections.status).toBe(200);
    } finally {
      await listening.close();
    }
  });
});

describe('GET /api/v2/friends', () => {
  it("lists the owner's friends with the server shared with each", async () => {
    const res = await callPlexTv(emulator, '/api/v2/friends');
    expect(res.status).toBe(200);
    expect(res.json.map((f: { username: string }) => f.username)).toEqual([
      'jordan_k',
      'sam.rivera',
    ]);
    const [first] = res.json;
    expect(first).toEqual({
      id: jordan.plexId,
      uuid: jordan.uuid,
      title: 'jordan_k',
      username: 'jordan_k',
      restricted: false,
      email: 'jordan.k@example.com',
      friendlyName: null,
      thumb: jordan.thumb,
      home: false,
      status: 'accepted',
      sharedServers: [expect.any(Object)],
      sharedSources: [],
    });
    const share = first.sharedServers[0];
    expect(share).toMatchObject({
      machineIdentifier: emulator.machineIdentifier,
      name: 'Plex Emulator',
      owned: true,
      pending: false,
      numLibraries: jordan.sharedSectionIds.length,
    });
    expect(share.libraries.map((l: { key: number }) => l.key)).toEqual(
      [...jordan.sharedSectionIds].sort((a, b) => a - b),
    );
  });

  it('shows a share change on the next read', async () => {
    const sectionIds = [...emulator.state.sections.keys()];
    sam.sharedSectionIds = sectionIds;
    const res = await callPlexTv(emulator, '/api/v2/friends');
    const share = res.json.find((f: { username: string }) => f.username === 'sam.rivera')
      .sharedServers[0];
    expect(share.numLibraries).toBe(sectionIds.length);
    expect(share.allLibraries).toBe(true);
  });

  it('lists the owner as the friend of a friend, and no friends for a home member', async () => {
    const friend = await callPlexTv(emulator, '/api/v2/friends', { token: sam.plexTvToken });
    expect(friend.json).toHaveLength(1);
    expect(friend.json[0]).toMatchObject({
      id: owner.plexId,
      username: 'demo_owner',
      friendlyName: 'Demo Owner',
      sharedServers: [],
    });
    const home = await callPlexTv(emulator, '/api/v2/friends', { token: alex.plexTvToken });
    expect(home.json).toEqual([]);
  });

  it('needs a plex.tv token', async () => {
    const res = await callPlexTv(emulator, '/api/v2/friends', { token: 'nope' });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(UNAUTHORIZED);
  });
});

describe('GET /api/users (XML only)', () => {
  it('lists home members and friends with the shared server, as python-plexapi reads them', async () => {
    const res = await callPlexTv(emulator, '/api/users/');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer')).toBe(
      true,
    );
    expect(xmlElements(res.text, 'MediaContainer')[0]).toMatchObject({
      friendlyName: 'myPlex',
      identifier: 'com.plexapp.plugins.myplex',
      size: '3',
      totalSize: '3',
    });
    const users = xmlElements(res.text, 'User');
    expect(users.map((u) => u.username)).toEqual(['alex_home', 'jordan_k', 'sam.rivera']);
    expect(users[0]).toMatchObject({
      id: String(alex.plexId),
      title: 'Alex',
      home: '1',
      restricted: '1',
      protected: '0',
    });
    expect(users[1]).toMatchObject({
      id: String(jordan.plexId),
      email: 'jordan.k@example.com',
      home: '0',
      restricted: '0',
      allowSync: '0',
      filterMovies: '',
    });
    const servers = xmlElements(res.text, 'Server');
    expect(servers).toHaveLength(3);
    expect(servers[1]).toMatchObject({
      machineIdentifier: emulator.machineIdentifier,
      name: 'Plex Emulator',
      owned: '1',
      pending: '0',
      numLibraries: String(jordan.sharedSectionIds.length),
      lastSeenAt: String(NOW),
    });
  });

  it('lists only the owner, without servers, for a friend', async () => {
    const res = await callPlexTv(emulator, '/api/users', { token: jordan.plexTvToken });
    const users = xmlElements(res.text, 'User');
    expect(users).toEqual([expect.objectContaining({ username: 'demo_owner', home: '0' })]);
    expect(xmlElements(res.text, 'Server')).toEqual([]);
  });

  it('escapes attribute values', async () => {
    jordan.title = 'Jordan "JK" & co <3';
    const res = await callPlexTv(emulator, '/api/users');
    expect(res.text).toContain('title="Jordan &quot;JK&quot; &amp; co &lt;3"');
  });
});

describe('GET /api/servers/{machineId}/shared_servers (XML only)', () => {
  const path = () => `/api/servers/${emulator.machineIdentifier}/shared_servers`;

  it("gives the owner each user's server token, which works on the server", async () => {
    const res = await callPlexTv(emulator, path());
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    expect(xmlElements(res.text, 'MediaContainer')[0]).toMatchObject({
      machineIdentifier: emulator.machineIdentifier,
      size: '3',
    });
    const shares = xmlElements(res.text, 'SharedServer');
    expect(shares.map((s) => s.userID)).toEqual([alex, jordan, sam].map((a) => String(a.plexId)));
    // python-plexapi's MyPlexUser.get_token: the share whose userID is the user's id.
    const jordanShare = shares.find((s) => s.userID === String(jordan.plexId));
    expect(jordanShare).toMatchObject({
      username: 'jordan_k',
      email: 'jordan.k@example.com',
      accessToken: jordan.serverToken,
      name: 'Plex Emulator',
      owned: '1',
    });
    const onServer = await call(emulator, '/library/sections', {
      token: jordanShare?.accessToken ?? '',
    });
    expect(onServer.status).toBe(200);
  });

  it('lists every library with its shared flag', async () => {
    jordan.sharedSectionIds = [1];
    const res = await callPlexTv(emulator, path());
    const jordanBlock = res.text
      .split('<SharedServer ')
      .find((block) => block.includes(`userID="${jordan.plexId}"`));
    const sections = xmlElements(`<x ${jordanBlock}`, 'Section');
    expect(sections).toHaveLength(emulator.state.sections.size);
    expect(sections.filter((s) => s.shared === '1').map((s) => s.key)).toEqual(['1']);
  });

  it('answers 404 for another server and 403 to anyone but the owner', async () => {
    const other = await callPlexTv(emulator, '/api/servers/ffff/shared_servers');
    expect(other.status).toBe(404);
    const friend = await callPlexTv(emulator, path(), { token: jordan.plexTvToken });
    expect(friend.status).toBe(403);
    const anonymous = await callPlexTv(emulator, path(), { token: null });
    expect(anonymous.status).toBe(401);
  });
});

describe('Plex Home', () => {
  it('lists the home members, admin first (JSON)', async () => {
    const res = await callPlexTv(emulator, '/api/v2/home/users');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      name: "demo_owner's home",
      guestEnabled: false,
      subscription: true,
    });
    expect(typeof res.json.id).toBe('number');
    expect(res.json.users).toEqual([
      expect.objectContaining({
        id: owner.plexId,
        uuid: owner.uuid,
        username: 'demo_owner',
        admin: true,
        restricted: false,
        hasPassword: true,
        guest: false,
        protected: false,
      }),
      expect.objectContaining({
        id: alex.plexId,
        uuid: alex.uuid,
        title: 'Alex',
        admin: false,
        restricted: true,
        hasPassword: false,
      }),
    ]);
  });

  it('answers the same home to a member, and 404 to a friend outside it', async () => {
    const member = await callPlexTv(emulator, '/api/v2/home/users', { token: alex.plexTvToken });
    expect(member.json.users).toHaveLength(2);
    const friend = await callPlexTv(emulator, '/api/v2/home/users', { token: sam.plexTvToken });
    expect(friend.status).toBe(404);
    expect(friend.json.errors[0].status).toBe(404);
  });

  it('lists the home members as XML on the legacy route', async () => {
    const res = await callPlexTv(emulator, '/api/home/users');
    expect(res.headers.get('Content-Type')).toContain('application/xml');
    expect(xmlElements(res.text, 'User')).toEqual([
      expect.objectContaining({ id: String(owner.plexId), admin: '1', restricted: '0' }),
      expect.objectContaining({ id: String(alex.plexId), admin: '0', restricted: '1' }),
    ]);
  });

  it("switches to a home member by uuid and answers that member's plex.tv token", async () => {
    const res = await callPlexTv(emulator, `/api/v2/home/users/${alex.uuid}/switch`, {
      method: 'POST',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: alex.plexId, authToken: alex.plexTvToken });
    const asAlex = await callPlexTv(emulator, '/api/v2/user', { token: res.json.authToken });
    expect(asAlex.json.username).toBe('alex_home');
  });

  it('switches by plex.tv id on the legacy XML route python-plexapi uses', async () => {
    const res = await callPlexTv(emulator, `/api/home/users/${alex.plexId}/switch`, {
      method: 'POST',
    });
    expect(res.status).toBe(201);
    const [user] = xmlElements(res.text, 'user');
    expect(user).toMatchObject({
      id: String(alex.plexId),
      username: 'alex_home',
      authenticationToken: alex.plexTvToken,
      restricted: '1',
    });
    const back = await callPlexTv(emulator, `/api/home/users/${owner.plexId}/switch`, {
      method: 'POST',
      token: alex.plexTvToken,
    });
    expect(xmlElements(back.text, 'user')[0]?.authenticationToken).toBe(emulator.token);
  });

  it('refuses to switch to someone outside the home, or for someone outside it', async () => {
    const toFriend = await callPlexTv(emulator, `/api/v2/home/users/${jordan.uuid}/switch`, {
      method: 'POST',
    });
    expect(toFriend.status).toBe(404);
    const byFriend = await callPlexTv(emulator, `/api/v2/home/users/${alex.uuid}/switch`, {
      method: 'POST',
      token: jordan.plexTvToken,
    });
    expect(byFriend.status).toBe(404);
    const anonymous = await callPlexTv(emulator, `/api/home/users/${alex.plexId}/switch`, {
      method: 'POST',
      token: null,
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('PIN sign-in', () => {
  const createPin = (
    query: Record<string, string> = { strong: 'true' },
    headers: Record<string, string> = CLIENT,
  ) => callPlexTv(emulator, '/api/v2/pins', { method: 'POST', query, headers, token: null });
  const pollPin = (id: number, headers: Record<string, string> = CLIENT) =>
    callPlexTv(emulator, `/api/v2/pins/${id}`, { headers, token: null });
  const link = (code: string, token: string | null) =>
    callPlexTv(emulator, '/api/v2/pins/link', {
      method: 'PUT',
      token,
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Plex-Product': 'Plex SSO',
      },
      body: new URLSearchParams({ code }).toString(),
    });

  it('creates a strong PIN without a token, then hands out the token once linked', async () => {
    const created = await createPin();
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.any(Number),
      code: expect.stringMatching(/^[a-z0-9]{25}$/),
      product: 'plexmcp',
      trusted: false,
      qr: `https://plex.tv/api/v2/pins/qr/${created.json.code}`,
      clientIdentifier: 'plexmcp-test-client',
      location: expect.objectContaining({ code: 'US', country: 'United States' }),
      expiresIn: 1800,
      createdAt: '2025-11-22T12:00:00Z',
      expiresAt: '2025-11-22T12:30:00Z',
      authToken: null,
      newRegistration: null,
    });
    const { id, code } = created.json;
    expect(emulator.state.pins.get(id)).toMatchObject({ code, strong: true, authToken: null });

    const pending = await pollPin(id);
    expect(pending.status).toBe(200);
    expect(pending.json).toMatchObject({ id, code, authToken: null });

    const linked = await link(code, emulator.token);
    expect(linked.status).toBe(204);
    expect(linked.text).toBe('');

    const done = await pollPin(id);
    expect(done.json.authToken).toBe(emulator.token);
    const user = await callPlexTv(emulator, '/api/v2/user', { token: done.json.authToken });
    expect(user.json.username).toBe('demo_owner');
  });

  it('creates a 4-character link code by default, linkable in any case by any account', async () => {
    const created = await createPin({});
    expect(created.json.code).toMatch(/^[A-Z1-9]{4}$/);
    expect(created.json.expiresIn).toBe(900);
    expect(created.json.expiresAt).toBe('2025-11-22T12:15:00Z');
    expect((await link(created.json.code.toLowerCase(), sam.plexTvToken)).status).toBe(204);
    const done = await pollPin(created.json.id);
    expect(done.json.authToken).toBe(sam.plexTvToken);
  });

  it('gives each PIN its own id and code', async () => {
    const first = await createPin({});
    const second = await createPin({});
    expect(second.json.id).toBe(first.json.id + 1);
    expect(second.json.code).not.toBe(first.json.code);
  });

  it('answers 400 without a client identifier', async () => {
    const created = await createPin({ strong: 'true' }, { 'X-Plex-Product': 'plexmcp' });
    expect(created.status).toBe(400);
    expect(created.json).toEqual(NO_CLIENT_ID);
    expect(emulator.state.pins.size).toBe(0);
    const made = await createPin();
    const poll = await pollPin(made.json.id, {});
    expect(poll.status).toBe(400);
    expect(poll.json).toEqual(NO_CLIENT_ID);
  });

  it('answers 404 for an unknown PIN, or one polled by another client', async () => {
    const unknown = await pollPin(123);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(PIN_NOT_FOUND);
    const made = await createPin();
    const stranger = await pollPin(made.json.id, { 'X-Plex-Client-Identifier': 'someone-else' });
    expect(stranger.status).toBe(404);
  });

  it('needs a plex.tv token and a known code to link', async () => {
    const made = await createPin();
    const anonymous = await link(made.json.code, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual(UNAUTHORIZED);
    const unknown = await link('ZZZZ', emulator.token);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(PIN_NOT_FOUND);
    const missing = await callPlexTv(emulator, '/api/v2/pins/link', { method: 'PUT' });
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0]).toMatchObject({ code: 1000, status: 400 });
    expect((await pollPin(made.json.id)).json.authToken).toBeNull();
  });

  it('accepts the code as a query parameter too', async () => {
    const made = await createPin();
    const res = await callPlexTv(emulator, '/api/v2/pins/link', {
      method: 'PUT',
      query: { code: made.json.code },
      token: jordan.plexTvToken,
    });
    expect(res.status).toBe(204);
    expect((await pollPin(made.json.id)).json.authToken).toBe(jordan.plexTvToken);
  });
});

describe('PIN expiry', () => {
  let clock = TEST_NOW_MS;
  beforeEach(async () => {
    await emulator.close();
    clock = TEST_NOW_MS;
    emulator = testEmulator({ now: () => clock });
  });

  it('counts expiresIn down and forgets the PIN once it expired', async () => {
    const made = await callPlexTv(emulator, '/api/v2/pins', {
      method: 'POST',
      headers: CLIENT,
      token: null,
    });
    const { id, code } = made.json;
    clock += 600_000;
    const later = await callPlexTv(emulator, `/api/v2/pins/${id}`, { headers: CLIENT });
    expect(later.json.expiresIn).toBe(300);
    clock += 301_000;
    const expired = await callPlexTv(emulator, `/api/v2/pins/${id}`, { headers: CLIENT });
    expect(expired.status).toBe(404);
    expect(expired.json).toEqual(PIN_NOT_FOUND);
    const linked = await callPlexTv(emulator, '/api/v2/pins/link', {
      method: 'PUT',
      query: { code },
    });
    expect(linked.status).toBe(404);
    expect(emulator.state.pins.has(id)).toBe(false);
  });
});
