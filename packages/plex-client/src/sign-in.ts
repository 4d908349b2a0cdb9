import { type PlexTvApi, plexTvApi } from './api/plex-tv.js';
import { Transport } from './http/transport.js';
import { type PlexSignInOptions, resolveSignInOptions } from './options.js';

/**
 * The PIN sign-in calls, which need no token: `createPin` (show its `code` and `linkUrl` to the
 * person), `checkPin` (the PIN's state now) and `pollPin` (waits until the person approved it and
 * answers their plex.tv token, a SECRET).
 */
export interface PlexSignIn extends Pick<PlexTvApi, 'createPin' | 'checkPin' | 'pollPin'> {}

/**
 * plex.tv's PIN sign-in for someone who has no token yet: no `X-Plex-Token` is sent. Pass the
 * token `pollPin` answers to `createPlexClient`.
 */
export function createPlexSignIn(options: PlexSignInOptions = {}): PlexSignIn {
  const { createPin, checkPin, pollPin } = plexTvApi(new Transport(resolveSignInOptions(options)));
  return { createPin, checkPin, pollPin };
}
