import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  JSONRPCMessageSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLegacySse, connectStreamableHttp } from '../testing/http-clients.js';
import { recordingFetch } from '../testing/recording-fetch.js';
import { type BuiltStdioSession, connectBuiltStdio } from '../testing/stdio.js';
import { mcpCaller, restCaller, type ToolCaller } from '../testing/tool-caller.js';
import { Transcript } from '../testing/transcript.js';
import { type MovieNightScene, movieNightSteps } from './movie-night.js';
import {
  API_KEY,
  builtHttpScene,
  CALL_TIMEOUT,
  PLEX_TOKEN,
  type PlexScene,
  plexScene,
  SPAWN_TIMEOUT,
} from './scene.js';

// The built binary against an emulator on a real socket, once per transport. Everything the
// servers write and answer lands in one transcript, which the last block searches for secrets.
const transcript = new Transcript();
const fetchAndRecord = recordingFetch(transcript);

/** One emulator and one built HTTP server for a describe block. */
function httpScene(args: string[] = []) {
  return builtHttpScene(transcript, args);
}

/** An HTTP scene whose calls go through a Streamable HTTP client session. */
function streamableScene(args: string[]) {
  const scene = httpScene(args) as ReturnType<typeof httpScene> & { client: Client };
  beforeAll(async () => {
    scene.client = await connectStreamableHttp({
      baseUrl: scene.server.url,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    scene.call = mcpCaller(scene.client);
  }, SPAWN_TIMEOUT);
  afterAll(() => scene.client.close());
  return scene;
}

describe('stdio, SDK client', { timeout: CALL_TIMEOUT }, () => {
  const scene = {} as MovieNightScene & { plex: PlexScene; session: BuiltStdioSession };
  beforeAll(async () => {
    scene.plex = await plexScene();
    scene.emulator = scene.plex.emulator;
    scene.session = await connectBuiltStdio({ env: scene.plex.env(), transcript });
    scene.call = mcpCaller(scene.session.client);
  }, SPAWN_TIMEOUT);
  afterAll(() => scene.plex.close());

  it('lists the default tools (read and write, no delete)', async () => {
    const { tools } = await scene.session.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['media_search', 'client_start_playback']));
    expect(names).not.toContain('media_delete');
  });

  movieNightSteps(() => scene, 'stdio');

  it('wrote nothing but JSON-RPC lines to stdout, and exits 0 when stdin ends', async () => {
    expect(await scene.session.close()).toBe(0);
    expect(scene.session.errors).toEqual([]);
    const lines = scene.session.server.output.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) {
      expect(JSONRPCMessageSchema.safeParse(JSON.parse(line)).success, line).toBe(true);
    }
    expect(scene.session.server.output.stderr).toContain('plex-mcp-server: serving over stdio');
  });
});

describe('stdio with --dynamic-toolsets', { timeout: CALL_TIMEOUT }, () => {
  it(
    'starts with the meta-tools and lists a toolset once it is enabled',
    async () => {
      const plex = await plexScene();
      const session = await connectBuiltStdio({
        args: ['--dynamic-toolsets'],
        env: plex.env(),
      });
      try {
        const changed = new Promise<void>((resolve) =>
          session.client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()),
        );
        const start = (await session.client.listTools()).tools.map((tool) => tool.name);
        expect(start.sort()).toEqual(['tools_search', 'toolsets_enable', 'toolsets_list']);
        const enabling = await session.client.callTool({
          name: 'toolsets_enable',
          arguments: { names: ['library'] },
        });
        expect(enabling.isError, JSON.stringify(enabling.content)).not.toBe(true);
        await changed;
        const enabled = (await session.client.listTools()).tools.map((tool) => tool.name);
        expect(enabled).toContain('library_list');
        const listed = await session.client.callTool({ name: 'library_list', arguments: {} });
        expect(listed.isError).not.toBe(true);
      } finally {
        await session.close();
        await plex.close();
      }
    },
    SPAWN_TIMEOUT + CALL_TIMEOUT,
  );
});

