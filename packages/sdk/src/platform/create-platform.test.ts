import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlexMcpClient } from '../create-client.js';
import { type PlatformServer, startPlatformServer } from '../testing/platform-server.js';
import { type GreeterTools, startRemoteMcp } from '../testing/remote-mcp.js';
import { createPlexMcpPlatform } from './create-platform.js';
import type { PlexMcpPlatformOptions } from './types.js';

let server: PlatformServer;
beforeAll(async () => {
  server = await startPlatformServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** A client of the test server; Home's admin key unless another is given. */
function platformWith(options: Partial<PlexMcpPlatformOptions> = {}) {
  return createPlexMcpPlatform({ baseUrl: server.url, apiKey: server.adminKey, ...options });
}

/** Home's Plex MCP: the server's own (the demo library). */
async function plexMcpId(): Promise<string> {
  const listed = await platformWith().mcps.list();
  const id = listed.data?.find((mcp) => mcp.builtin)?.id;
  if (!id) throw new Error(`no built-in MCP: ${JSON.stringify(listed)}`);
  return id;
}

describe('the organization and its members', () => {
  it('gets the organization, with the rate-limit figures of the answer', async () => {
    const answer = await platformWith().organization.get();
    expect(answer).toEqual({
      data: {
        id: expect.stringMatching(/^org_/),
        name: 'Home',
        plan: 'team',
        created_at: expect.any(String),
      },
      rateLimit: { limit: 1000, remaining: expect.any(Number), reset: expect.any(Number) },
    });
    expect(answer.rateLimit?.reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('adds, lists page by page and removes members', async () => {
    const platform = platformWith();
    const ada = await platform.organization.members.add({
      email: 'ada@home.example',
      name: 'Ada',
      role: 'admin',
    });
    expect(ada.data).toMatchObject({ id: expect.stringMatching(/^usr_/), role: 'admin' });
    await platform.organization.members.add({ email: 'bob@home.example', name: 'Bob' });

    const first = await platform.organization.members.list({ per_page: 1 });
    expect(first.pagination).toEqual({ page: 1, per_page: 1, total: 3, total_pages: 3 });
    const emails: string[] = [];
    let pages = 0;
    for await (const page of platform.organization.members.iterate({ per_page: 1 })) {
      if (page.error) throw new Error(page.error.message);
      pages++;
      emails.push(...page.data.map((member) => member.email));
    }
    expect(pages).toBe(3);
    expect(emails).toEqual(['owner@home.example', 'ada@home.example', 'bob@home.example']);

    const demoted = await platform.organization.members.update(ada.data?.id ?? '', {
      role: 'member',
    });
    expect(demoted.data).toMatchObject({
      id: ada.data?.id,
      role: 'member',
      narrowed_keys: 0,
      revoked_keys: 0,
    });
    const removed = await platform.organization.members.remove(ada.data?.id ?? '');
    expect(removed.data).toEqual({
      id: ada.data?.id,
      removed_at: expect.any(String),
      revoked_keys: 0,
    });
    const after = await platform.organization.members.list();
    expect(after.data?.map((member) => member.email)).toEqual([
      'owner@home.example',
      'bob@home.example',
    ]);
  });
});

describe('API keys', () => {
  it('creates a key shown once, lists keys over several pages, and revokes', async () => {
    const platform = platformWith();
    const created = await platform.apiKeys.create({ name: 'ci', scopes: ['read'] });
    if (created.error) throw new Error(created.error.message);
    expect(created.data).toMatchObject({
      id: expect.stringMatching(/^key_/),
      name: 'ci',
      scopes: ['read'],
      revoked_at: null,
      secret: expect.stringMatching(/^plexmcp_/),
    });
    await platform.apiKeys.create({ name: 'laptop', scopes: ['read', 'write'] });

    const names: string[] = [];
    const paginations = [];
    for await (const page of platform.apiKeys.iterate({ per_page: 2 })) {
      if (page.error) throw new Error(page.error.message);
      paginations.push(page.pagination);
      names.push(...page.data.map((key) => key.name));
    }
    expect(names).toEqual(['admin', 'ci', 'laptop']);
    expect(paginations).toEqual([
      { page: 1, per_page: 2, total: 3, total_pages: 2 },
      { page: 2, per_page: 2, total: 3, total_pages: 2 },
    ]);
    const listed = await platform.apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(created.data.secret);

    // The new key works; once revoked, its very next request is refused.
    const ci = platformWith({ apiKey: created.data.secret });
    expect((await ci.organization.get()).data?.name).toBe('Home');
    const revoked = await platform.apiKeys.revoke(created.data.id);
    expect(revoked.data).toMatchObject({ id: created.data.id, revoked_at: expect.any(String) });
    const refused = await ci.organization.get();
    expect(refused.error).toEqual({
      code: 'unauthorized',
      message: expect.any(String),
      details: null,
      status: 401,
    });
    expect(refused.error?.message).not.toContain(created.data.secret);
    // The same key is refused on the tool doors too.
    const rest = createPlexMcpClient({ baseUrl: server.url, apiKey: created.data.secret });
    expect((await rest.tools.library_list()).error?.code).toBe('UNAUTHORIZED');
    expect(server.stderr()).not.toContain(created.data.secret);
  });

  it('sees a revocation made by the operator in another process within 1.5 s', async () => {
    const platform = platformWith();
    const created = await platform.apiKeys.create({ name: 'kiosk', scopes: ['read'] });
    if (created.error) throw new Error(created.error.message);
    const kiosk = platformWith({ apiKey: created.data.secret });
    expect((await kiosk.organization.get()).error).toBeUndefined();
    await server.admin(['keys', 'revoke', created.data.id]);
    const revokedAt = Date.now();
    await expect
      .poll(async () => (await kiosk.organization.get()).error?.code, {
        timeout: 1500,
        interval: 100,
      })
      .toBe('unauthorized');
    expect(Date.now() - revokedAt).toBeLessThan(1500);
  });
});

describe('MCPs, invoke and resources', () => {
  it("lists the organization's MCPs and gets one with its health", async () => {
    const platform = platformWith();
    const listed = await platform.mcps.list();
    expect(listed.data).toEqual([
      expect.objectContaining({ name: 'Plex', kind: 'plex', builtin: true, url: null }),
    ]);
    expect(listed.pagination).toEqual({ page: 1, per_page: 20, total: 1, total_pages: 1 });
    const id = await plexMcpId();
    const one = await platform.mcps.get(id);
    expect(one.data).toMatchObject({ id, status: 'ok', tool_count: expect.any(Number) });
    const tools = await platform.mcps.tools(id);
    expect(tools.data?.find((tool) => tool.name === 'media_search')).toMatchObject({
      access: 'read',
      parameters: { required: ['query'] },
    });
  });

  it('invokes a tool of the Plex MCP with typed arguments and answer', async () => {
    const platform = platformWith();
    const found = await platform.invoke(await plexMcpId(), 'media_search', {
      query: 'charade',
      limit: 5,
    });
    if (found.error) throw new Error(found.error.message);
    expect(found.data.results[0]).toMatchObject({ id: '1002', title: 'Charade', type: 'movie' });
    // Tools without required arguments may be called bare.
    const info = await platform.invoke(await plexMcpId(), 'server_get_info');
    expect(info.data?.name).toEqual(expect.any(String));
  });

  it("answers a tool's failures with the platform's codes, details and HTTP status", async () => {
    const platform = platformWith();
    const mcpId = await plexMcpId();
    const invalid = await platform.invoke(mcpId, 'media_search', { query: 'x', limit: 0 });
    expect(invalid.error).toEqual({
      code: 'invalid_request',
      message: expect.stringContaining('limit'),
      details: { fields: [{ field: 'arguments.limit', problem: expect.any(String) }] },
      status: 400,
    });
    const ambiguous = await platform.invoke(mcpId, 'media_get_details', {
      media: 'Sherlock Holmes',
    });
    expect(ambiguous.error).toMatchObject({ code: 'ambiguous', status: 400 });
    expect(ambiguous.error?.details?.candidates).toEqual([
      expect.objectContaining({ id: '1014', year: 1916 }),
      expect.objectContaining({ id: '1015', year: 1922 }),
    ]);
    const missing = await platform.invoke(mcpId, 'media_get_details', { media: '999999' });
    expect(missing.error).toEqual({
      code: 'not_found',
      message: 'No item with id or title "999999"; find them with media_search.',
      details: { media: '999999' },
      status: 404,
    });
    const unconfirmed = await platform.invoke(mcpId, 'playlist_delete', { playlist_id: '1074' });
    expect(unconfirmed.error).toMatchObject({ code: 'confirmation_required', status: 400 });
    const noTool = await platform.mcp(mcpId).invoke('no_such_tool');
    expect(noTool.error).toMatchObject({ code: 'not_found', status: 404 });
    expect(noTool.error?.message).toContain('no tool named "no_such_tool"');
  });

  it('adds, changes and removes a remote MCP, invoked untyped (unknown) or with its own map', async () => {
    const platform = platformWith();
    const greeter = await startRemoteMcp('Bearer greeter-s3cret');
    try {
      const remote = await platform.mcps.create({
        kind: 'remote',
        name: 'Greeter',
        url: greeter.url,
        headers: { Authorization: 'Bearer greeter-s3cret' },
      });
      if (remote.error) throw new Error(remote.error.message);
      expect(remote.data).toMatchObject({ kind: 'remote', name: 'Greeter', has_secret: true });
      expect(JSON.stringify(remote)).not.toContain('greeter-s3cret');

      const renamed = await platform.mcps.update(remote.data.id, { name: 'Greeter MCP' });
      expect(renamed.data).toMatchObject({ id: remote.data.id, name: 'Greeter MCP' });
      expect((await platform.mcps.get(remote.data.id)).data).toMatchObject({
        status: 'ok',
        tool_count: 1,
      });

      // Without generated types the answer is `unknown`, to be checked before use.
      const untyped = await platform.mcp(remote.data.id).invoke('greet', { name: 'Ada' });
      expect(untyped).toMatchObject({ data: { greeting: 'Hello, Ada!' } });
      // With the remote's map, arguments and answer are typed.
      const typed = await platform.mcp<GreeterTools>(remote.data.id).invoke('greet', {
        name: 'Grace',
      });
      expect(typed.data?.greeting).toBe('Hello, Grace!');
      const tools = await platform.mcp(remote.data.id).tools();
      expect(tools.data?.map((tool) => tool.name)).toEqual(['greet']);

      const removed = await platform.mcps.remove(remote.data.id);
      expect(removed.data).toEqual({ id: remote.data.id, deleted_at: expect.any(String) });
      const gone = await platform.mcps.get(remote.data.id);
      expect(gone.error).toMatchObject({ code: 'not_found', status: 404, details: null });
    } finally {
      await greeter.close();
    }
  });

  it("gets a Plex MCP's health: unreachable when nothing answers at its address", async () => {
    const platform = platformWith();
    const den = await platform.mcps.create({
      kind: 'plex',
      name: 'Den',
      url: 'http://127.0.0.1:9',
      token: 'den-plex-token',
    });
    if (den.error) throw new Error(den.error.message);
    expect((await platform.mcps.get(den.data.id)).data).toMatchObject({
      status: 'unreachable',
      tool_count: null,
    });
    const down = await platform.invoke(den.data.id, 'library_list');
    expect(down.error).toMatchObject({ code: 'upstream_unavailable', status: 503 });
    expect(JSON.stringify(down)).not.toContain('den-plex-token');
    await platform.mcps.remove(den.data.id);
  });

  it("lists and reads an MCP's resources", async () => {
    const platform = platformWith();
    const mcpId = await plexMcpId();
    const listed = await platform.resources.list(mcpId);
    if (listed.error) throw new Error(listed.error.message);
    const movies = listed.data.resources.find((resource) => resource.name === 'Movies');
    expect(movies?.uri).toBe('plex://library/1');
    const read = await platform.resources.read(mcpId, 'plex://library/1');
    if (read.error) throw new Error(read.error.message);
    expect(read.data.contents[0]).toMatchObject({ uri: 'plex://library/1' });
    expect(JSON.parse(read.data.contents[0]?.text ?? '{}')).toMatchObject({ title: 'Movies' });
  });
});

describe('usage', () => {
  it("answers this month's usage, counting the tool calls made", async () => {
    const platform = platformWith();
    await platform.invoke(await plexMcpId(), 'media_search', { query: 'charade' });
    const usage = await platform.usage.get();
    if (usage.error) throw new Error(usage.error.message);
    expect(usage.data.plan).toBe('team');
    expect(usage.data.tool_calls).toBeGreaterThanOrEqual(1);
    expect(usage.data.top_tools.find((tool) => tool.tool === 'media_search')?.calls).toBe(
      // Every media_search of this file so far: this one, the typed call and the invalid one.
      3,
    );
  });

  it('walks the daily history over more than one page', async () => {
    const platform = platformWith();
    const first = await platform.usage.history({ granularity: 'day' });
    expect(first.pagination).toMatchObject({ page: 1, per_page: 20 });
    const total = first.pagination?.total ?? 0;
    expect(total).toBeGreaterThan(20);
    const starts: string[] = [];
    let pages = 0;
    for await (const page of platform.usage.iterateHistory({ granularity: 'day' })) {
      if (page.error) throw new Error(page.error.message);
      pages++;
      starts.push(...page.data.map((point) => point.start));
    }
    expect(pages).toBe(Math.ceil(total / 20));
    expect(starts).toHaveLength(total);
    expect([...starts].sort()).toEqual(starts);
    const today = new Date().toISOString().slice(0, 10);
    expect(starts.at(-1)).toBe(`${today}T00:00:00.000Z`);
  });
});

describe('every error code the platform answers with', () => {
  it('400 invalid_request names the fields', async () => {
    const platform = platformWith();
    expect((await platform.apiKeys.create({ name: '', scopes: ['read'] })).error).toEqual({
      code: 'invalid_request',
      message: 'Invalid request body: name must not be empty.',
      details: { fields: [{ field: 'name', problem: 'must not be empty' }] },
      status: 400,
    });
    expect((await platform.mcps.list({ per_page: 500 })).error).toEqual({
      code: 'invalid_request',
      message: 'Bad pagination: per_page must be a whole number from 1 to 100.',
      details: { fields: [{ field: 'per_page', problem: 'must be a whole number from 1 to 100' }] },
      status: 400,
    });
  });

  it('401 unauthorized for a key the server does not know', async () => {
    const wrong = await platformWith({
      apiKey: 'plexmcp_notAKeyAtAll00000000000000000000',
    }).usage.get();
    expect(wrong.error).toMatchObject({ code: 'unauthorized', status: 401, details: null });
  });

  it('403 forbidden for a read key managing keys or calling a write tool', async () => {
    const reader = await platformWith().apiKeys.create({ name: 'reader', scopes: ['read'] });
    if (reader.error) throw new Error(reader.error.message);
    const platform = platformWith({ apiKey: reader.data.secret });
    const create = await platform.apiKeys.create({ name: 'more', scopes: ['read'] });
    expect(create.error).toMatchObject({ code: 'forbidden', status: 403 });
    const write = await platform.invoke(await plexMcpId(), 'playlist_create', {
      title: 'Not allowed',
      items: ['1002'],
    });
    expect(write.error).toMatchObject({ code: 'forbidden', status: 403 });
  });

  it("404 not_found for an id that is not the organization's", async () => {
    const platform = platformWith();
    expect((await platform.mcps.get('mcp_00000000000000000000')).error).toMatchObject({
      code: 'not_found',
      status: 404,
    });
    expect((await platform.apiKeys.revoke('key_00000000000000000000')).error).toMatchObject({
      code: 'not_found',
      status: 404,
    });
    // Another organization's key is not found either, never forbidden.
    const freeKeys = await platformWith({ apiKey: server.freeKey }).apiKeys.list();
    const freeKeyId = freeKeys.data?.[0]?.id ?? '';
    expect((await platform.apiKeys.revoke(freeKeyId)).error?.code).toBe('not_found');
  });

  it('429 rate_limited on the free plan, with Retry-After and the X-RateLimit figures', async () => {
    const free = platformWith({ apiKey: server.freeKey });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await free.organization.get());
    const limited = answers.find((answer) => answer.error);
    expect(limited?.error).toEqual({
      code: 'rate_limited',
      message: expect.stringContaining('10 per second'),
      details: expect.objectContaining({ plan: 'free', per_second: 10 }),
      status: 429,
      retryAfter: expect.any(Number),
    });
    expect(limited?.error?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited?.rateLimit).toEqual({ limit: 10, remaining: 0, reset: expect.any(Number) });
  });

  it('waits for the window and retries when asked to, within maxWaitMs', async () => {
    const patient = platformWith({
      apiKey: server.freeKey,
      retryOnRateLimit: { maxWaitMs: 3000 },
    });
    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await patient.organization.get());
    expect(answers.filter((answer) => answer.error)).toEqual([]);
    // 25 requests at 10 per second cannot all pass in the first window.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    // A wait longer than maxWaitMs is not made: the 429 comes back at once.
    const hasty = platformWith({ apiKey: server.freeKey, retryOnRateLimit: { maxWaitMs: 10 } });
    const hastyAnswers = [];
    for (let i = 0; i < 12; i++) hastyAnswers.push(await hasty.organization.get());
    expect(hastyAnswers.some((answer) => answer.error?.code === 'rate_limited')).toBe(true);
  });

  it('a cancelled wait answers cancelled', async () => {
    // Spend the window, then ask again with a signal that aborts during the wait.
    const hasty = platformWith({ apiKey: server.freeKey });
    for (let i = 0; i < 20 && !(await hasty.organization.get()).error; i++);
    const patient = platformWith({
      apiKey: server.freeKey,
      retryOnRateLimit: { maxWaitMs: 5000 },
    });
    const started = Date.now();
    const answer = await patient.organization.get({ signal: AbortSignal.timeout(50) });
    expect(answer.error).toEqual({
      code: 'cancelled',
      message: 'The request was cancelled by its caller.',
      details: null,
      status: null,
    });
    expect(Date.now() - started).toBeLessThan(900);
  });
});
