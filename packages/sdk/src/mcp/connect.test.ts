import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../testing/demo-server.js';
import { closedPort } from '../testing/ports.js';
import type { ToolProgress } from '../types.js';
import { connectPlexMcpClient, type PlexMcpSession } from './connect.js';

const KEY = 'sdk-mcp-k3y-5c21-Rw7Nd3Kf9Gh2Vs6Bz';

let stateful: DemoServer;
let stateless: DemoServer;
let session: PlexMcpSession<import('../generated/tools.js').PlexTools>;
beforeAll(async () => {
  [stateful, stateless] = await Promise.all([
    startDemoServer(['--api-key', KEY]),
    startDemoServer(['--stateless']),
  ]);
  session = await connectPlexMcpClient({ url: `${stateful.url}/mcp`, apiKey: KEY });
}, 60_000);
afterAll(async () => {
  await session?.close();
  await Promise.all([stateful?.close(), stateless?.close()]);
});

describe('connectPlexMcpClient (Streamable HTTP)', () => {
  it('opens a session and calls tools with typed structured output', async () => {
    expect(session.sessionId).toMatch(/^[\w-]{8,}$/);
    const result = await session.call('media_search', { query: 'charade' });
    if (result.error) throw new Error(result.error.message);
    expect(result.data.results[0]).toMatchObject({ id: '1002', title: 'Charade' });
    const details = await session.tools.media_get_details({ media: '1002' });
    expect(details.data?.title).toBe('Charade');
  });

  it('answers tool errors as { error } parsed from the "CODE: message" text', async () => {
    const missing = await session.tools.media_get_details({ media: '999999' });
    expect(missing.error?.code).toBe('NOT_FOUND');
    expect(missing.error?.message).toMatch(/999999/);
    const invalid = await session.call('media_search', { query: 'x', limit: 0 });
    expect(invalid.error?.code).toBe('INVALID_INPUT');
    // The same details as over REST: AMBIGUOUS lists the candidates.
    const ambiguous = await session.tools.media_get_details({ media: 'Sherlock Holmes' });
    expect(ambiguous.error?.code).toBe('AMBIGUOUS');
    expect(ambiguous.error?.details).toMatchObject({
      candidates: [{ title: 'Sherlock Holmes' }, { title: 'Sherlock Holmes' }],
    });
    const unknown = await session.call('no_such_tool' as 'library_list');
    expect(unknown.error?.code).toBe('NOT_FOUND');
    expect(unknown.error?.message).toMatch(/^Unknown tool: no_such_tool\./);
  });

  it('lists tools in the REST shape and answers health with a ping', async () => {
    const tools = await session.listTools();
    const search = tools.data?.find((tool) => tool.name === 'media_search');
    expect(search?.parameters).toMatchObject({ type: 'object', required: ['query'] });
    expect(search?.output_schema).toMatchObject({ type: 'object' });
    expect(await session.health()).toEqual({ data: { status: 'ok' } });
  });

  it('reports progress from a long-running tool and cancels it on abort', async () => {
    const updates: ToolProgress[] = [];
    const controller = new AbortController();
    const result = await session.call(
      'server_get_alerts',
      { timeout_seconds: 30 },
      {
        signal: controller.signal,
        onProgress: (update) => {
          updates.push(update);
          controller.abort();
        },
      },
    );
    expect(updates[0]).toMatchObject({ progress: expect.any(Number) });
    expect(result.error?.code).toBe('CANCELLED');
    // The session survives a cancelled call.
    expect((await session.tools.library_list()).data?.libraries.length).toBeGreaterThan(0);
  }, 30_000);

  it('times a call out per its timeoutMs, and the session lives on', async () => {
    const slow = await session.call(
      'server_get_alerts',
      { timeout_seconds: 5 },
      { timeoutMs: 300 },
    );
    expect(slow.error?.code).toBe('TIMEOUT');
    expect(slow.error?.message).toBe(
      `No answer from the plexmcp server at ${stateful.url}/mcp within 300 ms. It may be busy or Plex may be slow; try again or raise timeoutMs.`,
    );
    expect((await session.health()).data).toEqual({ status: 'ok' });
  }, 30_000);

  it('works against a stateless server, where there is no session id', async () => {
    const plain = await connectPlexMcpClient({ url: `${stateless.url}/mcp` });
    expect(plain.sessionId).toBeUndefined();
    expect((await plain.tools.library_list()).data?.libraries.length).toBeGreaterThan(0);
    await plain.close();
  });

  it('answers SESSION_EXPIRED once the server has forgotten the session', async () => {
    const doomed = await connectPlexMcpClient({ url: `${stateful.url}/mcp`, apiKey: KEY });
    // Ended from outside, as an idle timeout or a server restart would.
    const ended = await fetch(`${stateful.url}/mcp`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${KEY}`, 'mcp-session-id': doomed.sessionId ?? '' },
    });
    expect(ended.status).toBe(200);
    const after = await doomed.tools.library_list();
    expect(after.error?.code).toBe('SESSION_EXPIRED');
    expect(after.error?.message).toMatch(/connect again with connectPlexMcpClient/);
    await doomed.close();
  });

  it('ends the session on close, after which calls fail cleanly', async () => {
    const short = await connectPlexMcpClient({ url: `${stateful.url}/mcp`, apiKey: KEY });
    await short.close();
    const after = await short.tools.library_list();
    expect(after.error?.code).toBeDefined();
  });

  it('rejects a connection without a valid key, naming the cause but not the key', async () => {
    const attempt = connectPlexMcpClient({ url: `${stateful.url}/mcp`, apiKey: 'wrong-k3y' });
    await expect(attempt).rejects.toThrow(
      `Could not open an MCP session with ${stateful.url}/mcp: the API key is missing or not valid (HTTP 401).`,
    );
    await expect(attempt).rejects.not.toThrow('wrong-k3y');
  });

  it('rejects when nothing listens, and throws for a URL carrying a key', async () => {
    const port = await closedPort();
    await expect(connectPlexMcpClient({ url: `http://127.0.0.1:${port}/mcp` })).rejects.toThrow(
      /ECONNREFUSED\. Is the server running with --transport http\?/,
    );
    await expect(connectPlexMcpClient({ url: 'http://h/mcp?apikey=x' })).rejects.toThrow(
      'url must not carry credentials or a query; pass the key as apiKey.',
    );
  });
});
