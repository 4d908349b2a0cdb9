/**
 * The Python Plex MCP server's legacy SSE door (`GET /sse` + `POST /messages/`), as its clients
 * use it: the official SDK's `SSEClientTransport` with the key in the URL only (EventSource
 * cannot send headers in a browser, so that is how such clients authenticate).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { describe, expect, it } from 'vitest';
import { until } from '../hardening/raw-http.js';
import {
  ADMIN,
  type Answer,
  closeServersAfterEach,
  keysOf,
  OTHER,
  request,
  serve,
} from './compat-server.js';

closeServersAfterEach();

/** The first event of an SSE stream, read with plain fetch; the stream stays open until `close`. */
async function firstEvent(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      event: '',
      data: text,
      close() {},
    };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  const block = text.slice(0, text.indexOf('\n\n'));
  return {
    status: response.status,
    headers: response.headers,
    event: /^event: ?(.*)$/m.exec(block)?.[1] ?? '',
    data: /^data: ?(.*)$/m.exec(block)?.[1] ?? '',
    close: () => abort.abort(),
  };
}

const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
const postMessage = (url: string, headers: Record<string, string> = {}): Promise<Answer> =>
  request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: TOOLS_LIST,
  });

describe('legacy SSE: an SDK SSEClientTransport with ?apikey= only', () => {
  it('connects, lists tools and calls one', async () => {
    const server = await serve();
    const client = new Client({ name: 'python-lineage-sse-client', version: '1.0.0' });
    const transport = new SSEClientTransport(new URL(`${server.url}/sse?apikey=${ADMIN}`));
    await client.connect(transport);
    expect(server.sessionCount()).toBe(1);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('library_list');
    const result = await client.callTool({ name: 'library_list', arguments: {} });
    expect(result.isError).toBeFalsy();
    const content = result.content as { type: string; text: string }[];
    expect(content[0]?.type).toBe('text');
    expect(JSON.parse(content[0]?.text ?? '{}')).toHaveProperty('libraries');
    await client.close();
    expect(await until(() => server.sessionCount() === 0)).toBe(true);
  });

  it('connects through /sse/ (trailing slash) too', async () => {
    const server = await serve();
    const client = new Client({ name: 'python-lineage-sse-client', version: '1.0.0' });
    await client.connect(new SSEClientTransport(new URL(`${server.url}/sse/?apikey=${ADMIN}`)));
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(10);
    await client.close();
  });
});

describe('legacy SSE: the endpoint event', () => {
  it('is relative and carries &apikey= so the POSTs authenticate', async () => {
    const { url } = await serve();
    const stream = await firstEvent(`${url}/sse?apikey=${ADMIN}`);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream\b/);
      expect(stream.event).toBe('endpoint');
      expect(stream.data).toMatch(/^messages\/\?sessionId=[^&]+&apikey=/);
      const endpoint = new URL(stream.data, `${url}/sse?apikey=${ADMIN}`);
      expect(endpoint.pathname).toBe('/messages/');
      expect(endpoint.searchParams.get('apikey')).toBe(ADMIN);
      expect(keysOf(Object.fromEntries(endpoint.searchParams))).toEqual(['apikey', 'sessionId']);
      // Behind a path-prefix proxy it still lands under the prefix.
      expect(new URL(stream.data, 'https://proxy.example/plex/sse').pathname).toBe(
        '/plex/messages/',
      );

      // The endpoint as given authenticates on its own.
      expect((await postMessage(endpoint.href)).status).toBe(202);
      // Another valid key cannot post into this session; no key at all is 401.
      const session = endpoint.searchParams.get('sessionId') ?? '';
      const other = await postMessage(endpoint.href, { 'x-api-key': OTHER });
      expect(other.status).toBe(404);
      expect(other.json).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32001 } });
      expect(
        (await postMessage(`${url}/messages/?sessionId=${session}&apikey=${OTHER}`)).status,
      ).toBe(404);
      const none = await postMessage(`${url}/messages/?sessionId=${session}`);
      expect(none.status).toBe(401);
      expect(none.text).not.toContain(ADMIN);
    } finally {
      stream.close();
    }
  });

  it('no key is 401 before any stream opens; a header key gets no apikey in the URL', async () => {
    const { url } = await serve();
    const none = await firstEvent(`${url}/sse`);
    expect(none.status).toBe(401);
    const byHeader = await firstEvent(`${url}/sse`, { 'x-api-key': ADMIN });
    try {
      expect(byHeader.event).toBe('endpoint');
      expect(byHeader.data).toMatch(/^messages\/\?sessionId=[^&]+$/);
    } finally {
      byHeader.close();
    }
  });

  it('under /sse/ names ../messages/?sessionId=', async () => {
    const { url } = await serve();
    const stream = await firstEvent(`${url}/sse/?apikey=${ADMIN}`);
    try {
      expect(stream.event).toBe('endpoint');
      expect(stream.data).toMatch(/^\.\.\/messages\/\?sessionId=[^&]+&apikey=/);
      expect(new URL(stream.data, `${url}/sse/?apikey=${ADMIN}`).pathname).toBe('/messages/');
      expect(new URL(stream.data, 'https://proxy.example/plex/sse/').pathname).toBe(
        '/plex/messages/',
      );
    } finally {
      stream.close();
    }
  });
});
