import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from '../options.js';
import { failure } from '../testing/failure.js';
import { MAX_BODY_BYTES } from './policy/body-cap.js';
import { Transport } from './transport.js';

// Real loopback servers: these behaviours live in the socket handling of the direct path.
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function transport(baseUrl: string, token = 'tok-direct') {
  return new Transport(
    resolveOptions({ baseUrl, token, retry: { baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 2000 }),
  );
}

const okSchema = v.object({ MediaContainer: v.object({ size: v.number() }) });
const ok = JSON.stringify({ MediaContainer: { size: 1 } });

describe('the direct node:http path', () => {
  it('sends a write once even when the server drops the connection after reading it', async () => {
    let writes = 0;
    const url = await serve((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(ok);
        return;
      }
      // Acted on, then gone without an answer: resending would do it twice.
      writes++;
      req.socket.destroy();
    });
    const t = transport(url);
    await t.json({ path: '/warm' }, okSchema); // leaves a kept-alive socket behind
    const error = await failure(t.empty({ method: 'POST', path: '/playlists?title=New' }));
    expect(error.code).toBe('UNREACHABLE');
    expect(writes).toBe(1);
  });

  it(`refuses an answer over ${MAX_BODY_BYTES / 2 ** 20} MiB without reading it, and does not retry`, async () => {
    let reads = 0;
    const url = await serve((_req, res) => {
      reads++;
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(MAX_BODY_BYTES + 1),
      });
      res.write('{"MediaContainer":');
    });
    const error = await failure(transport(url).json({ path: '/library/all' }, okSchema));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(
      /^Plex Media Server answered GET \/library\/all with more than 128 MiB; the answer was not read\./,
    );
    expect(error.url).toBe(`${url}/library/all`);
    expect(reads).toBe(1);
  });

  it('trims a token that ends in a newline (read from a file), as fetch did', async () => {
    let seen: string | undefined;
    const url = await serve((req, res) => {
      seen = req.headers['x-plex-token'] as string;
      res.writeHead(200, { 'content-type': 'application/json' }).end(ok);
    });
    await transport(url, 'tok-from-file\n').json({ path: '/' }, okSchema);
    expect(seen).toBe('tok-from-file');
  });

  it('refuses timeouts longer than a timer can hold, rather than firing at once', () => {
    expect(() =>
      resolveOptions({ baseUrl: 'http://127.0.0.1:32400', token: 't', timeoutMs: 3e9 }),
    ).toThrow(/^timeoutMs must be a positive number of milliseconds up to 2147483647/);
  });
});
