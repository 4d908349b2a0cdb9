import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlexMcpClient } from './create-client.js';
import { type DemoServer, startDemoServer } from './testing/demo-server.js';
import { closedPort, stubServer } from './testing/ports.js';

const ADMIN_KEY = 'sdk-admin-k3y-1f9e-a7Cq03LmZx5Wn2Rt';
const READ_KEY = 'sdk-read-k3y-77ab-Hq4Ve8JsPk1Ny6Tz';

let open: DemoServer;
let keyed: DemoServer;
beforeAll(async () => {
  [open, keyed] = await Promise.all([
    startDemoServer(),
    startDemoServer([
      '--access',
      'delete',
      '--api-key',
      `${ADMIN_KEY}:read+write+delete`,
      '--api-key',
      `${READ_KEY}:read`,
    ]),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([open?.close(), keyed?.close()]);
});

describe('createPlexMcpClient over REST against the built demo server', () => {
  it('calls a tool by name and answers its typed output', async () => {
    const plex = createPlexMcpClient({ baseUrl: open.url });
    const result = await plex.call('media_search', { query: 'charade', limit: 5 });
    if (result.error) throw new Error(result.error.message);
    expect(result.data.results[0]).toMatchObject({ id: '1002', title: 'Charade', type: 'movie' });
    expect(result.data.has_more).toBe(false);
  });

  it('offers one typed function per tool, and keeps what a write changed', async () => {
    const plex = createPlexMcpClient({ baseUrl: open.url });
    const created = await plex.tools.playlist_create({ title: 'SDK Picks', items: ['1002'] });
    if (created.error) throw new Error(created.error.message);
    const listed = await plex.tools.playlist_list();
    expect(listed.data?.playlists.map((playlist) => playlist.title)).toContain('SDK Picks');
    const contents = await plex.tools.playlist_get_contents({
      playlist: created.data.playlist.id,
    });
    expect(contents.data?.items.map((item) => item.title)).toEqual(['Charade']);
  });

  it('answers tool errors as { error } with the code, the message and details', async () => {
    const plex = createPlexMcpClient({ baseUrl: open.url });
    const missing = await plex.call('media_get_details', { media: '999999' });
    expect(missing.data).toBeUndefined();
    expect(missing.error?.code).toBe('NOT_FOUND');
    expect(missing.error?.message).toMatch(/999999/);
    const invalid = await plex.call('media_search', { query: 'x', limit: 0 });
    expect(invalid.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(invalid.error?.message).toMatch(/limit/);
    const unknown = await plex.call('no_such_tool' as 'media_search', { query: 'x' });
    expect(unknown.error).toEqual({
      code: 'NOT_FOUND',
      message: 'There is no tool named "no_such_tool". GET /tools lists them.',
      details: null,
    });
  });

  it('asks for confirmation before a destructive tool runs', async () => {
    const plex = createPlexMcpClient({ baseUrl: keyed.url, apiKey: ADMIN_KEY });
    const result = await plex.tools.playlist_delete({ playlist_id: '1074' });
    expect(result.error?.code).toBe('CONFIRMATION_REQUIRED');
    expect(
      (await plex.tools.playlist_get_contents({ playlist: '1074' })).data?.playlist.title,
    ).toBe('Piano Evenings');
  });

  it('lists the tools and reports health', async () => {
    const plex = createPlexMcpClient({ baseUrl: open.url });
    const tools = await plex.listTools();
    const search = tools.data?.find((tool) => tool.name === 'media_search');
    expect(search).toMatchObject({ access: 'read', module: 'media' });
    expect(search?.parameters).toMatchObject({ required: ['query'] });
    expect(await plex.health()).toEqual({ data: { status: 'ok' } });
  });

  it('sends the API key as a bearer header; scopes narrow what a key may call', async () => {
    const anonymous = await createPlexMcpClient({ baseUrl: keyed.url }).tools.library_list();
    expect(anonymous.error?.code).toBe('UNAUTHORIZED');
    const wrong = await createPlexMcpClient({
      baseUrl: keyed.url,
      apiKey: 'not-a-k3y',
    }).tools.library_list();
    expect(wrong.error).toEqual({
      code: 'UNAUTHORIZED',
      message: 'The API key is not valid.',
      details: null,
    });

    const reader = createPlexMcpClient({ baseUrl: keyed.url, apiKey: READ_KEY });
    expect((await reader.tools.library_list()).data?.libraries.length).toBeGreaterThan(0);
    const write = await reader.tools.media_set_watched({ media: '1002', watched: true });
    expect(write.error?.code).toBe('FORBIDDEN');
    expect(write.error?.message).not.toContain(READ_KEY);
    const visible = (await reader.listTools()).data ?? [];
    expect(visible.every((tool) => tool.access === 'read')).toBe(true);
    expect(keyed.stderr()).not.toContain(READ_KEY);
  });

  it('answers SERVER_UNREACHABLE, TIMEOUT, CANCELLED and INVALID_RESPONSE instead of throwing', async () => {
    const port = await closedPort();
    const down = await createPlexMcpClient({
      baseUrl: `http://127.0.0.1:${port}`,
    }).tools.library_list();
    expect(down.error).toEqual({
      code: 'SERVER_UNREACHABLE',
      message: `Could not reach the plexmcp server at http://127.0.0.1:${port} (ECONNREFUSED). Is it running with --transport http, and is baseUrl right?`,
      details: null,
    });

    const silent = await stubServer(() => {
      // Never answers.
    });
    const hung = createPlexMcpClient({ baseUrl: silent.url, timeoutMs: 200 });
    expect((await hung.tools.library_list()).error?.message).toBe(
      `No answer from the plexmcp server at ${silent.url} within 200 ms. It may be busy or Plex may be slow; try again or raise timeoutMs.`,
    );
    expect((await hung.call('library_list', {}, { timeoutMs: 50 })).error?.message).toMatch(
      /within 50 ms/,
    );
    const controller = new AbortController();
    const pending = hung.call('library_list', {}, { signal: controller.signal });
    controller.abort();
    expect((await pending).error?.code).toBe('CANCELLED');
    await silent.close();

    const proxy = await stubServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    });
    const html = await createPlexMcpClient({ baseUrl: proxy.url }).tools.library_list();
    expect(html.error?.code).toBe('INVALID_RESPONSE');
    expect(html.error?.message).toMatch(
      /^Expected JSON from the plexmcp server at \S+ but got HTTP 502 with text\/html\./,
    );
    await proxy.close();
  });
});

describe('createPlexMcpClient requests', () => {
  it('posts {tool_name, arguments} under the base path with JSON and bearer headers', async () => {
    const requests: Request[] = [];
    const plex = createPlexMcpClient({
      baseUrl: 'http://plex.example:8080/plexmcp',
      apiKey: 'hdr-k3y',
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        return Response.json({ success: true, result: { ok: 1 }, error: null });
      },
    });
    expect(await plex.call('library_list')).toEqual({ data: { ok: 1 } });
    const [request] = requests;
    expect(request?.url).toBe('http://plex.example:8080/plexmcp/tools/call');
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('authorization')).toBe('Bearer hdr-k3y');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({ tool_name: 'library_list', arguments: {} });
  });

  it('hands images back base64-encoded', async () => {
    const plex = createPlexMcpClient({
      baseUrl: 'http://plex.example',
      fetch: async () =>
        Response.json({
          success: true,
          result: { id: '1' },
          error: null,
          images: [{ mime_type: 'image/png', data: 'iVBORw0K' }],
        }),
    });
    expect(await plex.call('media_get_artwork', { media: '1' })).toEqual({
      data: { id: '1' },
      images: [{ mimeType: 'image/png', data: 'iVBORw0K' }],
    });
  });

  it('throws only for misuse, with a message that says what to pass', () => {
    expect(() => createPlexMcpClient({ baseUrl: 'localhost:3001' })).toThrow(
      'baseUrl must use http or https; got localhost:',
    );
    expect(() => createPlexMcpClient({ baseUrl: 'not a url' })).toThrow(
      'baseUrl must be an absolute URL such as http://127.0.0.1:3001; got "not a url".',
    );
    expect(() => createPlexMcpClient({ baseUrl: 'http://h/?apikey=x' })).toThrow(
      'baseUrl must not carry credentials or a query; pass the key as apiKey.',
    );
    expect(() => createPlexMcpClient({ baseUrl: 'http://h', apiKey: ' ' })).toThrow(
      'apiKey must be a non-empty string of visible ASCII characters.',
    );
    expect(() => createPlexMcpClient({ baseUrl: 'http://h', apiKey: 'k3y\u0000x' })).toThrow(
      /^apiKey must be a non-empty string of visible ASCII characters\.$/,
    );
    for (const timeoutMs of [0, 1500.5, 3e9, Number.NaN]) {
      expect(() => createPlexMcpClient({ baseUrl: 'http://h', timeoutMs })).toThrow(
        `timeoutMs must be a whole number of milliseconds from 1 to 2147483647; got ${timeoutMs}.`,
      );
    }
    expect(() => createPlexMcpClient({ baseUrl: 'http://h', fetch: 'nope' as never })).toThrow(
      'fetch must be a function.',
    );
    const plex = createPlexMcpClient({ baseUrl: 'http://h' });
    expect(() => plex.call('' as 'library_list')).toThrow('name must be a tool name');
    expect(() => plex.call('library_list', {}, { timeoutMs: -1 })).toThrow(/^timeoutMs must be/);
    expect(() => plex.call('media_search', [] as never)).toThrow(
      'call("media_search", args): args must be an object of named arguments.',
    );
  });
});
