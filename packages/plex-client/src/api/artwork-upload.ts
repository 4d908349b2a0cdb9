import type { Transport } from '../http/transport.js';
import { segment, withSignal } from './helpers.js';
import type { ArtworkSource } from './metadata.js';
import type { CallOptions } from './server.js';

/** Posts an image to `path`: `?url=` for a URL the server fetches, or the raw bytes as the body. */
export async function postImage(
  transport: Transport,
  path: string,
  image: ArtworkSource,
  options: CallOptions,
): Promise<void> {
  if ('url' in image) {
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
  if ('url' in image && !/^https?:\/\//i.test(image.url)) {
    throw new TypeError(`not an http(s) URL: ${image.url}`);
  }
  await postImage(transport, path, image, options);
}

/** Custom artwork for an area whose ids are metadata ratingKeys (playlists, collections). */
export interface ArtworkUploadsApi {
  /** Sets a custom poster from a URL or image bytes (`POST /library/metadata/{id}/posters`). */
  uploadPoster(id: string | number, image: ArtworkSource, options?: CallOptions): Promise<void>;
  /** Sets a custom background from a URL or image bytes (`POST /library/metadata/{id}/arts`). */
  uploadArt(id: string | number, image: ArtworkSource, options?: CallOptions): Promise<void>;
}

/** The `uploadPoster` and `uploadArt` methods of an area whose ids are metadata ratingKeys. */
export function artworkUploads(transport: Transport): ArtworkUploadsApi {
  return {
    /** Sets a custom poster from a URL or image bytes (`POST /library/metadata/{id}/posters`). */
    async uploadPoster(
      id: string | number,
      image: ArtworkSource,
      options: CallOptions = {},
    ): Promise<void> {
      await uploadImage(transport, id, 'posters', image, options);
    },

    /** Sets a custom background from a URL or image bytes (`POST /library/metadata/{id}/arts`). */
    async uploadArt(
      id: string | number,
      image: ArtworkSource,
      options: CallOptions = {},
    ): Promise<void> {
      await uploadImage(transport, id, 'arts', image, options);
    },
  };
}
