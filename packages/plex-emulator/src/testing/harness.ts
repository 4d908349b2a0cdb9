import { createPlexEmulator, type PlexEmulator, type PlexEmulatorOptions } from '../emulator.js';

/** Fixed clock for tests: 2025-11-22T12:00:00Z. */
export const TEST_NOW_MS = Date.UTC(2025, 10, 22, 12, 0, 0);

/** Options for one test request. */
export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters; arrays repeat the key. */
  query?: Record<string, string | number | boolean | (string | number)[]>;
  headers?: Record<string, string>;
  /** Token to send; `null` sends none. Defaults to the owner's token. */
  token?: string | null;
  body?: RequestInit['body'];
  /** Base URL; tests rarely need anything but the default. */
  base?: string;
}

/** A response with its body read once, as text and (when it parses) as JSON. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests index freely into Plex JSON.
  json: any;
}

/** An emulator on a fixed clock with a short activity step, for tests. */
export function testEmulator(options: PlexEmulatorOptions = {}): PlexEmulator {
  return createPlexEmulator({ now: () => TEST_NOW_MS, activityStepMs: 5, ...options });
}

/** Sends one request through the emulator's `fetch`, as a Plex client would (JSON, token header). */
export async function call(
  emulator: PlexEmulator,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(path, options.base ?? 'http://plex.test:32400');
  for (const [name, value] of Object.entries(options.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(name, String(one));
    }
  }
  const headers = new Headers({ Accept: 'application/json', ...options.headers });
  const token = options.token === undefined ? emulator.token : options.token;
  if (token !== null) headers.set('X-Plex-Token', token);
  const response = await emulator.fetch(
    new Request(url, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: options.body }),
    }),
  );
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** `call` for plex.tv endpoints (served under the emulator's plex.tv prefix). */
export function callPlexTv(
  emulator: PlexEmulator,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  return call(emulator, `${emulator.plexTvPath}${path}`, options);
}
