import * as v from 'valibot';
import { bool, commaList, id, list, num, opt } from './common.js';

/**
 * plex.tv API v2 (JSON: bare objects and arrays, not MediaContainers; dates as ISO strings) and
 * the one legacy XML answer the client reads (`shared_servers`). Fields holding credentials say
 * so: never log them or show them to a person.
 */

/** A plex.tv subscription (Plex Pass). */
export const subscriptionSchema = v.object({
  active: v.optional(bool, false),
  /** `Active` or `Inactive`. */
  status: opt(v.string()),
  plan: opt(v.string()),
  paymentService: opt(v.string()),
  subscribedAt: opt(v.string()),
  features: list(v.string()),
});

/** The fields of `GET /api/v2/user`, without `authToken` (the caller's own token). */
export const plexTvUserEntries = {
  /** The plex.tv user id (the `userId` of shares and home switching). */
  id: num,
  uuid: v.string(),
  /** Absent for managed users. */
  username: opt(v.string()),
  title: v.string(),
  email: opt(v.string()),
  friendlyName: opt(v.string()),
  thumb: opt(v.string()),
  locale: opt(v.string()),
  country: opt(v.string()),
  /** Epoch seconds. */
  joinedAt: opt(num),
  confirmed: opt(bool),
  emailOnlyAuth: opt(bool),
  hasPassword: opt(bool),
  /** A PIN guards switching to this user. */
  protected: opt(bool),
  /** A managed user with content restrictions. */
  restricted: opt(bool),
  home: opt(bool),
  homeAdmin: opt(bool),
  homeSize: opt(num),
  maxHomeSize: opt(num),
  guest: opt(bool),
  twoFactorEnabled: opt(bool),
  subscription: opt(subscriptionSchema),
  subscriptionDescription: opt(v.string()),
  roles: list(v.string()),
  entitlements: list(v.string()),
};

/** `GET /api/v2/user`: the signed-in plex.tv account. */
export const plexTvUserSchema = v.object(plexTvUserEntries);

/** `POST /api/v2/home/users/{id}/switch`: the user switched to, with their own token. */
export const switchedUserSchema = v.object({
  ...plexTvUserEntries,
  /** SECRET: the switched-to user's plex.tv token. */
  authToken: v.string(),
});

/** One way to reach a resource. */
export const connectionSchema = v.object({
  /** `http` or `https`. */
  protocol: v.string(),
  address: v.string(),
  port: num,
  /** The URL to use (a `plex.direct` name for https). */
  uri: v.string(),
  local: v.optional(bool, false),
  relay: v.optional(bool, false),
  IPv6: v.optional(bool, false),
});

/** One entry of `GET /api/v2/resources`: a server or player the account can reach. */
export const resourceSchema = v.object({
  name: v.string(),
  product: opt(v.string()),
  productVersion: opt(v.string()),
  platform: opt(v.string()),
  platformVersion: opt(v.string()),
  device: opt(v.string()),
  /** For a server: its machine identifier. */
  clientIdentifier: v.string(),
  /** ISO 8601. */
  createdAt: opt(v.string()),
  lastSeenAt: opt(v.string()),
  /** `server`, `client`, `player`, `pubsub-player`, … */
  provides: commaList,
  /** The owner's plex.tv id, for resources shared with the account; absent for owned ones. */
  ownerId: opt(num),
  sourceTitle: opt(v.string()),
  publicAddress: opt(v.string()),
  /**
   * SECRET: the token to use against this server (for a shared server, the account's own token
   * for it). Never log it or hand it to a person.
   */
  accessToken: opt(v.string()),
  owned: v.optional(bool, false),
  home: opt(bool),
  synced: opt(bool),
  relay: opt(bool),
  presence: opt(bool),
  httpsRequired: opt(bool),
  publicAddressMatches: opt(bool),
  dnsRebindingProtection: opt(bool),
  natLoopbackSupported: opt(bool),
  connections: list(connectionSchema),
});

/** `GET /api/v2/resources`. */
export const resourcesSchema = v.array(resourceSchema);

/** A library of a server shared with a friend. */
export const sharedLibrarySchema = v.object({
  id: opt(num),
  /** The section id on the server. */
  key: opt(id),
  title: v.string(),
  type: opt(v.string()),
});

