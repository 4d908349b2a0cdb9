import { beforeAll, describe, expect, it } from 'vitest';
import { EmulatorState } from '../state/store.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { type BaseOptions, seedBase, serverInfo } from './base.js';
import { DEMO, seedDemoLibrary } from './demo.js';

const BASE: BaseOptions = {
  token: 'demo-test-token',
  machineIdentifier: '5d3f2c1b0a9e8d7c6b5a493827161504f3e2d1c0',
  friendlyName: 'Demo Test',
  allowMediaDeletion: true,
};

function demoState(now = DEMO.epoch + 2 * 86_400): EmulatorState {
  const state = new EmulatorState(serverInfo(BASE));
  seedBase(state, BASE, now);
  seedDemoLibrary(state, now);
  return state;
}

function itemsOf(state: EmulatorState, type: ItemType): ItemRecord[] {
  return [...state.items.values()].filter((item) => item.type === type);
}

function item(state: EmulatorState, ratingKey: string): ItemRecord {
  const found = state.items.get(ratingKey);
  if (!found) throw new Error(`no item ${ratingKey}`);
  return found;
}

function tagNames(entry: ItemRecord, kind: keyof ItemRecord['tags']): string[] {
  return (entry.tags[kind] ?? []).map((tag) => tag.tag);
}

