import { request as httpRequest } from 'node:http';
import { afterEach, expect } from 'vitest';
import { parseApiKeys } from '../config/config.js';
import { type HttpServerOptions, type PlexHttpServer, startHttpServer } from '../http/server.js';
import { emulatedPlex } from '../testing/emulated-plex.js';

/** A full-scope key, a read-only key and a second full-scope key, as an operator would set them. */
export const ADMIN = 'compat-admin-0123456789-abcdefghijk';
export const READER = 'compat-reader-0123456789-lmnopqrstu';
export const OTHER = 'compat-other-0123456789-vwxyzABCDEF';

/** The `PLEX_MCP_API_KEYS` entries for the three keys above. */
export const KEY_ENTRIES = [ADMIN, `${READER}:read`, OTHER];

const open: PlexHttpServer[] = [];

/** Closes every server a test started (registered once per test file that imports this). */
export function closeServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
}

/**
 * A real HTTP server on a free loopback port over an emulated Plex, keys configured unless the
 * options say otherwise. `plex` may come from the caller (to reach the emulator's faults).
 */
export async function serve(options: Partial<HttpServerOptions> = {}): Promise<PlexHttpServer> {
  const plex = options.plex ?? emulatedPlex().plex;
  const server = await startHttpServer({
    apiKeys: parseApiKeys(KEY_ENTRIES),
    rateLimit: false,
    ...options,
    plex,
    port: 0,
  });
  open.push(server);
  return server;
}

/** What a plain `fetch` got back: status, headers, raw text and the JSON it parses to, if any. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: compatibility tests read the documents' JSON shapes; expect() checks them.
  json: any;
}

/** A plain fetch, read whole. */
export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * A request through node:http, which sends only the headers given (fetch always adds
 * an Accept of any-type): for clients that send no Accept header at all.
 */
export function requestBare(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers ?? {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
              headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The sorted keys of an object, for exact key-set assertions. */
export const keysOf = (value: unknown): string[] =>
  Object.keys(value as Record<string, unknown>).sort();

/** Text that looks like a stack trace or an internal path leaked into an answer. */
export const INTERNAL_DUMP =
  /(^|\s)at\s+\S+\s+\(|(^|\s)at\s|\/(work|home|usr|src)\/|node_modules|\.[cm]?[jt]s:\d+|\n/;

/** A JSON answer in exactly the `{success, result, error}` envelope both REST flavours share. */
export function expectEnvelope(answer: Answer, status: number): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json\b/);
  expect(keysOf(answer.json)).toEqual(['error', 'result', 'success']);
}
