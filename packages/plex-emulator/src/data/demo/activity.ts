import type { EmulatorState } from '../../state/store.js';
import type { PlaylistRecord, SessionRecord, WatchState } from '../../state/types.js';
import { DEMO_EPOCH, daysBefore, mmss } from './builders.js';
import type { DemoRefs } from './refs.js';

/** Accounts and devices seeded by `seedBase`. */
const OWNER = 1;
const ALEX = 2;
const JORDAN = 3;
const SAM = 4;
const LIVING_ROOM_TV = 1;
const KITCHEN_IPAD = 2;
const CHROME = 3;
const JORDANS_PHONE = 4;

/**
 * Finished plays over the 60 days before the demo epoch: `[account, device, item, days ago,
 * hour]`. Watch state is derived from these, so counts and last-viewed times always agree with
 * the history. Each account only plays what is shared with it (see `shareStandardSections`).
 */
const PLAYS: readonly (readonly [number, number, string, number, number])[] = [
  [OWNER, LIVING_ROOM_TV, 'movie:night-of-the-living-dead', 58, 21.5],
  [OWNER, LIVING_ROOM_TV, 'movie:nosferatu', 55, 22],
  [OWNER, CHROME, 'episode:beverly-hillbillies/1/1', 52, 19],
  [OWNER, CHROME, 'episode:beverly-hillbillies/1/2', 52, 19.5],
  [OWNER, LIVING_ROOM_TV, 'movie:the-general', 47, 20],
  [OWNER, CHROME, 'episode:beverly-hillbillies/1/3', 45, 19],
  [OWNER, LIVING_ROOM_TV, 'movie:detour', 40, 21],
  [OWNER, LIVING_ROOM_TV, 'movie:his-girl-friday', 33, 20.5],
  [OWNER, LIVING_ROOM_TV, 'movie:doa', 26, 21],
  [OWNER, LIVING_ROOM_TV, 'episode:bonanza/1/1', 20, 20],
  [OWNER, LIVING_ROOM_TV, 'episode:bonanza/1/2', 19, 20],
  [OWNER, LIVING_ROOM_TV, 'movie:carnival-of-souls', 12, 22],
  [OWNER, LIVING_ROOM_TV, 'movie:night-of-the-living-dead', 9, 23],
  [OWNER, CHROME, 'episode:one-step-beyond/1/1', 6, 22],
  [OWNER, CHROME, 'episode:one-step-beyond/1/2', 6, 22.5],
  [ALEX, KITCHEN_IPAD, 'movie:the-kid', 44, 16],
  [ALEX, KITCHEN_IPAD, 'movie:sherlock-jr', 30, 15],
  [ALEX, KITCHEN_IPAD, 'episode:beverly-hillbillies/1/1', 15, 17],
  [ALEX, KITCHEN_IPAD, 'track:joplin-rolls/1', 8, 18],
  [JORDAN, JORDANS_PHONE, 'episode:bonanza/1/1', 36, 13],
  [JORDAN, JORDANS_PHONE, 'movie:plan-9-from-outer-space', 23, 23],
  [JORDAN, JORDANS_PHONE, 'episode:bonanza/2/1', 2, 12],
  [SAM, CHROME, 'movie:metropolis', 28, 14],
  [SAM, CHROME, 'movie:the-phantom-of-the-opera', 17, 21],
  [SAM, CHROME, 'track:goldberg/1', 4, 9],
  [SAM, CHROME, 'track:satie-piano/1', 4, 9.1],
];

/** Star ratings (0–10) the owner gave, with the day they were given. */
const RATINGS: readonly (readonly [string, number, number])[] = [
  ['movie:night-of-the-living-dead', 10, 9],
  ['movie:detour', 8, 40],
  ['movie:the-general', 9, 47],
];

/** The two live sessions; their positions also become the players' resume points. */
const ROKU_SESSION = { ref: 'movie:charade', offset: mmss(41, 12) };
const PHONE_SESSION = { ref: 'episode:bonanza/2/2', offset: mmss(18, 5) };

