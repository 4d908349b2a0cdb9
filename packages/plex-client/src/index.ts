export type { AccountsApi } from './api/accounts.js';
export type { ButlerApi, ButlerRunResult } from './api/butler.js';
export type {
  CollectionEdit,
  CollectionItemType,
  CollectionMode,
  CollectionOrder,
  CollectionsApi,
  CreateCollectionOptions,
} from './api/collections.js';
export { libraryItemsUri } from './api/content-uri.js';
export type { HistoryApi, HistoryFilter } from './api/history.js';
export type { HomeHubOptions, HubsApi } from './api/hubs.js';
export type { ItemPage } from './api/item-pages.js';
export type {
  FeedOptions,
  FilterValue,
  ItemQuery,
  LibrariesApi,
  LibraryFilters,
  SectionId,
  TagListKind,
} from './api/libraries.js';
export {
  LOG_FILES,
  type LogKind,
  type LogReadOptions,
  type LogsApi,
  type LogTail,
} from './api/logs.js';
export type {
  ArtworkKind,
  ArtworkSource,
  EditableField,
  EditableTag,
  ImageData,
  ImageOptions,
  MetadataApi,
  MetadataEdit,
  RatingKey,
} from './api/metadata.js';
export type {
  NotificationFilters,
  NotificationStreamOptions,
  NotificationSubscribeOptions,
  NotificationsApi,
  TokenUrl,
} from './api/notifications.js';
export type { Page, PageOptions } from './api/paging.js';
export type {
  CreatePlayQueueOptions,
  PlayQueueSource,
  PlayQueuesApi,
  PlayQueueType,
  PlayQueueWindow,
} from './api/play-queues.js';
export type {
  NavigationCommand,
  PlaybackArgs,
  PlaybackCommand,
  PlaybackOptionsArg,
  PlaybackParams,
  PlayerMediaType,
  PlayersApi,
  PlayerTimelines,
  PlayMediaOptions,
} from './api/players.js';
export type {
  CreatePlaylistOptions,
  PlaylistAddResult,
  PlaylistEdit,
  PlaylistFilter,
  PlaylistsApi,
} from './api/playlists.js';
export type { PinWithLink, PlexTvApi, PollPinOptions } from './api/plex-tv.js';
export type {
  HubSearchOptions,
  LibrarySearchOptions,
  LibrarySearchType,
  SearchApi,
} from './api/search.js';
export type { CallOptions, MoveItemOptions, PrefValue, ServerApi } from './api/server.js';
export type { SessionsApi, TerminateOptions } from './api/sessions.js';
export {
  type BandwidthOptions,
  type StatisticsApi,
  type StatisticsOptions,
  type StatisticsReport,
  type StatisticsTimespan,
  TIMESPAN_CODES,
} from './api/statistics.js';
export { createPlexClient, type PlexClient } from './client.js';
export { type AnyPlexError, isPlexError } from './errors/any-plex-error.js';
export { PlexBadRequestError } from './errors/bad-request-error.js';
export { PlexForbiddenError } from './errors/forbidden-error.js';
export { PlexHttpError } from './errors/http-error.js';
export { PlexInvalidResponseError } from './errors/invalid-response-error.js';
export { PlexNotFoundError } from './errors/not-found-error.js';
export { PLEX_ERROR_BRAND, PlexError, type PlexErrorCode } from './errors/plex-error.js';
export { PlexRateLimitedError } from './errors/rate-limited-error.js';
export { PlexTimeoutError } from './errors/timeout-error.js';
export { PlexUnauthorizedError } from './errors/unauthorized-error.js';
export { PlexUnreachableError } from './errors/unreachable-error.js';
export { redactText, redactUrl } from './http/redact.js';
export type { RetryPolicy } from './http/transport.js';
export type { PlexClientOptions, PlexSignInOptions } from './options.js';
export type { Account, Device } from './schemas/accounts.js';
export type { Activity, ButlerTask } from './schemas/butler.js';
export type { Collection } from './schemas/collections.js';
export type { Tag } from './schemas/common.js';
export type { HistoryEntry } from './schemas/history.js';
export type { Hub, HubDirectory } from './schemas/hubs.js';
export type {
  FilterChoice,
  Library,
  LibraryLocation,
  LibrarySetting,
} from './schemas/libraries.js';
export {
  type Artwork,
  type Chapter,
  type FieldLock,
  type Guid,
  type ItemImage,
  type Marker,
  METADATA_TYPES,
  type Media,
  type MetadataItem,
  type MetadataTypeName,
  metadataTypeNumber,
  type Part,
  type Stream,
} from './schemas/metadata.js';
export type {
  ActivityNotification,
  AutoUpdateNotification,
  BackgroundProcessingQueueNotification,
  KnownNotificationType,
  PlaySessionStateNotification,
  PlexNotification,
  ProgressNotification,
  ReachabilityNotification,
  StatusNotification,
  TimelineEntry,
} from './schemas/notifications.js';
export type { PlayQueue, PlayQueueItem } from './schemas/play-queues.js';
export type { Player, Timeline } from './schemas/players.js';
export type { Playlist, PlaylistItem } from './schemas/playlists.js';
export type {
  Connection,
  Friend,
  HomeUser,
  Pin,
  PlexTvUser,
  Resource,
  SharedServer,
  Subscription,
  SwitchedUser,
} from './schemas/plex-tv.js';
export type { SearchResult } from './schemas/search.js';
export type {
  Release,
  ServerIdentity,
  ServerInfo,
  Setting,
  UpdaterStatus,
} from './schemas/server.js';
export type {
  Session,
  SessionInfo,
  SessionPlayer,
  SessionUser,
  TranscodeSession,
} from './schemas/sessions.js';
export type {
  BandwidthStatistic,
  MediaStatistic,
  ResourceStatistic,
} from './schemas/statistics.js';
export { createPlexSignIn, type PlexSignIn } from './sign-in.js';
