import { request } from 'node:http';

/** What a raw request got back; `json` is the body parsed, or the first SSE event's data. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read many JSON shapes; expect() checks them.
  json: any;
}

/** The JSON-RPC data of the first `message` event, or the body itself when it is not a stream. */
function dataOf(text: string, contentType: string | null): string {
  if (!contentType?.includes('text/event-stream')) return text;
  return /^data: (.+)$/m.exec(text)?.[1] ?? '';
}

/** One request with exactly the method, headers and body given; nothing added but what fetch must. */
export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  const data = dataOf(text, response.headers.get('content-type'));
  let json: unknown;
  try {
    json = data ? JSON.parse(data) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * POSTs a body of `bytes` bytes in chunks with no Content-Length, so only counting while reading
 * can catch it; stops writing once the server has answered. Resolves the status and body.
 */
export function streamBody(
  url: string,
  headers: Record<string, string>,
  bytes: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text });
      });
    });
    // The server may close the socket once it has answered; that is not a failure here.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(16 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.write('{"pad":"');
    pump();
  });
}

/** An open raw stream: its status, the first event's data, and a way to drop it. */
export interface RawStream {
  status: number;
  /** The data line of the first event (for `/sse`, the endpoint to POST to). */
  firstData: string;
  close(): void;
}

/**
 * Opens a GET event stream and waits for its first event (or a non-200 answer). With
 * `firstEvent: false` it resolves on the headers: `/mcp`'s standalone stream starts silent.
 */
export function openStream(
  url: string,
  headers: Record<string, string> = {},
  { firstEvent = true } = {},
): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      const done = () => {
        resolve({
          status: res.statusCode ?? 0,
          firstData: /^data: ?(.*)$/m.exec(text)?.[1] ?? text,
          close: () => req.destroy(),
        });
      };
      if (res.statusCode !== 200) {
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', done);
        return;
      }
      if (!firstEvent) {
        done();
        return;
      }
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('\n\n')) done();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls `check` every 10 ms, for up to `ms`; answers whether it came true. */
export async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
