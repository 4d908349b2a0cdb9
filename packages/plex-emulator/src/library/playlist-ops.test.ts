import { describe, expect, it } from 'vitest';
import type { ItemRecord, PlaylistRecord } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import { createPlaylist, movePlaylistEntry, playlistRows } from './playlist-ops.js';
import { playlistSourceItems, requirePlaylistType } from './playlist-source.js';

const NOW = 1_700_000_000;

function fixture() {
  const { state } = testEmulator({ library: 'empty' });
  const film = (title: string) =>
    state.addItem({ type: 'movie', sectionId: 1, title, addedAt: NOW });
  const films = [film('A'), film('B'), film('C')];
  const playlist = createPlaylist(
    state,
    { title: 'List', playlistType: 'video', accountId: 1, items: films },
    NOW,
  );
  return { state, films, playlist };
}

const order = (state: ReturnType<typeof fixture>['state'], playlist: PlaylistRecord) =>
  playlistRows(state, playlist).map((row) => row.item.title);

describe('playlist moves', () => {
  it('moves an entry after another or to the front and stamps the playlist', () => {
    const { state, playlist } = fixture();
    const [a, , c] = playlist.entries.map((entry) => entry.playlistItemId) as [
      number,
      number,
      number,
    ];
    expect(movePlaylistEntry(state, playlist, a, c, NOW + 5)).toBe('ok');
    expect(order(state, playlist)).toEqual(['B', 'C', 'A']);
    expect(playlist.updatedAt).toBe(NOW + 5);
    expect(movePlaylistEntry(state, playlist, a, undefined, NOW + 6)).toBe('ok');
    expect(order(state, playlist)).toEqual(['A', 'B', 'C']);
  });

  it('says which entry is missing and changes nothing', () => {
    const { state, playlist } = fixture();
    const [a] = playlist.entries.map((entry) => entry.playlistItemId) as [number];
    expect(movePlaylistEntry(state, playlist, 999, a, NOW + 5)).toBe('no-item');
    expect(movePlaylistEntry(state, playlist, a, 999, NOW + 5)).toBe('no-after');
    expect(movePlaylistEntry(state, playlist, a, a, NOW + 5)).toBe('no-after');
    expect(order(state, playlist)).toEqual(['A', 'B', 'C']);
    expect(playlist.updatedAt).toBe(NOW);
  });
});

describe('playlist sources', () => {
  it('reads a saved play queue in its order and refuses an unknown one', () => {
    const { state, films } = fixture();
    const [a, b] = films as [ItemRecord, ItemRecord];
    state.playQueues.set(7, {
      id: 7,
      accountId: 1,
      type: 'video',
      sourceUri: '',
      shuffled: false,
      version: 1,
      selectedItemId: 0,
      selectedOffset: 0,
      items: [
        { playQueueItemId: 1, ratingKey: b.ratingKey },
        { playQueueItemId: 2, ratingKey: a.ratingKey },
      ],
    });
    const items = playlistSourceItems(state, { playQueueId: '7', accountId: 1 });
    expect(items.map((item) => item.title)).toEqual(['B', 'A']);
    expect(() => playlistSourceItems(state, { playQueueId: '8', accountId: 1 })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => playlistSourceItems(state, { accountId: 1 })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('refuses to mix media types (400)', () => {
    const { state, films } = fixture();
    const track = state.addItem({ type: 'track', sectionId: 3, title: 'T', addedAt: NOW });
    expect(requirePlaylistType(films, 'video')).toBe(films);
    expect(() => requirePlaylistType([...films, track], 'video')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
