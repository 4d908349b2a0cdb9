import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import {
  createPlexMcpServer,
  type PlexMcpServerOptions,
  type SessionToolOptions,
} from './create-server.js';

/**
 * A real SDK client linked in memory to a dynamic-toolsets server over an emulated Plex. The
 * client refreshes its tool list on `notifications/tools/list_changed` (the SDK's own
 * `listChanged` handling, no debounce); `changes` resolves each refreshed list in turn.
 */
async function connect(tools: SessionToolOptions = {}, more: Partial<PlexMcpServerOptions> = {}) {
  const { emulator, plex } = emulatedPlex();
  const server = createPlexMcpServer({
    plex,
    tools: { dynamicToolsets: true, ...tools },
    config: { defaultUsername: 'demo_owner' },
    ...more,
  });
  const refreshed: Tool[][] = [];
  const waiting: ((tools: Tool[]) => void)[] = [];
  const client = new Client(
    { name: 'test', version: '1.0.0' },
    {
      listChanged: {
        tools: {
          debounceMs: 0,
          onChanged: (error, list) => {
            if (error || !list) throw error ?? new Error('no tool list');
            const next = waiting.shift();
            if (next) next(list);
            else refreshed.push(list);
          },
        },
      },
    },
  );
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  const nextList = () =>
    new Promise<Tool[]>((resolve) => {
      const ready = refreshed.shift();
      if (ready) resolve(ready);
      else waiting.push(resolve);
    });
  return { client, emulator, nextList, refreshed };
}

/** What the model reads of a tool list: compact JSON of each tool's name, description, input. */
const modelVisibleBytes = (tools: readonly Tool[]) =>
  tools.reduce(
    (sum, { name, description, inputSchema }) =>
      sum + Buffer.byteLength(JSON.stringify({ name, description, inputSchema })),
    0,
  );

const names = (tools: readonly Tool[]) => tools.map((tool) => tool.name);

// biome-ignore lint/suspicious/noExplicitAny: results are checked with expect().
const data = (result: unknown) => (result as { structuredContent?: any }).structuredContent;

const textOf = (result: unknown) =>
  (result as { content: { type: string; text: string }[] }).content[0]?.text;