describe('demo library', () => {
  let state: EmulatorState;
  beforeAll(() => {
    state = demoState();
  });

  it('has the three standard sections, each scanning its own folder', () => {
    expect([...state.sections.values()].map((s) => [s.id, s.type, s.title, s.agent])).toEqual([
      [1, 'movie', 'Movies', 'tv.plex.agents.movie'],
      [2, 'show', 'TV Shows', 'tv.plex.agents.series'],
      [3, 'artist', 'Music', 'tv.plex.agents.music'],
    ]);
    for (const entry of state.items.values()) {
      const section = state.sections.get(entry.sectionId);
      expect(section).toBeDefined();
      for (const media of entry.media) {
        for (const part of media.parts) {
          expect(part.file.startsWith(`${section?.locations[0]?.path}/`)).toBe(true);
        }
      }
    }
  });

  it('holds the counts DEMO advertises, indexed by section and type', () => {
    const { movies, tv, music } = DEMO.sections;
    expect(state.keysOf(movies, 'movie')).toHaveLength(DEMO.counts.movies);
    expect(state.keysOf(movies, 'collection')).toHaveLength(DEMO.counts.collections);
    expect(state.keysOf(tv, 'show')).toHaveLength(DEMO.counts.shows);
    expect(state.keysOf(tv, 'season')).toHaveLength(DEMO.counts.seasons);
    expect(state.keysOf(tv, 'episode')).toHaveLength(DEMO.counts.episodes);
    expect(state.keysOf(music, 'artist')).toHaveLength(DEMO.counts.artists);
    expect(state.keysOf(music, 'album')).toHaveLength(DEMO.counts.albums);
    expect(state.keysOf(music, 'track')).toHaveLength(DEMO.counts.tracks);
    expect(state.playlists.size).toBe(DEMO.counts.playlists);
    expect(state.history).toHaveLength(DEMO.counts.history);
    expect(state.sessions.size).toBe(DEMO.counts.sessions);
  });

  it('gives every DEMO entry the ratingKey and title it names', () => {
    const entries = [
      ...Object.values(DEMO.movies),
      ...Object.values(DEMO.collections),
      ...Object.values(DEMO.shows),
      ...Object.values(DEMO.episodes),
      ...Object.values(DEMO.artists),
      ...Object.values(DEMO.tracks),
    ];
    for (const entry of entries) expect(item(state, entry.ratingKey).title).toBe(entry.title);
    for (const movie of Object.values(DEMO.movies)) {
      expect(item(state, movie.ratingKey).year).toBe(movie.year);
    }
    for (const collection of Object.values(DEMO.collections)) {
      expect(item(state, collection.ratingKey).childKeys).toHaveLength(collection.size);
    }
    for (const show of Object.values(DEMO.shows)) {
      const record = item(state, show.ratingKey);
      expect(state.childrenOf(record)).toHaveLength(show.seasons);
      expect(state.leavesOf(record)).toHaveLength(show.episodes);
    }
    for (const playlist of Object.values(DEMO.playlists)) {
      const record = state.playlists.get(playlist.ratingKey);
      expect(record?.title).toBe(playlist.title);
      expect(record?.entries).toHaveLength(playlist.size);
    }
    for (const session of Object.values(DEMO.sessions)) {
      expect(state.sessions.get(session.sessionKey)).toMatchObject(session);
    }
  });

  it('records real facts for Night of the Living Dead', () => {
    const film = item(state, DEMO.movies.nightOfTheLivingDead.ratingKey);
    expect(film).toMatchObject({
      year: 1968,
      originallyAvailableAt: '1968-10-01',
      duration: 96 * 60_000,
      contentRating: 'Not Rated',
    });
    expect(tagNames(film, 'director')).toEqual(['George A. Romero']);
    expect(tagNames(film, 'writer')).toEqual(['John A. Russo', 'George A. Romero']);
    expect(film.tags.role?.[0]).toEqual({ tag: 'Duane Jones', role: 'Ben' });
    expect(film.guids).toEqual(['imdb://tt0063350', 'tmdb://10331']);
    expect(tagNames(film, 'label')).toContain('Halloween');
  });

  it('gives some films several versions, a 4K HEVC file and subtitles', () => {
    const notld = item(state, DEMO.movies.nightOfTheLivingDead.ratingKey);
    expect(notld.media.map((m) => [m.videoResolution, m.videoCodec])).toEqual([
      ['4k', 'hevc'],
      ['1080', 'h264'],
    ]);
    const friday = item(state, DEMO.movies.hisGirlFriday.ratingKey);
    expect(friday.media.map((m) => m.videoResolution)).toEqual(['1080', '480']);
    expect(friday.media.map((m) => m.parts[0]?.file)).toEqual([
      '/data/media/movies/His Girl Friday (1940)/His Girl Friday (1940) - 1080p.mkv',
      '/data/media/movies/His Girl Friday (1940)/His Girl Friday (1940) - 480p.mp4',
    ]);
    const sidecar = friday.media[0]?.parts[0]?.streams.find((s) => s.streamType === 3);
    expect(sidecar?.key).toBe(`/library/streams/${sidecar?.id}`);
    const charade = item(state, DEMO.movies.charade.ratingKey);
    const subtitles = charade.media[0]?.parts[0]?.streams.filter((s) => s.streamType === 3);
    expect(subtitles?.map((s) => s.languageCode)).toEqual(['eng', 'fra', 'spa']);
  });

  it('keeps media ids unique and file sizes consistent with bitrate and duration', () => {
    const ids = { media: new Set<number>(), part: new Set<number>(), stream: new Set<number>() };
    for (const entry of state.items.values()) {
      for (const media of entry.media) {
        expect(ids.media.has(media.id)).toBe(false);
        ids.media.add(media.id);
        expect(media.duration).toBe(entry.duration);
        for (const part of media.parts) {
          expect(ids.part.has(part.id)).toBe(false);
          ids.part.add(part.id);
          const expected = (media.bitrate * 1000 * (part.duration / 1000)) / 8;
          expect(Math.abs(part.size - expected) / expected).toBeLessThan(0.01);
          for (const stream of part.streams) {
            expect(ids.stream.has(stream.id)).toBe(false);
            ids.stream.add(stream.id);
          }
          const types = part.streams.map((s) => s.streamType);
          if (entry.type === 'track') expect(types).toEqual([2]);
          else expect(types.slice(0, 2)).toEqual([1, 2]);
        }
      }
      if (['movie', 'episode', 'track'].includes(entry.type))
        expect(entry.media.length).toBeGreaterThan(0);
    }
  });

  it('gives films poster and art candidates with a selected key and a colour', () => {
    for (const film of itemsOf(state, 'movie')) {
      for (const slot of ['poster', 'art'] as const) {
        const art = film.artwork[slot];
        expect(art?.candidates.length).toBeGreaterThanOrEqual(2);
        expect(art?.candidates.map((c) => c.key)).toContain(art?.selected);
        for (const candidate of art?.candidates ?? []) {
          expect(candidate.key).toMatch(/^metadata:\/\/(posters|art)\/[\w.]+_[0-9a-f]{16}$/);
          expect(candidate.color).toMatch(/^#[0-9a-f]{6}$/);
        }
      }
    }
  });

  it('has two different films titled "Sherlock Holmes"', () => {
    const matches = itemsOf(state, 'movie').filter((m) => m.title === DEMO.ambiguousTitle);
    expect(matches.map((m) => m.year)).toEqual([1916, 1922]);
    expect(tagNames(matches[0] as ItemRecord, 'director')).toEqual(['Arthur Berthelet']);
    expect(tagNames(matches[1] as ItemRecord, 'director')).toEqual(['Albert Parker']);
  });

  it('locks an edited field', () => {
    const phantom = item(state, DEMO.movies.phantomOfTheOpera.ratingKey);
    expect(phantom.titleSort).toBe('Phantom of the Opera');
    expect([...phantom.locked]).toEqual(['titleSort']);
  });

  it('links episodes under seasons under shows', () => {
    for (const show of itemsOf(state, 'show')) {
      const seasons = state.childrenOf(show);
      expect(seasons.map((s) => s.index)).toEqual(seasons.map((_, i) => i + 1));
      for (const season of seasons) {
        expect(season).toMatchObject({ type: 'season', parentRatingKey: show.ratingKey });
        const episodes = state.childrenOf(season);
        expect(episodes.length).toBeGreaterThanOrEqual(3);
        episodes.forEach((episode, i) => {
          expect(episode).toMatchObject({
            type: 'episode',
            index: i + 1,
            parentIndex: season.index,
            parentRatingKey: season.ratingKey,
            grandparentRatingKey: show.ratingKey,
          });
          expect(episode.originallyAvailableAt?.startsWith(String(episode.year))).toBe(true);
        });
      }
    }
    const bonanza = item(state, DEMO.shows.bonanza.ratingKey);
    expect(state.leavesOf(bonanza).map((e) => e.title)).toContain('A Rose for Lotta');
    const pilot = state.leavesOf(bonanza)[0];
    expect(pilot?.originallyAvailableAt).toBe('1959-09-12');
    expect(tagNames(pilot as ItemRecord, 'director')).toEqual(['Edward Ludwig']);
  });

  it('links tracks under albums under artists, with audio-only media', () => {
    for (const artist of itemsOf(state, 'artist')) {
      const albums = state.childrenOf(artist);
      expect(albums.length).toBeGreaterThanOrEqual(1);
      for (const album of albums) {
        const tracks = state.childrenOf(album);
        expect(tracks.length).toBeGreaterThanOrEqual(3);
        tracks.forEach((track, i) => {
          expect(track).toMatchObject({
            index: i + 1,
            parentIndex: 1,
            parentRatingKey: album.ratingKey,
            grandparentRatingKey: artist.ratingKey,
          });
          expect(track.media[0]?.videoCodec).toBeUndefined();
        });
      }
    }
  });

  it('tags each collection member with its collection', () => {
    for (const collection of itemsOf(state, 'collection')) {
      expect(collection).toMatchObject({
        subtype: 'movie',
        smart: false,
        collectionMode: '-1',
        collectionSort: '0',
      });
      const tagged = itemsOf(state, 'movie')
        .filter((m) => tagNames(m, 'collection').includes(collection.title))
        .map((m) => m.ratingKey);
      expect([...collection.childKeys].sort()).toEqual(tagged.sort());
      const dates = collection.childKeys.map((key) => item(state, key).originallyAvailableAt ?? '');
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('lets playlists point only at existing items of the right kind', () => {
    const ids = new Set<number>();
    for (const playlist of state.playlists.values()) {
      expect(state.accounts.has(playlist.accountId)).toBe(true);
      expect(playlist.guid).toMatch(/^com\.plexapp\.agents\.none:\/\/[0-9a-f-]{36}$/);
      for (const entry of playlist.entries) {
        expect(ids.has(entry.playlistItemId)).toBe(false);
        ids.add(entry.playlistItemId);
        const type = item(state, entry.ratingKey).type;
        expect(playlist.playlistType === 'audio' ? ['track'] : ['movie', 'episode']).toContain(
          type,
        );
      }
    }
    const alex = [...state.playlists.values()].filter((p) => p.accountId === 2);
    expect(alex).toHaveLength(1);
  });

  it('shows a direct-play session on a player and a remote transcode', () => {
    const roku = state.sessions.get(DEMO.sessions.roku.sessionKey);
    const player = state.players.get(roku?.playerId ?? '');
    const film = item(state, roku?.ratingKey ?? '');
    expect(roku).toMatchObject({ state: 'playing', location: 'lan' });
    expect(roku?.transcode).toBeUndefined();
    expect(player?.timelines.video).toMatchObject({
      state: 'playing',
      ratingKey: film.ratingKey,
      time: roku?.viewOffset,
      duration: film.duration,
    });

    const phone = state.sessions.get(DEMO.sessions.phone.sessionKey);
    expect(phone).toMatchObject({ location: 'wan', accountId: 3 });
    expect(phone?.transcode).toMatchObject({ videoDecision: 'transcode' });
    expect(state.players.has(phone?.playerId ?? '')).toBe(false);
    expect(state.devices.map((d) => d.clientIdentifier)).toContain(phone?.playerId);
    expect(item(state, phone?.ratingKey ?? '').type).toBe('episode');

    for (const session of state.sessions.values()) {
      expect(state.accounts.has(session.accountId)).toBe(true);
      expect(item(state, session.ratingKey).duration).toBeGreaterThan(session.viewOffset);
      expect(state.watchState(session.accountId, session.ratingKey).viewOffset).toBe(
        session.viewOffset,
      );
    }
    const transcoding = [...state.sessions.values()].filter(
      (s) => s.transcode?.videoDecision === 'transcode',
    );
    expect(state.server.transcoderActiveVideoSessions).toBe(transcoding.length);
  });

  it('keeps history consistent with items, accounts, devices, shares and watch state', () => {
    const deviceIds = new Set(state.devices.map((d) => d.id));
    let previous = 0;
    const plays = new Map<string, number[]>();
    for (const entry of state.history) {
      expect(entry.historyKey).toBeGreaterThan(previous);
      previous = entry.historyKey;
      const played = item(state, entry.ratingKey);
      const account = state.accounts.get(entry.accountId);
      expect(account).toBeDefined();
      if (account?.kind !== 'owner') expect(account?.sharedSectionIds).toContain(played.sectionId);
      expect(deviceIds.has(entry.deviceId)).toBe(true);
      expect(entry.viewedAt).toBeLessThan(DEMO.epoch);
      expect(entry.viewedAt).toBeGreaterThanOrEqual(DEMO.epoch - 60 * 86_400);
      const id = `${entry.accountId}:${entry.ratingKey}`;
      plays.set(id, [...(plays.get(id) ?? []), entry.viewedAt]);
    }
    expect(new Set(state.history.map((h) => h.accountId))).toEqual(new Set([1, 2, 3, 4]));
    for (const [id, times] of plays) {
      const [accountId, ratingKey] = id.split(':');
      const watch = state.watchState(Number(accountId), ratingKey ?? '');
      if (watch.viewOffset !== undefined) continue;
      expect(watch.viewCount).toBe(times.length);
      expect(watch.lastViewedAt).toBe(Math.max(...times));
    }
  });

  it('leaves the owner part-way through a film and an episode', () => {
    const partial = [...state.items.values()].filter((entry) => {
      const watch = state.watchState(1, entry.ratingKey);
      return watch.viewCount === 0 && (watch.viewOffset ?? 0) > 0;
    });
    expect(partial.map((entry) => entry.type).sort()).toEqual(['episode', 'movie']);
    const alexWatched = [...state.items.keys()].filter(
      (key) => state.watchState(2, key).viewCount > 0,
    );
    expect(alexWatched.length).toBeGreaterThanOrEqual(2);
  });

  it('shares sections with the home user and friends', () => {
    expect(state.accounts.get(2)?.sharedSectionIds).toEqual([1, 2, 3]);
    expect(state.accounts.get(3)?.sharedSectionIds).toEqual([1, 2]);
    expect(state.accounts.get(4)?.sharedSectionIds).toEqual([1, 3]);
  });

  it('is identical on every run, whatever the clock says', () => {
    const snapshot = (s: EmulatorState) =>
      JSON.stringify({
        items: [...s.items.values()].map((entry) => ({ ...entry, locked: [...entry.locked] })),
        history: s.history,
        playlists: [...s.playlists.values()],
        sessions: [...s.sessions.values()],
        sections: [...s.sections.values()].map((section) => ({ ...section, trash: [] })),
      });
    expect(snapshot(demoState(1_800_000_000))).toBe(snapshot(state));
  });
});
