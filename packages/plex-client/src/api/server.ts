import type { Transport } from '../http/transport.js';
import {
  identitySchema,
  type ServerIdentity,
  type ServerInfo,
  serverInfoSchema,
} from '../schemas/server.js';

/** Per-call options every API method accepts. */
export interface CallOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Server identity and capabilities. */
export function serverApi(transport: Transport) {
  return {
    /** Machine identifier and version (`GET /identity`); a cheap reachability check. */
    async identity(options: CallOptions = {}): Promise<ServerIdentity> {
      const body = await transport.json({ path: '/identity', ...options }, identitySchema);
      return body.MediaContainer;
    },

    /** Name, version, platform, plex.tv sign-in and transcoder capabilities (`GET /`). */
    async info(options: CallOptions = {}): Promise<ServerInfo> {
      const body = await transport.json({ path: '/', ...options }, serverInfoSchema);
      return body.MediaContainer;
    },
  };
}

/** The `server` namespace of a Plex client. */
export type ServerApi = ReturnType<typeof serverApi>;
