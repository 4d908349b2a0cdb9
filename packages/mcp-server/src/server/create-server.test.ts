import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createPlexClient } from '@plexmcp/plex-client';
import { createPlexEmulator } from '@plexmcp/plex-emulator';
import type { ListToolsOptions } from '@plexmcp/plex-tools';
import { describe, expect, it } from 'vitest';
import { createPlexMcpServer } from './create-server.js';

/** A real SDK client linked in memory to a server over an emulated Plex. */
async function connect(tools: ListToolsOptions = {}) {
  const emulator = createPlexEmulator({ activityStepMs: 2 });
  const plex = createPlexClient({
    baseUrl: 'http://plex.test:32400',
    token: emulator.token,
    retry: false,
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
  });
  const server = createPlexMcpServer({ plex, tools, config: { defaultUsername: 'demo_owner' } });
  const client = new Client({ name: 'test', version: '1.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return { client, emulator };
}

describe('createPlexMcpServer', () => {
  it('lists the visible tools with titles, annotations and schemas', async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toContain('media_search');
    expect(names).not.toContain('media_delete');
    const search = tools.find((tool) => tool.name === 'media_search')!;
    expect(search).toMatchObject({
      title: expect.any(String),
      inputSchema: { type: 'object', required: ['query'] },
      outputSchema: { type: 'object' },
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    });
  });

  it('answers a call with structuredContent matching the output schema and one JSON text block', async () => {
    const { client } = await connect();
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as { libraries: { title: string }[] };
    expect(data.libraries.map((l) => l.title)).toEqual(['Movies', 'TV Shows', 'Music']);
    expect(result.content).toEqual([{ type: 'text', text: JSON.stringify(data) }]);
  });

  it('answers tool errors as isError results with the code and no structuredContent', async () => {
    const { client } = await connect();
    const result = await client.callTool({
      name: 'media_get_details',
      arguments: { media_title: 'Sherlock Holmes' },
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect((result.content as { text: string }[])[0]?.text).toMatch(/^AMBIGUOUS: 2 items match/);
  });

  it('refuses unknown and hidden tools as protocol errors', async () => {
    const { client } = await connect({ readOnly: true });
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(
      /Unknown tool: nope/,
    );
    await expect(
      client.callTool({
        name: 'media_set_watched',
        arguments: { media_id: '1000', watched: true },
      }),
    ).rejects.toThrow(/Unknown tool: media_set_watched/);
  });

  it('returns artwork as MCP image content', async () => {
    const { client } = await connect();
    const result = await client.callTool({
      name: 'media_get_artwork',
      arguments: { media_id: '1000', max_width: 120 },
    });
    const image = (result.content as { type: string; mimeType?: string; data?: string }[]).find(
      (block) => block.type === 'image',
    );
    expect(image?.mimeType).toBe('image/png');
    expect(Buffer.from(image!.data!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.stringify(result.structuredContent)).not.toMatch(/base64|iVBOR/);
  });

  it('sends progress notifications when the client asks for them', async () => {
    const { client } = await connect();
    const progress: number[] = [];
    await client.callTool(
      { name: 'library_refresh', arguments: { library_name: 'Movies' } },
      undefined,
      { onprogress: (update) => progress.push(update.progress) },
    );
    expect(progress.length).toBeGreaterThan(0);
  });
});
