import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatedPlex } from '../testing/emulated-plex.js';
import { type PlexHttpServer, startHttpServer } from './server.js';

const open: PlexHttpServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function serve() {
  const server = await startHttpServer({ plex: emulatedPlex().plex, port: 0, rateLimit: false });
  open.push(server);
  return server;
}

/** Opens `GET /sse`, reads up to the endpoint event, then stops reading the stream. */
function openUnreadStream(url: string): Promise<{ endpoint: string; destroy(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/sse`, (res) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString();
        const match = /event: endpoint\ndata: (\S+)/.exec(text);
        if (match?.[1]) {
          res.off('data', onData);
          res.pause();
          resolve({ endpoint: new URL(match[1], `${url}/sse`).href, destroy: () => req.destroy() });
        }
      };
      res.on('data', onData);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('legacy SSE door', () => {
  it('ends a session whose client posts on but never reads its stream (memory stays bounded)', async () => {
    const server = await serve();
    const stream = await openUnreadStream(server.url);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    let status = 0;
    // Each tools/list answer is ~80 KB: a few hundred fill the 8 MiB backlog and the sockets.
    for (let i = 0; i < 600 && status !== 404; i++) {
      const answer = await fetch(stream.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      status = answer.status;
      await answer.text();
    }
    expect(status).toBe(404);
    expect(server.sessionCount()).toBe(0);
    stream.destroy();
  }, 60_000);

  it('answers HEAD /sse without opening a session', async () => {
    const server = await serve();
    const head = await fetch(`${server.url}/sse`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/event-stream');
    expect(server.sessionCount()).toBe(0);
  });
});
