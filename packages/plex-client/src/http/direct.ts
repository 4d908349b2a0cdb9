// Read at call time: interceptors (msw in tests) patch the module objects.
import http, { type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import {
  BodyTooLargeError,
  declaredTooLarge,
  decodeBody,
  MAX_BODY_BYTES,
} from './policy/body-cap.js';

/** A bodiless request for `sendDirect`. */
export interface DirectRequest {
  method: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** An answer read to its end. */
export interface DirectResponse {
  status: number;
  url: string;
  headers: IncomingHttpHeaders;
  /** The body decoded as UTF-8 (a leading byte-order mark dropped, as `Response.text()` does). */
  body: string;
}

/** A non-2xx answer. Holds only the status, headers and body: nothing the caller sent. */
export class DirectHttpError extends Error {
  readonly response: DirectResponse;
  constructor(response: DirectResponse) {
    super(`Request failed with status code ${response.status}`);
    this.name = 'HTTPError';
    this.response = response;
  }
}

/** Methods safe to send twice: only these are resent after a stale keep-alive socket. */
const IDEMPOTENT = new Set(['GET', 'HEAD']);

/** No complete answer within the timeout. */
export class DirectTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Request timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** One header of a direct answer, with repeated values joined as `Headers.get` joins them. */
export function directHeader(response: DirectResponse, name: string): string | null {
  const value = response.headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Sends one bodiless request with node:http(s) on Node's keep-alive agent and buffers the answer.
 * On Node 20 this costs about half the CPU of `fetch` for Plex's small JSON answers: no WHATWG
 * Request, Headers, AbortSignal or stream objects per request. The timeout covers the whole
 * answer, body included, and the body is capped (`policy/body-cap.ts`). Rejects with the signal's reason on abort, `DirectTimeoutError` on
 * timeout and the socket's error (with its `code`) when the network fails.
 */
export async function sendDirect(url: string, init: DirectRequest): Promise<DirectResponse> {
  // A write goes out on a fresh connection: on a reused socket, a server that acted and then
  // closed without answering looks the same as one that had closed while idle, and a write must
  // never be sent twice.
  if (!IDEMPOTENT.has(init.method)) return sendOnce(url, init, false);
  try {
    return await sendOnce(url, init, true);
  } catch (error) {
    // A kept-alive socket the server closed while idle fails before an answer: read once more.
    if (!(error instanceof StaleSocketError)) throw error;
    return sendOnce(url, init, true);
  }
}

/** The request went out on a reused keep-alive socket that was already closed. */
class StaleSocketError extends Error {}

function sendOnce(url: string, init: DirectRequest, keepAlive: boolean): Promise<DirectResponse> {
  const { signal } = init;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    // node:https (and its TLS stack) loads only for a server that needs it.
    const send = url.startsWith('https:')
      ? process.getBuiltinModule('node:https').request
      : http.request;
    let request: ClientRequest;
    try {
      const options = {
        method: init.method,
        headers: init.headers,
        ...(keepAlive ? {} : { agent: false as const }),
      };
      request = send(url, options, (response) => {
        if (declaredTooLarge(response.headers['content-length'])) {
          settle(() => reject(new BodyTooLargeError()));
          request.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_BODY_BYTES) {
            settle(() => reject(new BodyTooLargeError()));
            request.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (error) => settle(() => reject(error)));
        response.on('close', () => {
          if (!response.complete) {
            settle(() =>
              reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
            );
          }
        });
        response.on('end', () => {
          settle(() => {
            // Inside a socket callback a throw would escape every caller: reject instead.
            let body: string;
            try {
              body = decodeBody(Buffer.concat(chunks));
            } catch (error) {
              reject(error);
              return;
            }
            resolve({ status: response.statusCode ?? 0, url, headers: response.headers, body });
          });
        });
      });
    } catch (error) {
      // Invalid header values and unsupported URLs throw synchronously.
      reject(error);
      return;
    }
    const timer = setTimeout(() => {
      settle(() => reject(new DirectTimeoutError(init.timeoutMs)));
      request.destroy();
    }, init.timeoutMs);
    const onAbort = () => {
      settle(() => reject(signal?.reason));
      request.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let answered = false;
    request.on('response', () => {
      answered = true;
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const stale = request.reusedSocket && !answered && error.code === 'ECONNRESET';
      settle(() => reject(stale ? new StaleSocketError(error.message, { cause: error }) : error));
    });
    request.end();
  });
}
