// What the console needs from the server beyond /v1: the platform (to open an MCP for a poster),
// Plex clients (the server's own for the builtin MCP, which has no stored URL or token, and a
// way to make one for the others) and plex.tv's PIN sign-in (to add a Plex server). They are handed over by the front door, so the console's
// lazily loaded code imports no module the server's start-up code also uses.

import type { createPlexClient, createPlexSignIn, PlexClient } from '@plexmcp/plex-client';
import type { ServerPlatform } from '../http/platform.js';

/** Handed to the console by the front door. */
export interface ConsoleServerAccess {
  platform: ServerPlatform | undefined;
  plex: PlexClient;
  /** Makes a client for another Plex server. */
  createPlex: typeof createPlexClient;
  /** How long a request to another Plex server may take. */
  plexTimeoutMs?: number;
  /** Starts plex.tv PIN sign-ins. */
  createSignIn: typeof createPlexSignIn;
  /** Where plex.tv is (the emulator's in tests and --demo); undefined for https://plex.tv. */
  plexTvUrl?: string | undefined;
}