/** Adds history, watch state, playlists and the live sessions. */
export function seedActivity(state: EmulatorState, refs: DemoRefs): void {
  seedHistoryAndWatchState(state, refs);
  seedPlaylists(state, refs);
  seedSessions(state, refs);
}

function seedHistoryAndWatchState(state: EmulatorState, refs: DemoRefs): void {
  const plays = PLAYS.map(([accountId, deviceId, ref, days, hour]) => ({
    accountId,
    deviceId,
    ratingKey: refs.get(ref),
    viewedAt: daysBefore(days, hour),
  })).sort((a, b) => a.viewedAt - b.viewedAt);

  const watched = new Map<string, WatchState & { accountId: number; ratingKey: string }>();
  for (const play of plays) {
    state.history.push({ historyKey: state.nextId('history'), ...play });
    const id = `${play.accountId}:${play.ratingKey}`;
    const current = watched.get(id);
    watched.set(id, {
      accountId: play.accountId,
      ratingKey: play.ratingKey,
      viewCount: (current?.viewCount ?? 0) + 1,
      lastViewedAt: play.viewedAt,
    });
  }
  for (const [ref, rating, days] of RATINGS) {
    const id = `${OWNER}:${refs.get(ref)}`;
    const current = watched.get(id);
    if (current)
      watched.set(id, { ...current, userRating: rating, lastRatedAt: daysBefore(days, 23.9) });
  }
  for (const { accountId, ratingKey, ...watch } of watched.values()) {
    state.setWatchState(accountId, ratingKey, watch);
  }
  // The owner tends to skip past the aria that opens the Goldberg Variations (skipNext).
  const skipped = refs.get('track:goldberg/1');
  state.setWatchState(OWNER, skipped, { ...state.watchState(OWNER, skipped), skipCount: 2 });

  // Part-way through: these feed On Deck and Continue Watching.
  const partial: [number, string, number, number][] = [
    [OWNER, ROKU_SESSION.ref, ROKU_SESSION.offset, DEMO_EPOCH - 60],
    [OWNER, 'episode:bonanza/1/3', mmss(21, 40), daysBefore(1, 21)],
    [ALEX, 'movie:the-general', mmss(33, 15), daysBefore(3, 16.5)],
    [JORDAN, PHONE_SESSION.ref, PHONE_SESSION.offset, DEMO_EPOCH - 60],
  ];
  for (const [accountId, ref, viewOffset, lastViewedAt] of partial) {
    state.setWatchState(accountId, refs.get(ref), { viewCount: 0, viewOffset, lastViewedAt });
  }
}

function seedPlaylists(state: EmulatorState, refs: DemoRefs): void {
  const playlists: (Omit<PlaylistRecord, 'ratingKey' | 'entries'> & { items: string[] })[] = [
    {
      guid: 'com.plexapp.agents.none://4b7e2c91-0d3a-4f58-9a61-c2e8b5d7f034',
      title: 'Friday Night Noir',
      summary: 'Three short, mean crime pictures for a late night.',
      playlistType: 'video',
      smart: false,
      accountId: OWNER,
      addedAt: daysBefore(90, 22),
      updatedAt: daysBefore(3, 21),
      lastViewedAt: daysBefore(40, 21),
      viewCount: 1,
      items: ['movie:detour', 'movie:doa', 'movie:scarlet-street'],
    },
    {
      guid: 'com.plexapp.agents.none://a9d3f1e6-27c4-4b0e-8f5a-13e7c6b2d948',
      title: 'Piano Evenings',
      summary: 'Quiet solo piano, from ragtime to Bach.',
      playlistType: 'audio',
      smart: false,
      accountId: OWNER,
      addedAt: daysBefore(80, 20),
      updatedAt: daysBefore(80, 20.2),
      items: ['track:satie-piano/1', 'track:joplin-rolls/1', 'track:goldberg/1', 'track:wtc/1'],
    },
    {
      guid: 'com.plexapp.agents.none://e2c8a7b4-6f19-4d3e-b051-9a4d7e3c1f86',
      title: 'Saturday Matinee',
      summary: 'Silent comedies and a sitcom for the afternoon.',
      playlistType: 'video',
      smart: false,
      accountId: ALEX,
      addedAt: daysBefore(50, 14),
      updatedAt: daysBefore(50, 14.1),
      items: [
        'movie:the-kid',
        'movie:sherlock-jr',
        'movie:the-general',
        'episode:beverly-hillbillies/1/1',
      ],
    },
  ];
  for (const { items, ...playlist } of playlists) {
    const ratingKey = state.nextRatingKey();
    state.playlists.set(ratingKey, {
      ...playlist,
      ratingKey,
      entries: items.map((ref) => ({
        playlistItemId: state.nextId('playlistItem'),
        ratingKey: refs.get(ref),
      })),
    });
  }
}

