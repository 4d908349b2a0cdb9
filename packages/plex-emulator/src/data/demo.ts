import type { EmulatorState } from '../state/store.js';
import { seedActivity } from './demo/activity.js';
import {
  addStandardSections,
  DEMO_EPOCH,
  daysBefore,
  SECTION_IDS,
  shareStandardSections,
} from './demo/builders.js';
import { seedMovies } from './demo/movies.js';
import { seedMusic } from './demo/music.js';
import { DemoRefs } from './demo/refs.js';
import { seedTv } from './demo/tv.js';

/**
 * Facts about the demo library that tests and examples can rely on. Items are added in a fixed
 * order, so their ratingKeys never change; `demo.test.ts` checks every entry against the seeded
 * state.
 */
export const DEMO = {
  /** Every demo timestamp is relative to this (2025-11-20T00:00:00Z). */
  epoch: DEMO_EPOCH,
  sections: SECTION_IDS,
  counts: {
    movies: 17,
    collections: 2,
    shows: 3,
    seasons: 4,
    episodes: 20,
    artists: 3,
    albums: 4,
    tracks: 20,
    playlists: 3,
    history: 26,
    sessions: 2,
  },
  movies: {
    nightOfTheLivingDead: { ratingKey: '1000', title: 'Night of the Living Dead', year: 1968 },
    hisGirlFriday: { ratingKey: '1001', title: 'His Girl Friday', year: 1940 },
    charade: { ratingKey: '1002', title: 'Charade', year: 1963 },
    theGeneral: { ratingKey: '1003', title: 'The General', year: 1926 },
    nosferatu: { ratingKey: '1004', title: 'Nosferatu', year: 1922 },
    metropolis: { ratingKey: '1005', title: 'Metropolis', year: 1927 },
    sherlockJr: { ratingKey: '1006', title: 'Sherlock Jr.', year: 1924 },
    detour: { ratingKey: '1007', title: 'Detour', year: 1945 },
    doa: { ratingKey: '1008', title: 'D.O.A.', year: 1949 },
    littleShopOfHorrors: { ratingKey: '1009', title: 'The Little Shop of Horrors', year: 1960 },
    carnivalOfSouls: { ratingKey: '1010', title: 'Carnival of Souls', year: 1962 },
    theKid: { ratingKey: '1011', title: 'The Kid', year: 1921 },
    plan9: { ratingKey: '1012', title: 'Plan 9 from Outer Space', year: 1957 },
    phantomOfTheOpera: { ratingKey: '1013', title: 'The Phantom of the Opera', year: 1925 },
    sherlockHolmes1916: { ratingKey: '1014', title: 'Sherlock Holmes', year: 1916 },
    sherlockHolmes1922: { ratingKey: '1015', title: 'Sherlock Holmes', year: 1922 },
    scarletStreet: { ratingKey: '1016', title: 'Scarlet Street', year: 1945 },
  },
  collections: {
    silentEra: { ratingKey: '1017', title: 'Silent Era', size: 8 },
    filmNoir: { ratingKey: '1018', title: 'Film Noir', size: 3 },
  },
  shows: {
    beverlyHillbillies: {
      ratingKey: '1019',
      title: 'The Beverly Hillbillies',
      seasons: 1,
      episodes: 6,
    },
    bonanza: { ratingKey: '1027', title: 'Bonanza', seasons: 2, episodes: 9 },
    oneStepBeyond: { ratingKey: '1039', title: 'One Step Beyond', seasons: 1, episodes: 5 },
  },
  episodes: {
    /** The Beverly Hillbillies S01E01. */
    clampettsStrikeOil: { ratingKey: '1021', title: 'The Clampetts Strike Oil' },
    /** Bonanza S01E03: the owner is part-way through it. */
    theNewcomers: { ratingKey: '1031', title: 'The Newcomers' },
    /** Bonanza S02E02: jordan_k is watching it (transcoded, remote). */
    theMission: { ratingKey: '1036', title: 'The Mission' },
  },
  artists: {
    joplin: { ratingKey: '1046', title: 'Scott Joplin' },
    bach: { ratingKey: '1053', title: 'Johann Sebastian Bach' },
    satie: { ratingKey: '1065', title: 'Erik Satie' },
  },
  tracks: {
    mapleLeafRag: { ratingKey: '1048', title: 'Maple Leaf Rag' },
    goldbergAria: { ratingKey: '1055', title: 'Aria' },
    gymnopedie1: { ratingKey: '1067', title: 'Gymnopédie No. 1' },
  },
  playlists: {
    fridayNightNoir: { ratingKey: '1073', title: 'Friday Night Noir', size: 3 },
    pianoEvenings: { ratingKey: '1074', title: 'Piano Evenings', size: 4 },
    saturdayMatinee: { ratingKey: '1075', title: 'Saturday Matinee', size: 4 },
  },
  sessions: {
    /** The owner on the Living Room TV Roku, direct play on the LAN. */
    roku: { sessionKey: '12', ratingKey: '1002', accountId: 1, playerId: 'roku-lr-7f3a' },
    /** jordan_k on his phone, remote, transcoding. */
    phone: { sessionKey: '27', ratingKey: '1036', accountId: 3, playerId: 'android-jk-0b7e' },
  },
  /** A title two movies share (1916 and 1922), for ambiguity handling. */
  ambiguousTitle: 'Sherlock Holmes',
} as const;

/**
 * Loads the curated demo library: public-domain films, TV episodes and music with real facts,
 * plus collections, playlists, watch history and two live sessions.
 *
 * Every timestamp is fixed (relative to {@link DEMO.epoch}) so the demo is identical on every
 * run; `_now` is accepted for symmetry with the synthetic loader and deliberately unused.
 */
export function seedDemoLibrary(state: EmulatorState, _now: number): void {
  addStandardSections(state, { createdAt: daysBefore(700, 18), scannedAt: daysBefore(0, -1) });
  shareStandardSections(state);
  const refs = new DemoRefs();
  seedMovies(state, refs);
  seedTv(state, refs);
  seedMusic(state, refs);
  seedActivity(state, refs);
}
