import { describe, expect, it } from 'vitest';
import type { EmulatorState } from '../state/store.js';
import { testEmulator } from '../testing/harness.js';
import { addShow } from '../testing/library-fixtures.js';
import { playQueueSource } from './play-queue-source.js';
import { createPlaylist } from './playlist-ops.js';

const NOW = 1_700_000_000;

function fixture() {
  const { state } = testEmulator({ library: 'empty' });
  const { show } = addShow(state, [{ index: 1, episodes: [2, 1] }]);
  const film = state.addItem({ type: 'movie', sectionId: 1, title: 'Film', addedAt: NOW });
  const playlist = createPlaylist(
    state,
    { title: 'Mine', playlistType: 'video', accountId: 1, items: [film] },
    NOW,
  );
  return { state, show, film, playlist };
}

const uriOf = (state: EmulatorState, ratingKey: string) =>
  `server://${state.server.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${ratingKey}`;

describe('playQueueSource', () => {
  it('turns a show uri into its episodes in order and reports the uri as the source', () => {
    const { state, show } = fixture();
    const uri = uriOf(state, show.ratingKey);
    const source = playQueueSource(state, { uri, accountId: 1 });
    expect(source.items.map((item) => item.title)).toEqual(['S1E1', 'S1E2']);
    expect(source.sourceUri).toBe(uri);
  });

  it('prefers a playlist over a uri, and names the playlist when no uri is given', () => {
    const { state, show, playlist } = fixture();
    const both = playQueueSource(state, {
      uri: uriOf(state, show.ratingKey),
      playlistId: playlist.ratingKey,
      accountId: 1,
    });
    expect(both.items.map((item) => item.title)).toEqual(['Film']);
    const bare = playQueueSource(state, { playlistId: playlist.ratingKey, accountId: 1 });
    expect(bare.sourceUri).toMatch(new RegExp(`/playlists/${playlist.ratingKey}$`));
  });

  it('refuses another account’s playlist and a request without a source (400)', () => {
    const { state, playlist } = fixture();
    expect(() => playQueueSource(state, { playlistId: playlist.ratingKey, accountId: 2 })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => playQueueSource(state, { accountId: 1 })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