function seedSessions(state: EmulatorState, refs: DemoRefs): void {
  // The owner watches Charade on the living-room Roku: direct play on the LAN.
  const movieKey = refs.get(ROKU_SESSION.ref);
  const movie = state.items.get(movieKey);
  const media = movie?.media[0];
  const streams = media?.parts[0]?.streams ?? [];
  const roku: SessionRecord = {
    sessionKey: '12',
    id: 'k2x9f7m3q8w1c5v6b0n4h2jd',
    ratingKey: movieKey,
    accountId: OWNER,
    playerId: 'roku-lr-7f3a',
    state: 'playing',
    viewOffset: ROKU_SESSION.offset,
    bandwidth: Math.round((media?.bitrate ?? 8000) * 1.1),
    location: 'lan',
    startedAt: DEMO_EPOCH - ROKU_SESSION.offset / 1000 - 95,
  };
  state.sessions.set(roku.sessionKey, roku);
  const player = state.players.get(roku.playerId);
  if (player) {
    const videoStream = streams.find((stream) => stream.streamType === 1);
    const audioStream = streams.find((stream) => stream.streamType === 2);
    player.timelines.video = {
      ...player.timelines.video,
      state: 'playing',
      ratingKey: movieKey,
      time: ROKU_SESSION.offset,
      ...(movie?.duration === undefined ? {} : { duration: movie.duration }),
      ...(videoStream ? { videoStreamId: videoStream.id } : {}),
      ...(audioStream ? { audioStreamId: audioStream.id } : {}),
    };
  }

  // jordan_k watches Bonanza on his phone away from home; the server transcodes to fit his
  // remote quality setting.
  const phone: SessionRecord = {
    sessionKey: '27',
    id: 'p7r3t9w2y5u1i8o4a6s0d3fg',
    ratingKey: refs.get(PHONE_SESSION.ref),
    accountId: JORDAN,
    playerId: 'android-jk-0b7e',
    state: 'playing',
    viewOffset: PHONE_SESSION.offset,
    bandwidth: 2_250,
    location: 'wan',
    startedAt: DEMO_EPOCH - PHONE_SESSION.offset / 1000 - 140,
    transcode: {
      key: '/transcode/sessions/6f1c9e2a7b4d8053c1e7a9f2',
      videoDecision: 'transcode',
      audioDecision: 'copy',
      sourceVideoCodec: 'h264',
      sourceAudioCodec: 'aac',
      videoCodec: 'h264',
      audioCodec: 'aac',
      audioChannels: 1,
      container: 'mpegts',
      protocol: 'hls',
      progress: 46.2,
      speed: 3.4,
      throttled: true,
      transcodeHwRequested: true,
      reasons: ['Video bitrate exceeds limit'],
    },
  };
  state.sessions.set(phone.sessionKey, phone);
  state.server.transcoderActiveVideoSessions = 1;
}
