import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type PlexHttpServer, startHttpServer } from '../http/server.js';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { createPlexMcpServer, type SessionToolOptions } from './create-server.js';

const DYNAMIC: SessionToolOptions = { dynamicToolsets: true };
const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

/** A client whose `changed` resolves with the tool list the SDK refetched after list_changed. */
function listeningClient() {
  let resolveChanged: (tools: Tool[]) => void = () => {};
  const changed = new Promise<Tool[]>((resolve) => {
    resolveChanged = resolve;
  });
  const client = new Client(
    { name: 'test', version: '1.0.0' },
    {
      listChanged: {
        tools: {
          debounceMs: 0,
          onChanged: (error, tools) => {
            if (!error && tools) resolveChanged(tools);
          },
        },
      },
    },
  );
  open.push(client);
  return { client, changed };
}

/** Enable → list_changed → tools/list → call, as a model's client would go through it. */
async function enableAndCall(client: Client, changed: Promise<Tool[]>) {
  const before = await client.listTools();
  expect(before.tools.map((tool) => tool.name)).toEqual([
    'toolsets_list',
    'toolsets_enable',
    'tools_search',
  ]);
  const enabled = await client.callTool({
    name: 'toolsets_enable',
    arguments: { names: ['library'] },
  });
  expect(enabled.isError).toBeFalsy();
  const names = (await changed).map((tool) => tool.name);
  expect(names).toContain('library_get_stats');
  expect(names).toHaveLength(3 + 7);
  const stats = await client.callTool({
    name: 'library_get_stats',
    arguments: { library: 'Music' },
  });
  expect(stats.isError).toBeFalsy();
  expect(stats.structuredContent).toMatchObject({ title: 'Music', type: 'artist' });
}

/**
 * The client half of stdio framing over in-process streams: the server side is the SDK's own
 * StdioServerTransport, as the CLI uses it, so the notification crosses real stdio framing.
 */
class StreamPairTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private readonly buffer = new ReadBuffer();

  constructor(
    private readonly toServer: PassThrough,
    private readonly fromServer: PassThrough,
  ) {}

  async start(): Promise<void> {
    this.fromServer.on('data', (chunk: Buffer) => {
      this.buffer.append(chunk);
      for (let message = this.buffer.readMessage(); message; message = this.buffer.readMessage()) {
        this.onmessage?.(message);
      }
    });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    this.toServer.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.toServer.end();
    this.onclose?.();
  }
}

describe('--dynamic-toolsets over each transport', () => {
  it('stdio: the notification and the new tools cross stdio framing', async () => {
    const { plex } = emulatedPlex();
    const server = createPlexMcpServer({ plex, tools: DYNAMIC });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    await server.connect(new StdioServerTransport(stdin, stdout));
    open.push(server);
    const { client, changed } = listeningClient();
    await client.connect(new StreamPairTransport(stdin, stdout));
    await enableAndCall(client, changed);
  });

  it('Streamable HTTP: each session keeps its own enabled toolsets', async () => {
    const { plex } = emulatedPlex();
    const http: PlexHttpServer = await startHttpServer({ plex, port: 0, tools: DYNAMIC });
    open.push(http);
    const first = listeningClient();
    await first.client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
    await enableAndCall(first.client, first.changed);
    // Another session starts from the meta-tools again.
    const second = listeningClient();
    await second.client.connect(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
    expect((await second.client.listTools()).tools).toHaveLength(3);
  });

  it('legacy SSE: the notification arrives on the event stream', async () => {
    const { plex } = emulatedPlex();
    const http = await startHttpServer({ plex, port: 0, tools: DYNAMIC });
    open.push(http);
    const { client, changed } = listeningClient();
    await client.connect(new SSEClientTransport(new URL(`${http.url}/sse`)));
    await enableAndCall(client, changed);
  });
});
