import * as v from 'valibot';
import { redactUrl } from '../http/redact.js';
import { parseWith, type Transport } from '../http/transport.js';
import {
  type Friend,
  friendsSchema,
  type HomeUser,
  homeSchema,
  type Pin,
  type PlexTvUser,
  pinSchema,
  plexTvUserSchema,
  type Resource,
  resourcesSchema,
  type SharedServer,
  type SwitchedUser,
  sharedServerSchema,
  switchedUserSchema,
} from '../schemas/plex-tv.js';
import { segment, sleep, withSignal } from './helpers.js';
import type { CallOptions } from './server.js';
import { readXmlElements } from './xml-attributes.js';

/** A PIN with the page a person opens to approve it. */
export type PinWithLink = Pin & {
  /**
   * Where the person approves the PIN: `https://plex.tv/link` (enter `code` there) for a
   * 4-character PIN, the Plex sign-in page with the code filled in for a strong one.
   */
  linkUrl: string;
};

/** Options of `plexTv.pollPin()`. */
export interface PollPinOptions extends CallOptions {
  /** Time between checks. Default 1000 ms (what plex.tv expects). */
  intervalMs?: number;
}

const PLEX_APP_AUTH = 'https://app.plex.tv/auth#?';

/** The `plexTv` namespace of a Plex client. */
export interface PlexTvApi {
  /** The signed-in account (`GET /api/v2/user`); also how to check that a token is valid. */
  user(options?: CallOptions): Promise<PlexTvUser>;
  /**
   * The servers and players the account can reach, with every connection
   * (`GET /api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1`). Each server carries
   * `accessToken` (SECRET), the token to use against it.
   */
  resources(options?: CallOptions): Promise<Resource[]>;
  /** The account's plex.tv friends and what is shared with them (`GET /api/v2/friends`). */
  friends(options?: CallOptions): Promise<Friend[]>;
  /**
   * The members of the account's Plex Home, admin included (`GET /api/v2/home/users`).
   * `NOT_FOUND` when the account is in no home.
   */
  homeUsers(options?: CallOptions): Promise<HomeUser[]>;
  /**
   * Switches to another member of the Plex Home (`POST /api/v2/home/users/{id}/switch`), by
   * plex.tv id or uuid; `pin` when that user is protected. Answers the member with their own
   * plex.tv token in `authToken` (SECRET); exchange it for a server token via `resources()`.
   */
  switchHomeUser(
    user: string | number,
    options?: {
      pin?: string;
    } & CallOptions,
  ): Promise<SwitchedUser>;
  /**
   * Starts a PIN sign-in (`POST /api/v2/pins`): show `code` and `linkUrl` to the person, then
   * `pollPin()` until they approved it. A `strong` PIN is for the OAuth page (a long code,
   * valid 30 minutes); a plain one is 4 characters for plex.tv/link, valid 15 minutes. Needs
   * no token; plex.tv ties the PIN to this client's identifier.
   */
  createPin(
    options?: {
      strong?: boolean;
      forwardUrl?: string;
    } & CallOptions,
  ): Promise<PinWithLink>;
  /**
   * The PIN's state now (`GET /api/v2/pins/{id}`): `authToken` (SECRET) is set once the person
   * approved it. `NOT_FOUND` once it expired.
   */
  checkPin(id: number | string, options?: CallOptions): Promise<Pin>;
  /**
   * Checks the PIN every `intervalMs` until the person approved it, and answers the account's
   * plex.tv token (SECRET). Ends with `NOT_FOUND` when the PIN expires first, and with the
   * signal's reason when aborted.
   */
  pollPin(id: number | string, options?: PollPinOptions): Promise<string>;
  /**
   * Who the server is shared with and their token for it, from the legacy
   * `GET /api/servers/{machineIdentifier}/shared_servers`. plex.tv answers it only in XML, so
   * its attributes are read directly. Owner only. Every `accessToken` is SECRET.
   */
  sharedServers(machineIdentifier: string, options?: CallOptions): Promise<SharedServer[]>;
  /**
   * Another user's token for this server (SECRET), to act as them (e.g. create a playlist in
   * their account): the `accessToken` of their share. `userId` is their plex.tv id (a
   * friend's or home user's `id`). Undefined when the server is not shared with them.
   */
  sharedServerToken(
    machineIdentifier: string,
    userId: number | string,
    options?: CallOptions,
  ): Promise<string | undefined>;
}

/**
 * plex.tv: the signed-in account, the servers it can reach, friends, the Plex Home, PIN sign-in
 * and other users' server tokens. Uses the client's token as a plex.tv token and
 * `plexTvUrl` as the base (`https://plex.tv` by default).
 */
