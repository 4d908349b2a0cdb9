import { describe, expect, it } from 'vitest';
import { type ToolHarness, toolHarness } from '../../testing/harness.js';
import { expectNoTokens } from '../user/tokens.test-support.js';

const TOOL = 'playlist_copy_to_user';

function accountOf(h: ToolHarness, username: string) {
  const account = [...h.emulator.state.accounts.values()].find((a) => a.username === username);
  if (!account) throw new Error(`no account ${username}`);
  return account;
}

async function titlesOf(plex: ToolHarness['plex'], id: string) {
  const page = await plex.playlists.items(id);
  return page.items.map((item) => item.title);
}

describe('playlist_copy_to_user', () => {
  it("copies a playlist into a friend's account", async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, {
      playlist: 'friday night noir',
      username: 'jordan_k',
    });
    expectNoTokens(h, data);
    expect(data).toMatchObject({
      playlist: { title: 'Friday Night Noir', playlist_type: 'video', smart: false, item_count: 3 },
      user: { username: 'jordan_k', title: 'jordan_k' },
      source_item_count: 3,
    });
    expect(data.playlist.id).not.toBe('1073');
    expect(h.emulator.state.playlists.get(data.playlist.id)?.accountId).toBe(3);

    // Read as jordan_k: the copy is theirs, with the same items in the same order.
    const jordan = h.plex.withToken(accountOf(h, 'jordan_k').serverToken);
    const theirs = await jordan.playlists.list();
    expect(theirs.items.map((p) => [p.ratingKey, p.title])).toEqual([
      [data.playlist.id, 'Friday Night Noir'],
    ]);
    expect(await titlesOf(jordan, data.playlist.id)).toEqual(await titlesOf(h.plex, '1073'));
    // The owner's playlists are as they were.
    const mine = await h.plex.playlists.list();
    expect(mine.items.map((p) => p.title).sort()).toEqual(['Friday Night Noir', 'Piano Evenings']);
  });

  it("copies into a home user's account", async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, { playlist: '1073', username: 'Alex' });
    expectNoTokens(h, data);
    expect(data.user).toEqual({ username: 'alex_home', title: 'Alex' });
    expect(h.emulator.state.playlists.get(data.playlist.id)?.accountId).toBe(2);
    const alex = h.plex.withToken(accountOf(h, 'alex_home').serverToken);
    const theirs = await alex.playlists.list();
    expect(theirs.items.map((p) => p.title)).toContain('Friday Night Noir');
  });

  it('copies an audio playlist, keeping its kind and items', async () => {
    const h = toolHarness();
    const data = await h.data(TOOL, {
      playlist: 'Piano Evenings',
      username: 'alex_home',
    });
    expect(data).toMatchObject({
      playlist: { title: 'Piano Evenings', playlist_type: 'audio', item_count: 4 },
      source_item_count: 4,
    });
    const alex = h.plex.withToken(accountOf(h, 'alex_home').serverToken);
    const source = (await h.plex.playlists.list()).items.find((p) => p.title === 'Piano Evenings');
    expect(await titlesOf(alex, data.playlist.id)).toEqual(
      await titlesOf(h.plex, source?.ratingKey ?? ''),
    );
  });

  it('refuses to copy to the signed-in owner', async () => {
    const h = toolHarness();
    const result = await h.call(TOOL, { playlist: '1073', username: 'demo_owner' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) expect(result.error.message).toContain('playlist_create');
    expect(h.emulator.state.playlists.size).toBe(3);
  });

  it('names the users there are for an unknown user, and creates nothing', async () => {
    const h = toolHarness();
    const result = await h.call(TOOL, { playlist: '1073', username: 'nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) {
      expect(result.error.message).toContain('jordan_k');
      expect(result.error.message).toContain('alex_home');
    }
    expect(h.emulator.state.playlists.size).toBe(3);
  });

  it('reports an unknown playlist, and a call naming none', async () => {
    const h = toolHarness();
    const missing = await h.call(TOOL, { playlist: 'Nope', username: 'jordan_k' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call(TOOL, { username: 'jordan_k' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await h.call(TOOL, { playlist: '1073' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('reports a user whose token plex.tv does not give, without any token', async () => {
    const h = toolHarness();
    h.emulator.faults.set({
      errorRate: 1,
      errorStatus: 503,
      pathPrefix: `${h.emulator.plexTvPath}/api/servers`,
    });
    const result = await h.call(TOOL, { playlist: '1073', username: 'jordan_k' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLEX_ERROR' } });
    expectNoTokens(h, result);
    expect(h.emulator.state.playlists.size).toBe(3);
  });
});
