import type * as v from 'valibot';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { pathOf, redactUrl } from '../http/redact.js';
import type { RequestSpec, Transport } from '../http/transport.js';
import type { CallOptions } from './server.js';

/** Small pieces the API areas share. */

/** The `signal` part of a request spec, present only when the caller passed one. */
export function withSignal(options: CallOptions): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

/**
 * The element of a single-element container. Plex answers some lookups of something that does
 * not exist with an empty 200 container instead of a 404; that is a `NOT_FOUND` here too.
 */
export function expectOne<T>(
  items: readonly T[],
  transport: Transport,
  path: string,
  what: string,
  method = 'GET',
): T {
  const item = items[0];
  if (item !== undefined) return item;
  const url = redactUrl(transport.url(path));
  throw new PlexNotFoundError(
    `Plex Media Server answered ${method} ${pathOf(url)} with no ${what}.`,
    { method, url, status: 200 },
  );
}

/**
 * Sends a request whose answer holds one `Metadata` entry and returns it (`expectOne`: an empty
 * container is `NOT_FOUND`, naming `what`).
 */
export async function fetchOneMetadata<T>(
  transport: Transport,
  spec: RequestSpec,
  schema: v.GenericSchema<unknown, { MediaContainer: { Metadata: T[] } }>,
  what: string,
): Promise<T> {
  const body = await transport.json(spec, schema);
  return expectOne(body.MediaContainer.Metadata, transport, spec.path, what, spec.method);
}

/**
 * Epoch seconds (what Plex filters on) from a Date or a number of epoch seconds. Numbers too
 * large to be seconds are refused rather than guessed at: they are almost always milliseconds.
 */
export function epochSeconds(time: Date | number): number {
  const seconds = time instanceof Date ? time.getTime() / 1000 : time;
  if (!Number.isFinite(seconds)) throw new TypeError(`not a valid time: ${String(time)}`);
  if (Math.abs(seconds) > 1e11) {
    throw new TypeError(
      `${seconds} looks like milliseconds; pass a Date or epoch seconds (Math.floor(ms / 1000))`,
    );
  }
  return Math.floor(seconds);
}

/** A path segment from an id, escaped so an odd id cannot change the path. */
export function segment(id: string | number): string {
  const text = String(id);
  if (text === '') throw new TypeError('an id is required');
  return encodeURIComponent(text);
}

/** Waits `ms`; rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
