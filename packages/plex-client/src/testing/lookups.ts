import type { PlexEmulator } from '@plexmcp/plex-emulator';
import { createPlexClient, type PlexClient } from '../client.js';
import { engineOptions } from './engine.js';

/** Lookups tests share: demo records by title, other accounts' clients, the last request sent. */

/** A demo item's record by title (ratingKeys are looked up, never hard-coded). */
export function itemByTitle(emulator: PlexEmulator, title: string) {
  const item = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!item) throw new Error(`no ${title} in the demo library`);
  return item;
}

/** A client signed in as another account of the emulator, under this run's engine (no retries, requests not recorded). */
export function clientAs(emulator: PlexEmulator, accountId: number): PlexClient {
  const token = emulator.state.accounts.get(accountId)?.serverToken;
  if (!token) throw new Error(`no account ${accountId}`);
  return createPlexClient({ ...engineOptions(emulator, undefined), token, retry: false });
}

/** The last request sent; fails the test when none was. */
export function lastRequest(sent: Request[]): Request {
  const request = sent.at(-1);
  if (!request) throw new Error('no request was sent');
  return request;
}

/** The URL of the last request sent. */
export function lastUrl(sent: Request[]): URL {
  return new URL(lastRequest(sent).url);
}

/** The method and URL of the last request sent. */
export function lastCall(sent: Request[]): { method: string; url: URL } {
  const request = lastRequest(sent);
  return { method: request.method, url: new URL(request.url) };
}
