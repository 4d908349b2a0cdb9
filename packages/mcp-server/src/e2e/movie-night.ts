import type { PlexEmulator } from '@plexmcp/plex-emulator';
import { expect, it } from 'vitest';
import type { ToolCaller, ToolOutcome } from '../testing/tool-caller.js';

/** What the scripted session needs: a way to call tools and the emulator behind the server. */
export interface MovieNightScene {
  call: ToolCaller;
  emulator: PlexEmulator;
}

const PLAYER = 'Living Room TV';
const PLAYER_ID = 'roku-lr-7f3a';

/** A success's data, or a failed assertion that shows the error. */
function data(outcome: ToolOutcome): Record<string, unknown> {
  expect(outcome).toMatchObject({ ok: true });
  return (outcome as { data: Record<string, unknown> }).data;
}

/**
 * Registers, in the enclosing describe, the evening a person would have: find a film, put it in a
 * new playlist, mark it watched, start it on the living-room TV, pause it and look at what is
 * playing. Each step checks the answer and, where it changed something, the emulator's state.
 * The steps share state, so they run in order over one session.
 */
export function movieNightSteps(scene: () => MovieNightScene, label: string): void {
  let filmId = '';

  it('finds the film by searching', async () => {
    const found = data(await scene().call('media_search', { query: 'charade' }));
    expect(found.results).toEqual([
      { id: expect.any(String), title: 'Charade', type: 'movie', year: 1963, library: 'Movies' },
    ]);
    filmId = (found.results as { id: string }[])[0]?.id ?? '';
    expect(scene().emulator.state.items.get(filmId)?.title).toBe('Charade');
  });

  it('creates a new playlist holding it', async () => {
    const title = `Movie night (${label})`;
    const created = data(await scene().call('playlist_create', { title, items: [filmId] }));
    expect(created.playlist).toMatchObject({
      id: expect.any(String),
      title,
      playlist_type: 'video',
      smart: false,
      item_count: 1,
    });
    const playlistId = (created.playlist as { id: string }).id;
    const contents = data(await scene().call('playlist_get_contents', { playlist: playlistId }));
    expect(contents.playlist).toEqual({ id: playlistId, title });
    expect(contents.items).toEqual([expect.objectContaining({ id: filmId, title: 'Charade' })]);
    expect(scene().emulator.state.playlists.get(playlistId)?.entries).toEqual([
      expect.objectContaining({ ratingKey: filmId }),
    ]);
  });

  it('marks it watched, and the details say so', async () => {
    const marked = data(await scene().call('media_set_watched', { media: filmId, watched: true }));
    expect(marked).toMatchObject({ id: filmId, title: 'Charade', watched: true, view_count: 1 });
    const details = data(await scene().call('media_get_details', { media: filmId }));
    expect(details).toMatchObject({
      id: filmId,
      title: 'Charade',
      year: 1963,
      watched: { watched: true, view_count: 1, last_viewed_at: expect.any(String) },
    });
    expect(scene().emulator.state.watchState(1, filmId).viewCount).toBe(1);
  });

  it('starts it on the living-room TV', async () => {
    const players = data(await scene().call('client_list', {}));
    expect(players.players).toContainEqual(
      expect.objectContaining({ id: PLAYER_ID, name: PLAYER }),
    );
    const started = data(
      await scene().call('client_start_playback', { client: PLAYER, media: filmId }),
    );
    expect(started).toMatchObject({
      player: { id: PLAYER_ID, name: PLAYER },
      item: { id: filmId, title: 'Charade', type: 'movie', year: 1963 },
      play_queue_id: expect.any(Number),
      offset_ms: 0,
      timeline: { type: 'video', state: 'playing', item: { id: filmId } },
    });
  });

  it('pauses it', async () => {
    const paused = data(
      await scene().call('client_control_playback', { client: PLAYER, action: 'pause' }),
    );
    expect(paused).toMatchObject({
      player: { id: PLAYER_ID, name: PLAYER },
      action: 'pause',
      timeline: { type: 'video', state: 'paused', item: { id: filmId, title: 'Charade' } },
    });
  });

  it('sees the paused film in the session list', async () => {
    const active = data(await scene().call('sessions_get_active', {}));
    const sessions = active.sessions as Record<string, unknown>[];
    const ours = sessions.filter((s) => (s.player as { id?: string }).id === PLAYER_ID);
    expect(ours).toEqual([
      expect.objectContaining({
        user: { id: '1', name: 'Demo Owner' },
        player: expect.objectContaining({ name: PLAYER, id: PLAYER_ID }),
        item: expect.objectContaining({ id: filmId, title: 'Charade', type: 'movie' }),
        state: 'paused',
      }),
    ]);
    expect(active.totals).toMatchObject({ sessions: sessions.length });
    const record = [...scene().emulator.state.sessions.values()].find(
      (s) => s.playerId === PLAYER_ID,
    );
    expect(record).toMatchObject({ ratingKey: filmId, state: 'paused' });
  });
}