/** A server shared with a friend (`sharedServers` of `/api/v2/friends`). */
export const friendShareSchema = v.object({
  id: opt(num),
  machineIdentifier: opt(v.string()),
  name: opt(v.string()),
  numLibraries: opt(num),
  allLibraries: opt(bool),
  owned: opt(bool),
  pending: opt(bool),
  libraries: list(sharedLibrarySchema),
});

/** One entry of `GET /api/v2/friends`. */
export const friendSchema = v.object({
  /** The friend's plex.tv user id. */
  id: num,
  uuid: opt(v.string()),
  title: v.string(),
  username: opt(v.string()),
  email: opt(v.string()),
  friendlyName: opt(v.string()),
  thumb: opt(v.string()),
  restricted: opt(bool),
  home: opt(bool),
  /** `accepted`; pending invites are not listed here. */
  status: opt(v.string()),
  sharedServers: list(friendShareSchema),
});

/** `GET /api/v2/friends`. */
export const friendsSchema = v.array(friendSchema);

/** One member of the account's Plex Home. */
export const homeUserSchema = v.object({
  /** The member's plex.tv user id (what `switchHomeUser()` takes, as does `uuid`). */
  id: num,
  uuid: v.string(),
  title: v.string(),
  /** Absent for managed users. */
  username: opt(v.string()),
  email: opt(v.string()),
  friendlyName: opt(v.string()),
  thumb: opt(v.string()),
  hasPassword: opt(bool),
  /** A managed user with content restrictions (`restrictionProfile`). */
  restricted: v.optional(bool, false),
  /** `little_kid`, `older_kid`, `teen`. */
  restrictionProfile: opt(v.string()),
  /** The home's administrator (the server owner). */
  admin: v.optional(bool, false),
  guest: v.optional(bool, false),
  /** Switching to this user needs a PIN. */
  protected: v.optional(bool, false),
});

/** `GET /api/v2/home/users`. */
export const homeSchema = v.object({
  id: opt(num),
  name: opt(v.string()),
  users: list(homeUserSchema),
});

/** A sign-in PIN (`POST /api/v2/pins`, `GET /api/v2/pins/{id}`). */
export const pinSchema = v.object({
  id: num,
  /** What the person enters at plex.tv/link (4 characters), or the OAuth code (strong PINs). */
  code: v.string(),
  product: opt(v.string()),
  clientIdentifier: opt(v.string()),
  trusted: opt(bool),
  /** Seconds left. */
  expiresIn: opt(num),
  /** ISO 8601. */
  createdAt: opt(v.string()),
  expiresAt: opt(v.string()),
  /** SECRET: the account's plex.tv token, once the person approved the PIN; absent before. */
  authToken: opt(v.string()),
});

/**
 * One `SharedServer` of the legacy `GET /api/servers/{machineId}/shared_servers` (XML): who the
 * server is shared with and their token for it. Values arrive as XML attribute strings.
 */
export const sharedServerSchema = v.object({
  id: opt(num),
  /** The plex.tv user id of the person the server is shared with. */
  userID: num,
  username: opt(v.string()),
  email: opt(v.string()),
  name: opt(v.string()),
  /** SECRET: that user's token for this server. */
  accessToken: opt(v.string()),
  allLibraries: opt(bool),
  owned: opt(bool),
  /** Epoch seconds. */
  invitedAt: opt(num),
  acceptedAt: opt(num),
});

/** A plex.tv account (the signed-in one, or a home user switched to). */
export type PlexTvUser = v.InferOutput<typeof plexTvUserSchema>;
/** A plex.tv subscription. */
export type Subscription = v.InferOutput<typeof subscriptionSchema>;
/** A home user switched to, with their plex.tv token (`authToken`, secret). */
export type SwitchedUser = v.InferOutput<typeof switchedUserSchema>;
/** A server or player the account can reach, with its connections (`accessToken` is secret). */
export type Resource = v.InferOutput<typeof resourceSchema>;
/** One address of a resource. */
export type Connection = v.InferOutput<typeof connectionSchema>;
/** A plex.tv friend and the servers shared with them. */
export type Friend = v.InferOutput<typeof friendSchema>;
/** A member of the account's Plex Home. */
export type HomeUser = v.InferOutput<typeof homeUserSchema>;
/** A sign-in PIN (`authToken`, once set, is secret). */
export type Pin = v.InferOutput<typeof pinSchema>;
/** A share of a server with one user (`accessToken` is secret). */
export type SharedServer = v.InferOutput<typeof sharedServerSchema>;
