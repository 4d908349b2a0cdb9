import { describe, expect, it } from 'vitest';
import { harnessRefusing } from '../../testing/refuse.js';
import { ROKU, startEpisode } from './testing.js';

const POLL = '/player/timeline/poll';

/** Once armed, refuses the player's timeline polls after a playback command was relayed. */
function pollsAfterCommand() {
  const state = { armed: false, commanded: false };
  const refuse = (url: URL) => {
    if (!state.armed) return false;
    if (url.pathname.startsWith('/player/playback/')) state.commanded = true;
    return state.commanded && url.pathname === POLL;
  };
  return { state, refuse };
}

describe('client tools when an auxiliary request is refused', () => {
  it('client_control_playback reports the command sent, with the timeline null', async () => {
    const { state, refuse } = pollsAfterCommand();
    const h = harnessRefusing(refuse);
    await startEpisode(h);
    state.armed = true;
    const data = await h.data('client_control_playback', {
      client: ROKU,
      action: 'pause',
    });
    expect(data).toMatchObject({ player: { id: ROKU }, action: 'pause', timeline: null });
    expect(data.warnings).toEqual([
      'player timeline after the command unavailable: Plex refused (403)',
    ]);
    state.armed = false;
    const read = await h.data('client_get_timelines', { client: ROKU });
    expect(read.timelines[0]).toMatchObject({ state: 'paused' });
  });

  it('client_control_playback still fails when the command itself is refused', async () => {
    let armed = false;
    const h = harnessRefusing((url) => armed && url.pathname.startsWith('/player/playback/'));
    await startEpisode(h);
    armed = true;
    expect(
      await h.call('client_control_playback', { client: ROKU, action: 'pause' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('client_get_details describes a player whose timeline poll is refused', async () => {
    const h = harnessRefusing([POLL]);
    const data = await h.data('client_get_details', { client: ROKU });
    expect(data).toMatchObject({
      id: ROKU,
      name: 'Living Room TV',
      state: null,
      location: null,
      now_playing: null,
    });
    expect(data.warnings).toEqual(['player timeline unavailable: Plex refused (403)']);
  });

  it('client_get_timelines keeps the playing item id when its title lookup is refused', async () => {
    let refuseTitles = false;
    const h = harnessRefusing(
      (url) => refuseTitles && url.pathname.startsWith('/library/metadata/'),
    );
    const episode = await startEpisode(h);
    refuseTitles = true;
    const data = await h.data('client_get_timelines', { client: ROKU });
    expect(data.timelines[0]).toMatchObject({
      state: 'playing',
      item: { id: episode, title: null },
    });
    expect(data.warnings).toEqual(['playing item titles unavailable: Plex refused (403)']);
  });

  it('client_get_timelines still fails when the poll itself is refused', async () => {
    const h = harnessRefusing([POLL]);
    expect(await h.call('client_get_timelines', { client: ROKU })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
