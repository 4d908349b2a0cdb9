import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ListToolsOptions } from '@plexmcp/plex-tools';
import { describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { createPlexMcpServer, type PlexMcpServerOptions } from './create-server.js';
import type { Logger } from './logger.js';

/** A real SDK client linked in memory to a server over an emulated Plex. */
async function connect(tools: ListToolsOptions = {}, more: Partial<PlexMcpServerOptions> = {}) {
  const { emulator, plex } = emulatedPlex({ activityStepMs: 2 });
  const server = createPlexMcpServer({
    plex,
    tools,
    config: { defaultUsername: 'demo_owner' },
    ...more,
  });
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
      arguments: { media: 'Sherlock Holmes' },
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect((result.content as { text: string }[])[0]?.text).toMatch(/^AMBIGUOUS: 2 items match/);
    // Programs get the code and the candidates REST would send, outside the model's view.
    expect(result._meta?.['plexmcp/error']).toMatchObject({
      code: 'AMBIGUOUS',
      details: { candidates: [{ title: 'Sherlock Holmes' }, { title: 'Sherlock Holmes' }] },
    });
  });

  it('refuses unknown tools as protocol errors, and says which setting hides a real one', async () => {
    const { client } = await connect({ readOnly: true });
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toThrow(
      /Unknown tool: nope\. Call tools\/list/,
    );
    await expect(
      client.callTool({
        name: 'media_set_watched',
        arguments: { media: '1000', watched: true },
      }),
    ).rejects.toThrow(
      /media_set_watched is hidden on this server: it needs write access and the server runs with --read-only\./,
    );
    const byDefault = await connect();
    await expect(
      byDefault.client.callTool({ name: 'media_delete', arguments: { media_id: '1000' } }),
    ).rejects.toThrow(
      /media_delete is hidden on this server: it needs delete access \(start the server with --access delete\)\./,
    );
    const narrowed = await connect({ toolsets: ['library'] });
    await expect(
      narrowed.client.callTool({ name: 'media_search', arguments: { query: 'x' } }),
    ).rejects.toThrow(
      /media_search is hidden on this server: its module \(media\) is not in --toolsets\./,
    );
    const scoped = await connect({}, { allow: (tool) => tool.access === 'read' });
    await expect(
      scoped.client.callTool({
        name: 'media_set_watched',
        arguments: { media: '1000', watched: true },
      }),
    ).rejects.toThrow(/API key's scopes do not include write, which media_set_watched needs/);
  });

  it('answers AMBIGUOUS with the candidates in the text the model reads', async () => {
    const { client } = await connect();
    const result = await client.callTool({
      name: 'media_get_details',
      arguments: { media: 'Sherlock Holmes' },
    });
    expect((result.content as { text: string }[])[0]?.text).toBe(
      'AMBIGUOUS: 2 items match "Sherlock Holmes": 1014 Sherlock Holmes (1916, movie, Movies); 1015 Sherlock Holmes (1922, movie, Movies). Call again with media set to one id.',
    );
  });

  it('takes the input names of earlier releases, which tools/list no longer shows', async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    const details = tools.find((tool) => tool.name === 'media_get_details');
    expect(Object.keys(details?.inputSchema.properties ?? {})).toEqual(['media']);
    const result = await client.callTool({
      name: 'media_get_details',
      arguments: { media_id: 1014 },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ id: '1014', year: 1916 });
  });

  it('answers a wrong id with the input field and where ids come from, not a Plex path', async () => {
    const { client } = await connect();
    const result = await client.callTool({
      name: 'media_get_details',
      arguments: { media: '99999' },
    });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]?.text).toBe(
      'NOT_FOUND: No item with id or title "99999"; find them with media_search.',
    );
  });

  it('returns artwork as MCP image content', async () => {
    const { client } = await connect();
    const result = await client.callTool({
      name: 'media_get_artwork',
      arguments: { media: '1000', max_width: 120 },
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
      { name: 'library_refresh', arguments: { library: 'Movies' } },
      undefined,
      { onprogress: (update) => progress.push(update.progress) },
    );
    expect(progress.length).toBeGreaterThan(0);
  });
});

