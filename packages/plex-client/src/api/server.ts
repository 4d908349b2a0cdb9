import type { Transport } from '../http/transport.js';
import {
  identitySchema,
  type ServerIdentity,
  type ServerInfo,
  type Setting,
  serverInfoSchema,
  settingsContainerSchema,
  type UpdaterStatus,
  updaterStatusSchema,
} from '../schemas/server.js';

/** Per-call options every API method accepts. */
export interface CallOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Options of `playlists.moveItem()` and `collections.moveItem()`. */
export interface MoveItemOptions extends CallOptions {
  /** The entry to place it after; omitted, it goes first. */
  after?: string | number | undefined;
}

/** A value `setPrefs()` sends; booleans go out as 1/0 as Plex expects. */
export type PrefValue = string | number | boolean;

/** The `server` namespace of a Plex client. */
export interface ServerApi {
  /** Machine identifier and version (`GET /identity`); a cheap reachability check. */
  identity(options?: CallOptions): Promise<ServerIdentity>;
  /** Name, version, platform, plex.tv sign-in and transcoder capabilities (`GET /`). */
  info(options?: CallOptions): Promise<ServerInfo>;
  /** Every server preference with its type, default and current value (`GET /:/prefs`). */
  prefs(options?: CallOptions): Promise<Setting[]>;
  /**
   * Sets preferences by id in one request (`PUT /:/prefs?FriendlyName=…&…`). PMS checks every
   * value before applying any: an unknown name or a value of the wrong type is `BAD_REQUEST`
   * and changes nothing. Owner only.
   */
  setPrefs(values: Record<string, PrefValue>, options?: CallOptions): Promise<void>;
  /** Whether an update is available, and when the server last checked (`GET /updater/status`). */
  updaterStatus(options?: CallOptions): Promise<UpdaterStatus>;
  /**
   * Asks plex.tv for updates now (`PUT /updater/check`); with `download` the server also
   * downloads what it finds. Read the outcome with `updaterStatus()`.
   */
  checkForUpdates(
    options?: {
      download?: boolean;
    } & CallOptions,
  ): Promise<void>;
}

/** Server identity and capabilities. */
export function serverApi(transport: Transport): ServerApi {
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

    /** Every server preference with its type, default and current value (`GET /:/prefs`). */
    async prefs(options: CallOptions = {}): Promise<Setting[]> {
      const body = await transport.json({ path: '/:/prefs', ...options }, settingsContainerSchema);
      return body.MediaContainer.Setting;
    },

    /**
     * Sets preferences by id in one request (`PUT /:/prefs?FriendlyName=…&…`). PMS checks every
     * value before applying any: an unknown name or a value of the wrong type is `BAD_REQUEST`
     * and changes nothing. Owner only.
     */
    async setPrefs(values: Record<string, PrefValue>, options: CallOptions = {}): Promise<void> {
      if (Object.keys(values).length === 0)
        throw new TypeError('setPrefs needs at least one value');
      await transport.empty({ method: 'PUT', path: '/:/prefs', query: values, ...options });
    },

    /** Whether an update is available, and when the server last checked (`GET /updater/status`). */
    async updaterStatus(options: CallOptions = {}): Promise<UpdaterStatus> {
      const body = await transport.json(
        { path: '/updater/status', ...options },
        updaterStatusSchema,
      );
      const { size: _size, totalSize: _total, offset: _offset, ...status } = body.MediaContainer;
      return status;
    },

    /**
     * Asks plex.tv for updates now (`PUT /updater/check`); with `download` the server also
     * downloads what it finds. Read the outcome with `updaterStatus()`.
     */
    async checkForUpdates(options: { download?: boolean } & CallOptions = {}): Promise<void> {
      await transport.empty({
        method: 'PUT',
        path: '/updater/check',
        query: { download: options.download ?? false },
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },
  };
}
