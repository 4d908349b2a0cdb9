import type { Transport } from '../http/transport.js';
import { identitySchema } from '../schemas/server.js';
import type { CallOptions } from './server.js';

/**
 * The pieces playlists, collections, play queues and players share: the server's machine
 * identifier (Plex content URIs and `playMedia` name the server by it) and the content URI
 * itself.
 */

const machineIds = new WeakMap<Transport, Promise<string>>();

/**
 * The server's machine identifier, read once per client from `GET /identity` and remembered:
 * every base URL of a client is the same server, so failover does not change it. A failed read
 * is forgotten, so the next call asks again.
 */
export async function machineIdentifierOf(
  transport: Transport,
  options: CallOptions = {},
): Promise<string> {
  let pending = machineIds.get(transport);
  if (!pending) {
    // Not tied to one caller's signal: other callers may be waiting on the same read.
    pending = transport
      .json({ path: '/identity' }, identitySchema)
      .then((body) => body.MediaContainer.machineIdentifier);
    machineIds.set(transport, pending);
    pending.catch(() => machineIds.delete(transport));
  }
  const id = await pending;
  options.signal?.throwIfAborted();
  return id;
}

/** Item ids as Plex takes them in a URI (`1,2,3`); at least one, none empty. */
export function joinRatingKeys(ratingKeys: readonly (string | number)[]): string {
  const keys = ratingKeys.map((key) => String(key).trim());
  if (keys.length === 0) throw new TypeError('at least one ratingKey is required');
  for (const key of keys) {
    if (!/^\d+$/.test(key)) throw new TypeError(`"${key}" is not a ratingKey (a number)`);
  }
  return keys.join(',');
}

/**
 * `server://{machineIdentifier}/com.plexapp.plugins.library/library/metadata/{ids}`: the content
 * URI Plex takes for playlist, collection and play queue contents (python-plexapi ≥ 4, Plex Web).
 */
export function libraryItemsUri(
  machineIdentifier: string,
  ratingKeys: readonly (string | number)[],
): string {
  return `server://${machineIdentifier}/com.plexapp.plugins.library/library/metadata/${joinRatingKeys(ratingKeys)}`;
}

/** The content URI for `ratingKeys`, with the machine identifier given or read from the server. */
export async function contentUri(
  transport: Transport,
  ratingKeys: readonly (string | number)[],
  machineIdentifier: string | undefined,
  options: CallOptions,
): Promise<string> {
  joinRatingKeys(ratingKeys);
  const server = machineIdentifier ?? (await machineIdentifierOf(transport, options));
  return libraryItemsUri(server, ratingKeys);
}
