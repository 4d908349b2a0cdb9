import { describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { lastRequest } from '../testing/lookups.js';

type Emulator = ReturnType<typeof emulatorClient>['emulator'];

/** The path below the emulator's plex.tv prefix. */
function plexTvPath(emulator: Emulator, request: Request): string {
  const path = new URL(request.url).pathname;
  expect(path.startsWith(emulator.plexTvPath)).toBe(true);
  return path.slice(emulator.plexTvPath.length);
}

function account(emulator: Emulator, username: string) {
  const found = [...emulator.state.accounts.values()].find((a) => a.username === username);
  if (!found) throw new Error(`no account ${username}`);
  return found;
}

describe('plexTv account calls', () => {
  it('reads the signed-in user without handing back its token', async () => {
    const { client, emulator, sent } = emulatorClient();
    const user = await client.plexTv.user();
    expect(plexTvPath(emulator, lastRequest(sent))).toBe('/api/v2/user');
    expect(lastRequest(sent).headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(lastRequest(sent).headers.get('X-Plex-Client-Identifier')).toBe('plexmcp-test');
    const owner = emulator.state.owner;
    expect(user).toMatchObject({
      id: owner.plexId,
      uuid: owner.uuid,
      username: 'demo_owner',
      homeAdmin: true,
      subscription: { active: true, status: 'Active' },
      roles: ['plexpass'],
    });
    expect(user.subscription?.features).toContain('webhooks');
    expect(user).not.toHaveProperty('authToken');
  });

  it('lists resources with every connection and the server token', async () => {
    const { client, emulator, sent } = emulatorClient();
    const resources = await client.plexTv.resources();
    const url = new URL(lastRequest(sent).url);
    expect(plexTvPath(emulator, lastRequest(sent))).toBe('/api/v2/resources');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      includeHttps: '1',
      includeRelay: '1',
      includeIPv6: '1',
    });
    expect(resources).toHaveLength(1);
    const [server] = resources;
    expect(server).toMatchObject({
      clientIdentifier: emulator.machineIdentifier,
      provides: ['server'],
      owned: true,
      accessToken: emulator.state.owner.serverToken,
    });
    expect(server?.ownerId).toBeUndefined();
    expect(server?.connections.map((c) => [c.local, c.relay])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(server?.connections[0]?.uri).toBe('http://plex.test:32400');
    expect(server?.connections[2]?.uri).toMatch(/^https:\/\/.*\.plex\.direct:8443$/);
  });

  it('lists friends with their shares, and the home members', async () => {
    const { client, emulator } = emulatorClient();
    const friends = await client.plexTv.friends();
    expect(friends.map((f) => f.username)).toEqual(['jordan_k', 'sam.rivera']);
    expect(friends[0]).toMatchObject({
      id: account(emulator, 'jordan_k').plexId,
      status: 'accepted',
      home: false,
    });
    expect(friends[0]?.sharedServers[0]).toMatchObject({
      machineIdentifier: emulator.machineIdentifier,
    });
    expect(friends[0]?.sharedServers[0]?.libraries.length).toBeGreaterThan(0);

    const home = await client.plexTv.homeUsers();
    expect(home.map((u) => [u.title, u.admin])).toEqual([
      ['Demo Owner', true],
      ['Alex', false],
    ]);
    expect(home[1]?.id).toBe(account(emulator, 'alex_home').plexId);
  });

  it('switches to a home user and hands back their plex.tv token', async () => {
    const { client, emulator, sent } = emulatorClient();
    const alex = account(emulator, 'alex_home');
    const switched = await client.plexTv.switchHomeUser(alex.uuid);
    expect(lastRequest(sent).method).toBe('POST');
    expect(plexTvPath(emulator, lastRequest(sent))).toBe(`/api/v2/home/users/${alex.uuid}/switch`);
    expect(switched).toMatchObject({ id: alex.plexId, authToken: alex.plexTvToken });

    // The token works as that user's plex.tv token.
    const asAlex = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
      token: switched.authToken,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    });
    expect((await asAlex.plexTv.user()).id).toBe(alex.plexId);

    await expect(
      client.plexTv.switchHomeUser(account(emulator, 'jordan_k').plexId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is UNAUTHORIZED with a token plex.tv does not know', async () => {
    const { emulator } = emulatorClient();
    const client = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
      token: 'not-a-real-token',
      retry: false,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    });
    const error = await client.plexTv.user().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(JSON.stringify(error)).not.toContain('not-a-real-token');
    expect(String((error as Error).message)).not.toContain('not-a-real-token');
  });
});