describe('--dynamic-toolsets', () => {
  it('starts with the three meta-tools only, under 3 KB for the model, and says the list changes', async () => {
    const { client } = await connect();
    expect(client.getServerCapabilities()?.tools).toEqual({ listChanged: true });
    const { tools } = await client.listTools();
    expect(names(tools)).toEqual(['toolsets_list', 'toolsets_enable', 'tools_search']);
    expect(modelVisibleBytes(tools)).toBeLessThan(3 * 1024);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
  });

  it('lists the toolsets with one line each and how many of their tools are enabled', async () => {
    const { client } = await connect();
    const result = await client.callTool({ name: 'toolsets_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    const { toolsets } = data(result);
    expect(toolsets.map((t: { name: string; tools: number }) => [t.name, t.tools])).toEqual([
      ['library', 7],
      // Delete tools stay hidden without --access delete, here as everywhere.
      ['media', 9],
      ['playlist', 8],
      ['collection', 6],
      ['user', 7],
      ['sessions', 2],
      ['server', 10],
      ['client', 8],
    ]);
    for (const toolset of toolsets) {
      expect(toolset.enabled).toBe(0);
      expect(toolset.summary).toMatch(/^\w[^\n]{10,100}$/);
    }
  });

  it('enables a toolset: list_changed arrives, tools/list shows its tools, and one answers a call', async () => {
    const { client, nextList } = await connect();
    const enabled = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['playlist'] },
    });
    expect(enabled.isError).toBeFalsy();
    expect(data(enabled)).toEqual({
      added: [
        'playlist_list',
        'playlist_get_contents',
        'playlist_create',
        'playlist_edit',
        'playlist_add_to',
        'playlist_remove_from',
        'playlist_upload_poster',
        'playlist_copy_to_user',
      ],
      message: 'Enabled 8 tools; your tool list now has them.',
    });
    // The SDK client refreshed its list on the notification.
    const refreshed = await nextList();
    expect(names(refreshed)).toEqual([
      'toolsets_list',
      'toolsets_enable',
      'tools_search',
      ...data(enabled).added,
    ]);
    expect(names((await client.listTools()).tools)).toEqual(names(refreshed));
    // The client now knows the output schema and checks structuredContent against it.
    const listed = await client.callTool({ name: 'playlist_list', arguments: {} });
    expect(listed.isError).toBeFalsy();
    expect(data(listed).playlists.map((p: { title: string }) => p.title)).toContain(
      'Friday Night Noir',
    );
    const counts = data(await client.callTool({ name: 'toolsets_list', arguments: {} }));
    expect(counts.toolsets.find((t: { name: string }) => t.name === 'playlist')).toMatchObject({
      tools: 8,
      enabled: 8,
    });
  });

  it('enables several toolsets and single tools at once, in catalogue order', async () => {
    const { client, nextList } = await connect();
    const enabled = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['sessions', 'library_list'] },
    });
    expect(data(enabled).added).toEqual([
      'sessions_get_active',
      'sessions_get_media_playback_history',
      'library_list',
    ]);
    expect(names(await nextList()).slice(3)).toEqual([
      'library_list',
      'sessions_get_active',
      'sessions_get_media_playback_history',
    ]);
  });

  it('sends no notification when nothing new was enabled', async () => {
    const { client, nextList, refreshed } = await connect();
    await client.callTool({ name: 'toolsets_enable', arguments: { names: ['library_list'] } });
    await nextList();
    const again = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['library_list'] },
    });
    expect(data(again)).toEqual({ added: [], message: 'Already enabled; nothing changed.' });
    // A ping round trip: any notification sent before its answer has been handled by now.
    await client.ping();
    expect(refreshed).toEqual([]);
  });

  it('refuses names that are no toolset or tool, and says why a hidden tool is hidden', async () => {
    const { client } = await connect();
    const unknown = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['movies'] },
    });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toBe(
      'INVALID_INPUT: "movies" is no toolset or tool. Toolsets: library, media, playlist, collection, user, sessions, server, client; tools_search finds tools by words.',
    );
    const hidden = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['media_delete'] },
    });
    expect(textOf(hidden)).toMatch(
      /^INVALID_INPUT: media_delete is hidden on this server: it needs delete access \(start the server with --access delete\)\./,
    );
    const empty = await client.callTool({ name: 'toolsets_enable', arguments: { names: [] } });
    expect(textOf(empty)).toBe('INVALID_INPUT: names: a list of toolset or tool names is required');
    expect(names((await client.listTools()).tools)).toHaveLength(3);
  });

  it('finds tools by words, best first, saying which are enabled', async () => {
    const { client } = await connect();
    const found = await client.callTool({
      name: 'tools_search',
      arguments: { query: 'add movies to a playlist', limit: 3 },
    });
    expect(found.isError).toBeFalsy();
    const { tools } = data(found);
    expect(tools).toHaveLength(3);
    expect(tools[0]).toEqual({
      name: 'playlist_add_to',
      toolset: 'playlist',
      description: expect.any(String),
      enabled: false,
    });
    const who = data(
      await client.callTool({ name: 'tools_search', arguments: { query: 'who is watching now' } }),
    );
    expect(who.tools[0].name).toBe('sessions_get_active');
    const none = data(
      await client.callTool({ name: 'tools_search', arguments: { query: 'zzzz qqqq' } }),
    );
    expect(none).toEqual({ tools: [] });
    const bad = await client.callTool({
      name: 'tools_search',
      arguments: { query: 'x', limit: 0 },
    });
    expect(textOf(bad)).toBe('INVALID_INPUT: limit: a whole number from 1 to 20');
  });

  it('still answers a tool called by name before it is enabled', async () => {
    const { client } = await connect();
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(data(result).libraries).toHaveLength(3);
  });

  it('offers only what the caller may use (an API key with read scope)', async () => {
    const { client } = await connect({}, { allow: (tool) => tool.access === 'read' });
    const { toolsets } = data(await client.callTool({ name: 'toolsets_list', arguments: {} }));
    expect(toolsets.find((t: { name: string }) => t.name === 'playlist')).toMatchObject({
      tools: 2,
    });
    const refused = await client.callTool({
      name: 'toolsets_enable',
      arguments: { names: ['playlist_create'] },
    });
    expect(textOf(refused)).toMatch(
      /^INVALID_INPUT: This API key's scopes do not include write, which playlist_create needs\./,
    );
  });

  it('keeps every tool listed at start without the option', async () => {
    const { client } = await connect({ dynamicToolsets: false });
    expect(client.getServerCapabilities()?.tools).toEqual({});
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(57);
    expect(names(tools)).not.toContain('toolsets_list');
  });
});