export function plexTvApi(transport: Transport): PlexTvApi {
  const api = {
    /** The signed-in account (`GET /api/v2/user`); also how to check that a token is valid. */
    async user(options: CallOptions = {}): Promise<PlexTvUser> {
      return transport.json(
        { path: '/api/v2/user', site: 'plexTv', ...withSignal(options) },
        plexTvUserSchema,
      );
    },

    /**
     * The servers and players the account can reach, with every connection
     * (`GET /api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1`). Each server carries
     * `accessToken` (SECRET), the token to use against it.
     */
    async resources(options: CallOptions = {}): Promise<Resource[]> {
      return transport.json(
        {
          path: '/api/v2/resources',
          site: 'plexTv',
          query: { includeHttps: 1, includeRelay: 1, includeIPv6: 1 },
          ...withSignal(options),
        },
        resourcesSchema,
      );
    },

    /** The account's plex.tv friends and what is shared with them (`GET /api/v2/friends`). */
    async friends(options: CallOptions = {}): Promise<Friend[]> {
      return transport.json(
        { path: '/api/v2/friends', site: 'plexTv', ...withSignal(options) },
        friendsSchema,
      );
    },

    /**
     * The members of the account's Plex Home, admin included (`GET /api/v2/home/users`).
     * `NOT_FOUND` when the account is in no home.
     */
    async homeUsers(options: CallOptions = {}): Promise<HomeUser[]> {
      const home = await transport.json(
        { path: '/api/v2/home/users', site: 'plexTv', ...withSignal(options) },
        homeSchema,
      );
      return home.users;
    },

    /**
     * Switches to another member of the Plex Home (`POST /api/v2/home/users/{id}/switch`), by
     * plex.tv id or uuid; `pin` when that user is protected. Answers the member with their own
     * plex.tv token in `authToken` (SECRET); exchange it for a server token via `resources()`.
     */
    async switchHomeUser(
      user: string | number,
      options: { pin?: string } & CallOptions = {},
    ): Promise<SwitchedUser> {
      return transport.json(
        {
          method: 'POST',
          path: `/api/v2/home/users/${segment(user)}/switch`,
          site: 'plexTv',
          query: { pin: options.pin },
          ...withSignal(options),
        },
        switchedUserSchema,
      );
    },

    /**
     * Starts a PIN sign-in (`POST /api/v2/pins`): show `code` and `linkUrl` to the person, then
     * `pollPin()` until they approved it. A `strong` PIN is for the OAuth page (a long code,
     * valid 30 minutes); a plain one is 4 characters for plex.tv/link, valid 15 minutes. Needs
     * no token; plex.tv ties the PIN to this client's identifier.
     */
    async createPin(
      options: { strong?: boolean; forwardUrl?: string } & CallOptions = {},
    ): Promise<PinWithLink> {
      const pin = await transport.json(
        {
          method: 'POST',
          path: '/api/v2/pins',
          site: 'plexTv',
          query: { strong: options.strong ? 'true' : undefined },
          ...withSignal(options),
        },
        pinSchema,
      );
      return { ...pin, linkUrl: linkUrl(pin, options) };
    },

    /**
     * The PIN's state now (`GET /api/v2/pins/{id}`): `authToken` (SECRET) is set once the person
     * approved it. `NOT_FOUND` once it expired.
     */
    async checkPin(id: number | string, options: CallOptions = {}): Promise<Pin> {
      return transport.json(
        { path: `/api/v2/pins/${segment(id)}`, site: 'plexTv', ...withSignal(options) },
        pinSchema,
      );
    },

    /**
     * Checks the PIN every `intervalMs` until the person approved it, and answers the account's
     * plex.tv token (SECRET). Ends with `NOT_FOUND` when the PIN expires first, and with the
     * signal's reason when aborted.
     */
    async pollPin(id: number | string, options: PollPinOptions = {}): Promise<string> {
      const interval = options.intervalMs ?? 1000;
      for (;;) {
        const pin = await api.checkPin(id, options);
        if (pin.authToken) return pin.authToken;
        await sleep(interval, options.signal);
      }
    },

    /**
     * Who the server is shared with and their token for it, from the legacy
     * `GET /api/servers/{machineIdentifier}/shared_servers`. plex.tv answers it only in XML, so
     * its attributes are read directly. Owner only. Every `accessToken` is SECRET.
     */
    async sharedServers(
      machineIdentifier: string,
      options: CallOptions = {},
    ): Promise<SharedServer[]> {
      const path = `/api/servers/${segment(machineIdentifier)}/shared_servers`;
      const response = await transport.raw({
        path,
        site: 'plexTv',
        headers: { Accept: 'application/xml' },
        ...withSignal(options),
      });
      const xml = await response.text();
      const target = {
        method: 'GET',
        url: redactUrl(response.url || transport.url(path, undefined, 'plexTv')),
        site: 'plex.tv',
        timeoutMs: 0,
        secrets: [],
        status: response.status,
      };
      return parseWith(v.array(sharedServerSchema), readXmlElements(xml, 'SharedServer'), target);
    },

    /**
     * Another user's token for this server (SECRET), to act as them (e.g. create a playlist in
     * their account): the `accessToken` of their share. `userId` is their plex.tv id (a
     * friend's or home user's `id`). Undefined when the server is not shared with them.
     */
    async sharedServerToken(
      machineIdentifier: string,
      userId: number | string,
      options: CallOptions = {},
    ): Promise<string | undefined> {
      const shares = await api.sharedServers(machineIdentifier, options);
      return shares.find((share) => String(share.userID) === String(userId))?.accessToken;
    },
  };
  return api;
}

function linkUrl(pin: Pin, options: { strong?: boolean; forwardUrl?: string }): string {
  if (!options.strong) return 'https://plex.tv/link';
  const params = new URLSearchParams({ clientID: pin.clientIdentifier ?? '', code: pin.code });
  if (pin.product) params.set('context[device][product]', pin.product);
  if (options.forwardUrl) params.set('forwardUrl', options.forwardUrl);
  return `${PLEX_APP_AUTH}${params.toString()}`;
}
