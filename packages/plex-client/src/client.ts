import { type AccountsApi, accountsApi } from './api/accounts.js';
import { type ButlerApi, butlerApi } from './api/butler.js';
import { type CollectionsApi, collectionsApi } from './api/collections.js';
import { type HistoryApi, historyApi } from './api/history.js';
import { type HubsApi, hubsApi } from './api/hubs.js';
import { type LibrariesApi, librariesApi } from './api/libraries.js';
import { type LogsApi, logsApi } from './api/logs.js';
import { type MetadataApi, metadataApi } from './api/metadata.js';
import { type NotificationsApi, notificationsApi } from './api/notifications.js';
import { type PlayQueuesApi, playQueuesApi } from './api/play-queues.js';
import { type PlayersApi, playersApi } from './api/players.js';
import { type PlaylistsApi, playlistsApi } from './api/playlists.js';
import { type PlexTvApi, plexTvApi } from './api/plex-tv.js';
import { type SearchApi, searchApi } from './api/search.js';
import { type ServerApi, serverApi } from './api/server.js';
import { type SessionsApi, sessionsApi } from './api/sessions.js';
import { type StatisticsApi, statisticsApi } from './api/statistics.js';
import { Transport, type TransportOptions } from './http/transport.js';
import { type PlexClientOptions, resolveOptions } from './options.js';

/** A typed Plex Media Server + plex.tv client. */
export interface PlexClient {
  /** Server identity and capabilities. */
  readonly server: ServerApi;
  /** Library sections: browse, filter, count, tag lists, scans, maintenance. */
  readonly libraries: LibrariesApi;
  /** Library items: details, children, edits, watched state, ratings, artwork, images. */
  readonly metadata: MetadataApi;
  /** Library search, grouped by type or ranked. */
  readonly search: SearchApi;
  /** Home, Continue Watching and section hubs. */
  readonly hubs: HubsApi;
  /** Playlists of the signed-in account: contents, edits, posters. */
  readonly playlists: PlaylistsApi;
  /** Collections of library items: members, order, mode, edits. */
  readonly collections: CollectionsApi;
  /** Play queues, what players play from. */
  readonly playQueues: PlayQueuesApi;
  /** What is playing now, and stopping it. */
  readonly sessions: SessionsApi;
  /** Finished plays, filtered and paged. */
  readonly history: HistoryApi;
  /** The server's accounts and devices (the ids of history and statistics). */
  readonly accounts: AccountsApi;
  /** The dashboard's bandwidth, play and resource statistics. */
  readonly statistics: StatisticsApi;
  /** Scheduled maintenance tasks and running activities. */
  readonly butler: ButlerApi;
  /** The server's log files. */
  readonly logs: LogsApi;
  /** Server notifications as a typed event stream. */
  readonly notifications: NotificationsApi;
  /** Remote control of players through the server. */
  readonly players: PlayersApi;
  /** plex.tv: account, servers, friends, home users, PIN sign-in, shared tokens. */
  readonly plexTv: PlexTvApi;
  /** The base URL requests currently go to (after any failover). */
  readonly baseUrl: string;
  /**
   * A client with the same settings acting as another account: pass that account's server
   * token (e.g. from `plexTv.sharedServerToken`) to read its On Deck or write its playlists.
   */
  withToken(token: string): PlexClient;
}

/** Creates a client; one HTTP instance serves every call it makes. */
export function createPlexClient(options: PlexClientOptions): PlexClient {
  return clientOn(options, resolveOptions(options));
}

/**
 * A client on resolved settings. Clients derived from it share its concurrency cap: they talk
 * to the same server, whose load the cap is there to bound.
 */
function clientOn(options: PlexClientOptions, resolved: TransportOptions): PlexClient {
  const transport = new Transport(resolved);
  return {
    server: serverApi(transport),
    libraries: librariesApi(transport),
    metadata: metadataApi(transport),
    search: searchApi(transport),
    hubs: hubsApi(transport),
    playlists: playlistsApi(transport),
    collections: collectionsApi(transport),
    playQueues: playQueuesApi(transport),
    sessions: sessionsApi(transport),
    history: historyApi(transport),
    accounts: accountsApi(transport),
    statistics: statisticsApi(transport),
    butler: butlerApi(transport),
    logs: logsApi(transport),
    notifications: notificationsApi(transport),
    players: playersApi(transport),
    plexTv: plexTvApi(transport),
    withToken: (token) => {
      const derived = { ...options, token };
      return clientOn(derived, { ...resolveOptions(derived), limit: resolved.limit });
    },
    get baseUrl() {
      return transport.baseUrl;
    },
  };
}