describe('plexTv PIN sign-in', () => {
  /** Approves a PIN as the owner would on plex.tv/link. */
  async function approve(emulator: Emulator, code: string) {
    const response = await emulator.fetch(
      new Request(`http://plex.test:32400${emulator.plexTvPath}/api/v2/pins/link`, {
        method: 'PUT',
        headers: {
          'X-Plex-Token': emulator.token,
          'X-Plex-Client-Identifier': 'browser',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ code }),
      }),
    );
    expect(response.status).toBe(204);
  }

  it('creates a 4-character PIN for plex.tv/link and polls it until approved', async () => {
    const { client, emulator, sent } = emulatorClient();
    const pin = await client.plexTv.createPin();
    expect(lastRequest(sent).method).toBe('POST');
    expect(plexTvPath(emulator, lastRequest(sent))).toBe('/api/v2/pins');
    expect(new URL(lastRequest(sent).url).searchParams.has('strong')).toBe(false);
    expect(pin.code).toMatch(/^[A-Z0-9]{4}$/);
    expect(pin).toMatchObject({
      clientIdentifier: 'plexmcp-test',
      linkUrl: 'https://plex.tv/link',
    });
    expect(pin.authToken).toBeUndefined();
    expect((await client.plexTv.checkPin(pin.id)).authToken).toBeUndefined();

    const polling = client.plexTv.pollPin(pin.id, { intervalMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await approve(emulator, pin.code);
    expect(await polling).toBe(emulator.state.owner.plexTvToken);
    expect(plexTvPath(emulator, lastRequest(sent))).toBe(`/api/v2/pins/${pin.id}`);
  });

  it('creates a strong PIN with the sign-in page link', async () => {
    const { client, sent } = emulatorClient();
    const pin = await client.plexTv.createPin({
      strong: true,
      forwardUrl: 'http://localhost:3000/done',
    });
    expect(new URL(lastRequest(sent).url).searchParams.get('strong')).toBe('true');
    expect(pin.code).toMatch(/^[a-z0-9]{25}$/);
    expect(pin.linkUrl.startsWith('https://app.plex.tv/auth#?')).toBe(true);
    const params = new URLSearchParams(pin.linkUrl.split('#?')[1]);
    expect(params.get('clientID')).toBe('plexmcp-test');
    expect(params.get('code')).toBe(pin.code);
    expect(params.get('context[device][product]')).toBe('plexmcp');
    expect(params.get('forwardUrl')).toBe('http://localhost:3000/done');
  });

  it('stops polling when aborted, and a missing PIN is NOT_FOUND', async () => {
    const { client } = emulatorClient();
    const pin = await client.plexTv.createPin();
    const controller = new AbortController();
    const polling = client.plexTv.pollPin(pin.id, { intervalMs: 5, signal: controller.signal });
    controller.abort(new Error('user gave up'));
    await expect(polling).rejects.toThrow('user gave up');
    await expect(client.plexTv.checkPin(123)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.plexTv.pollPin(123, { intervalMs: 5 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('plexTv shared server tokens', () => {
  it('reads the XML-only shared_servers answer and finds a user’s token', async () => {
    const { client, emulator, sent } = emulatorClient();
    const shares = await client.plexTv.sharedServers(emulator.machineIdentifier);
    expect(plexTvPath(emulator, lastRequest(sent))).toBe(
      `/api/servers/${emulator.machineIdentifier}/shared_servers`,
    );
    const others = [...emulator.state.accounts.values()].filter((a) => a.kind !== 'owner');
    expect(shares.map((share) => [share.userID, share.username, share.accessToken])).toEqual(
      others.map((a) => [a.plexId, a.username, a.serverToken]),
    );
    expect(typeof shares[0]?.allLibraries).toBe('boolean');
    expect(typeof shares[0]?.invitedAt).toBe('number');

    const jordan = account(emulator, 'jordan_k');
    const token = await client.plexTv.sharedServerToken(emulator.machineIdentifier, jordan.plexId);
    expect(token).toBe(jordan.serverToken);
    // The token is Jordan's on the server.
    const asJordan = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      token: token ?? '',
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    });
    const sessions = await asJordan.sessions.active();
    expect(sessions.every((session) => session.User?.id === String(jordan.id))).toBe(true);

    expect(
      await client.plexTv.sharedServerToken(emulator.machineIdentifier, 12345),
    ).toBeUndefined();
    await expect(client.plexTv.sharedServers('0'.repeat(40))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
