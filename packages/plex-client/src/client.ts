import { type ServerApi, serverApi } from './api/server.js';
import { Transport } from './http/transport.js';
import { type PlexClientOptions, resolveOptions } from './options.js';

/** A typed Plex Media Server + plex.tv client. */
export interface PlexClient {
  /** Server identity and capabilities. */
  readonly server: ServerApi;
  /** The base URL requests currently go to (after any failover). */
  readonly baseUrl: string;
}

/** Creates a client; one HTTP instance serves every call it makes. */
export function createPlexClient(options: PlexClientOptions): PlexClient {
  const transport = new Transport(resolveOptions(options));
  return {
    server: serverApi(transport),
    get baseUrl() {
      return transport.baseUrl;
    },
  };
}
