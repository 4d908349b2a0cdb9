import { plexTvApi } from './api/plex-tv.js';
import { Transport } from './http/transport.js';
import { type PlexSignInOptions, resolveSignInOptions } from './options.js';

/** The PIN sign-in calls, which need no token. */
export interface PlexSignIn {
  /** Starts a PIN: show its `code` and `linkUrl` to the person. */
  createPin: ReturnType<typeof plexTvApi>['createPin'];
  /** The PIN's state now. */
  checkPin: ReturnType<typeof plexTvApi>['checkPin'];
  /** Waits until the person approved the PIN and answers their plex.tv token (SECRET). */
  pollPin: ReturnType<typeof plexTvApi>['pollPin'];
}

/**
 * plex.tv's PIN sign-in for someone who has no token yet: no `X-Plex-Token` is sent. Pass the
 * token `pollPin` answers to `createPlexClient`.
 */
export function createPlexSignIn(options: PlexSignInOptions = {}): PlexSignIn {
  const { createPin, checkPin, pollPin } = plexTvApi(new Transport(resolveSignInOptions(options)));
  return { createPin, checkPin, pollPin };
}