describe('resources', () => {
  it('lists the libraries and the two templates', async () => {
    const { client } = await connect();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.name)).toEqual(['Movies', 'TV Shows', 'Music']);
    expect(resources[0]).toMatchObject({
      uri: expect.stringMatching(/^plex:\/\/library\/\d+$/),
      mimeType: 'application/json',
    });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'plex://library/{id}',
      'plex://item/{id}',
    ]);
  });

  it('reads a library (by id or name) with its counts, and an item', async () => {
    const { client } = await connect();
    const { resources } = await client.listResources();
    const movies = resources.find((r) => r.name === 'Movies')!;
    const read = await client.readResource({ uri: movies.uri });
    const content = read.contents[0] as { uri: string; mimeType: string; text: string };
    expect(content).toMatchObject({ uri: movies.uri, mimeType: 'application/json' });
    const library = JSON.parse(content.text) as { title: string; stats: object };
    expect(library.title).toBe('Movies');
    expect(library.stats).toBeTypeOf('object');
    const byName = await client.readResource({ uri: 'plex://library/TV%20Shows' });
    expect(JSON.parse((byName.contents[0] as { text: string }).text).title).toBe('TV Shows');

    const item = await client.readResource({ uri: 'plex://item/1000' });
    const detail = JSON.parse((item.contents[0] as { text: string }).text) as { id: string };
    expect(detail.id).toBe('1000');
  });

  it('answers unknown ids and URIs with a clear MCP error', async () => {
    const { client } = await connect();
    await expect(client.readResource({ uri: 'plex://item/999999' })).rejects.toThrow(
      /plex:\/\/item\/999999: NOT_FOUND/,
    );
    await expect(client.readResource({ uri: 'plex://library/Nope' })).rejects.toThrow(/NOT_FOUND/);
    await expect(client.readResource({ uri: 'plex://item/abc' })).rejects.toThrow(
      /numeric ratingKey/,
    );
    await expect(client.readResource({ uri: 'file:///etc/passwd' })).rejects.toThrow(
      /Unknown resource file:\/\/\/etc\/passwd/,
    );
  });

  it('completes library ids and names by prefix', async () => {
    const { client } = await connect();
    const ref = { type: 'ref/resource' as const, uri: 'plex://library/{id}' };
    const byName = await client.complete({ ref, argument: { name: 'id', value: 'mo' } });
    expect(byName.completion.values).toEqual(['Movies']);
    const all = await client.complete({ ref, argument: { name: 'id', value: '' } });
    expect(all.completion.values).toHaveLength(3);
    const { resources } = await client.listResources();
    const id = resources[0]!.uri.split('/').pop()!;
    const byId = await client.complete({ ref, argument: { name: 'id', value: id } });
    expect(byId.completion.values).toContain(id);
    const other = await client.complete({
      ref: { type: 'ref/resource', uri: 'plex://item/{id}' },
      argument: { name: 'id', value: '1' },
    });
    expect(other.completion.values).toEqual([]);
  });
});

describe('logging', () => {
  it('sends tool failures as log messages at the level the client asked for', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (m) => lines.push(`debug ${m}`),
      info: (m) => lines.push(`info ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
      error: (m) => lines.push(`error ${m}`),
    };
    const { client, emulator } = await connect({}, { logger });
    const messages: { level: string; data: unknown }[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      messages.push(notification.params);
    });
    const ambiguous = { name: 'media_get_details', arguments: { media: 'Sherlock Holmes' } };

    await client.setLoggingLevel('warning');
    await client.callTool(ambiguous);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messages).toEqual([
      {
        level: 'warning',
        logger: 'plexmcp',
        data: { tool: 'media_get_details', code: 'AMBIGUOUS', message: expect.any(String) },
      },
    ]);

    await client.setLoggingLevel('error');
    await client.callTool(ambiguous);
    await client.callTool({ name: 'library_list', arguments: {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages)).not.toContain(emulator.token);
    expect(lines[0]).toMatch(/^debug media_get_details failed: AMBIGUOUS: /);
  });

  it('aborts the Plex work when the client cancels a call', async () => {
    const { client, emulator } = await connect();
    const aborter = new AbortController();
    const call = client.callTool(
      { name: 'server_get_alerts', arguments: { timeout_seconds: 30 } },
      undefined,
      { signal: aborter.signal },
    );
    // The tool listens to Plex's event stream; cancel once it is subscribed.
    while (emulator.notifications.subscriberCount === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    aborter.abort();
    await expect(call).rejects.toThrow();
    for (let i = 0; i < 100 && emulator.notifications.subscriberCount > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(emulator.notifications.subscriberCount).toBe(0);
  });
});
