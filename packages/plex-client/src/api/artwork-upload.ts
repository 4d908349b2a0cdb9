import type { Transport } from '../http/transport.js';
import { segment, withSignal } from './helpers.js';
import type { ArtworkSource } from './metadata.js';
import type { CallOptions } from './server.js';

/**
 * Uploads an image to `/library/metadata/{id}/{posters|arts}`: `?url=` for a URL the server
 * fetches, or the raw bytes as the body. Plex stores it, selects it and locks the slot. The
 * same route takes playlists' and collections' posters (their ratingKeys are metadata ids).
 */
export async function uploadImage(
  transport: Transport,
  id: string | number,
  slot: 'posters' | 'arts',
  image: ArtworkSource,
  options: CallOptions,
): Promise<void> {
  const path = `/library/metadata/${segment(id)}/${slot}`;
  if ('url' in image) {
    if (!/^https?:\/\//i.test(image.url)) throw new TypeError(`not an http(s) URL: ${image.url}`);
    await transport.empty({
      method: 'POST',
      path,
      query: { url: image.url },
      ...withSignal(options),
    });
    return;
  }
  if (image.data.byteLength === 0) throw new TypeError('the image is empty');
  await transport.empty({
    method: 'POST',
    path,
    body: image.data,
    headers: { 'Content-Type': image.contentType },
    ...withSignal(options),
  });
}
