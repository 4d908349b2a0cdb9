import type { RequestContext } from '../../http/context.js';
import { container, listContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { EmulatorState } from '../../state/store.js';

/** Top-level keys a real PMS lists under `/`, with the `count` it reports for each. */
const ROOT_DIRECTORIES: readonly [key: string, count: number][] = [
  ['activities', 1],
  ['butler', 1],
  ['channels', 1],
  ['clients', 1],
  ['devices', 1],
  ['diagnostics', 1],
  ['hubs', 1],
  ['library', 3],
  ['livetv', 2],
  ['media', 3],
  ['metadata', 1],
  ['music', 1],
  ['neighborhood', 1],
  ['playQueues', 1],
  ['player', 1],
  ['playlists', 1],
  ['resources', 1],
  ['search', 1],
  ['server', 1],
  ['servers', 1],
  ['statistics', 1],
  ['system', 1],
  ['transcode', 1],
  ['updater', 1],
  ['user', 1],
];

const OWNER_FEATURES = [
  'adaptive_bitrate',
  'camera_upload',
  'collections',
  'content_filter',
  'download_certificates',
  'dvr',
  'federated-auth',
  'hardware_transcoding',
  'home',
  'hwtranscode',
  'item_clusters',
  'livetv',
  'loudness',
  'lyrics',
  'music-analysis',
  'music_videos',
  'pass',
  'premium_music_metadata',
  'session_bandwidth_restrictions',
  'session_kick',
  'sync',
  'trailers',
  'type-first',
  'webhooks',
].join(',');

/** When the installed build was put in place (PMS reports it as `updatedAt`): 2025-11-01. */
const INSTALLED_AT = 1761955200;

/** A server preference's current value, read as a boolean (prefs hold `true`, `1` or `"1"`). */
export function boolPref(state: EmulatorState, id: string): boolean {
  const value = state.prefs.find((setting) => setting.id === id)?.value;
  return value === true || value === 1 || value === '1' || value === 'true';
}

/** Transcodes that convert video right now: PMS counts these, not direct plays or audio. */
export function activeVideoTranscodes(state: EmulatorState): number {
  let count = 0;
  for (const session of state.sessions.values()) {
    if (session.transcode?.videoDecision === 'transcode') count++;
  }
  return count;
}

function serverCapabilities(ctx: RequestContext): Response {
  const { state } = ctx;
  const server = state.server;
  return listContainer(
    ctx.page,
    {
      size: ROOT_DIRECTORIES.length,
      allowCameraUpload: true,
      allowChannelAccess: true,
      allowMediaDeletion: boolPref(state, 'allowMediaDeletion'),
      allowSharing: true,
      allowSync: true,
      allowTuners: true,
      backgroundProcessing: true,
      certificate: true,
      companionProxy: true,
      countryCode: 'usa',
      diagnostics: 'logs,databases,streaminglogs',
      eventStream: true,
      friendlyName: server.friendlyName,
      hubSearch: true,
      itemClusters: true,
      livetv: 7,
      machineIdentifier: server.machineIdentifier,
      mediaProviders: true,
      multiuser: true,
      musicAnalysis: 2,
      myPlex: true,
      myPlexMappingState: 'mapped',
      myPlexSigninState: server.myPlexSigninState,
      myPlexSubscription: state.accounts.get(1)?.subscription ?? false,
      myPlexUsername: server.myPlexUsername,
      offlineTranscode: 1,
      ownerFeatures: OWNER_FEATURES,
      photoAutoTag: true,
      platform: server.platform,
      platformVersion: server.platformVersion,
      pluginHost: true,
      pushNotifications: false,
      readOnlyLibraries: false,
      streamingBrainABRVersion: 3,
      streamingBrainVersion: 2,
      sync: true,
      transcoderActiveVideoSessions: activeVideoTranscodes(state),
      transcoderAudio: true,
      transcoderLyrics: true,
      transcoderPhoto: true,
      transcoderSubtitles: true,
      transcoderVideo: true,
      transcoderVideoBitrates: '64,96,208,320,720,1500,2000,3000,4000,8000,10000,12000,20000',
      transcoderVideoQualities: '0,1,2,3,4,5,6,7,8,9,10,11,12',
      transcoderVideoResolutions: '128,128,160,240,320,480,768,720,720,1080,1080,1080,1080',
      updatedAt: Math.min(INSTALLED_AT, ctx.services.nowSeconds()),
      updater: true,
      version: server.version,
      voiceSearch: true,
      Directory: ROOT_DIRECTORIES.map(([key, count]) => ({ count, key, title: key })),
    },
    'Directory',
  );
}

/** `GET /` (capabilities) and `GET /identity` (the unauthenticated liveness probe). */
export const rootRoutes: Route[] = [
  { method: 'GET', path: '/', handler: serverCapabilities },
  {
    method: 'GET',
    path: '/identity',
    public: true,
    // size 0: identity has no children (real captures; the official example's 1 is a spec slip).
    handler: (ctx) =>
      container({
        size: 0,
        claimed: true,
        machineIdentifier: ctx.state.server.machineIdentifier,
        version: ctx.state.server.version,
      }),
  },
];
