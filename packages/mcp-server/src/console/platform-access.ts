// What the console needs from the server beyond /v1: the platform (to open an MCP for a poster)
// and the server's own Plex client (the builtin MCP has no stored URL or token).

import type { PlexClient } from '@plexmcp/plex-client';
import type { ServerPlatform } from '../http/platform.js';

/** Handed to the console by the front door. */
export interface ConsoleServerAccess {
  platform: ServerPlatform | undefined;
  plex: PlexClient;
  /** How long a request to another Plex server may take. */
  plexTimeoutMs?: number;
}