describe('Streamable HTTP, stateful', { timeout: CALL_TIMEOUT }, () => {
  const scene = streamableScene(['--debug']);

  it('holds a session and shows the server its key', async () => {
    expect((scene.client.transport as StreamableHTTPClientTransport).sessionId).toMatch(
      /^[\w-]{16,}$/,
    );
    expect(scene.server.output.stderr).toContain('(REST: ');
    expect(scene.server.output.stderr).toContain('1 configured API key)');
  });

  movieNightSteps(() => scene, 'Streamable HTTP');

  it('takes the key as ?apikey= too (the debug log must not echo it), refuses none or a wrong one', async () => {
    const query = await fetchAndRecord(`${scene.server.url}/tools?apikey=${API_KEY}`);
    expect(query.status).toBe(200);
    expect(((await query.json()) as unknown[]).length).toBeGreaterThan(50);
    const none = await fetchAndRecord(`${scene.server.url}/mcp`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    // /mcp's clients read JSON-RPC, refusals included.
    expect(await none.json()).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32000, message: expect.stringMatching(/API key is required/) },
      id: null,
    });
    const wrong = await fetchAndRecord(`${scene.server.url}/tools`, {
      headers: { 'x-api-key': 'not-the-key-at-all' },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('Streamable HTTP, stateless', { timeout: CALL_TIMEOUT }, () => {
  const scene = streamableScene(['--stateless']);

  it('hands out no session id', () => {
    expect((scene.client.transport as StreamableHTTPClientTransport).sessionId).toBeUndefined();
    expect(scene.server.output.stderr).toContain('; stateless)');
  });

  movieNightSteps(() => scene, 'stateless HTTP');
});

describe('legacy SSE', { timeout: CALL_TIMEOUT }, () => {
  const scene = httpScene();
  let client: Client;
  beforeAll(async () => {
    client = await connectLegacySse({
      baseUrl: scene.server.url,
      apiKey: API_KEY,
      fetch: fetchAndRecord,
    });
    scene.call = mcpCaller(client);
  }, SPAWN_TIMEOUT);
  afterAll(() => client.close());

  movieNightSteps(() => scene, 'legacy SSE');
});

describe('REST', { timeout: CALL_TIMEOUT }, () => {
  const scene = httpScene();
  let rest: ToolCaller;
  beforeAll(() => {
    rest = restCaller(scene.server.url, API_KEY, fetchAndRecord);
    scene.call = rest;
  });

  it('answers /health without a key and /tools with one', async () => {
    const health = await fetchAndRecord(`${scene.server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const listed = await fetchAndRecord(`${scene.server.url}/tools`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const tools = (await listed.json()) as { name: string; parameters: { type: string } }[];
    expect(tools.find((tool) => tool.name === 'playlist_create')).toMatchObject({
      parameters: { type: 'object' },
    });
  });

  movieNightSteps(() => scene, 'REST');

  it('maps tool errors to HTTP statuses with the code and message', async () => {
    const missing = await fetchAndRecord(`${scene.server.url}/tools/call`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tool_name: 'media_get_details', arguments: { media: '999999' } }),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      success: false,
      result: null,
      error: { code: 'NOT_FOUND' },
    });
    expect(await rest('media_get_details', { media: 'Sherlock Holmes' })).toMatchObject({
      ok: false,
      code: 'AMBIGUOUS',
    });
  });
});

describe('secrets across the whole run', { timeout: CALL_TIMEOUT }, () => {
  it('captured every transport', () => {
    const text = transcript.text();
    for (const label of ['stdio', 'Streamable HTTP', 'stateless HTTP', 'legacy SSE', 'REST']) {
      expect(text).toContain(`Movie night (${label})`);
    }
    expect(text).toContain('event: endpoint');
    expect(text).toContain('[debug]');
    expect(text).toContain('401 Unauthorized');
  });

  it('never shows the Plex token or the API key', () => {
    const text = transcript.text();
    expect(text).not.toContain(PLEX_TOKEN);
    expect(text).not.toContain(API_KEY);
    // Parts of them are no better: a truncated or split secret still leaks.
    expect(text).not.toContain(PLEX_TOKEN.slice(-12));
    expect(text).not.toContain(API_KEY.slice(-12));
  });
});
