import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import { call, testEmulator } from '../../testing/harness.js';

describe('PUT /library/sections/{id}/emptyTrash', () => {
  it('deletes trashed items and everything under them, announcing each', async () => {
    const emulator = testEmulator();
    const { state } = emulator;
    const tv = state.sections.get(DEMO.sections.tv);
    const movies = state.sections.get(DEMO.sections.movies);
    if (!tv || !movies) throw new Error('demo sections missing');
    const show = DEMO.shows.oneStepBeyond.ratingKey;
    const showItem = state.items.get(show);
    if (!showItem) throw new Error('demo show missing');
    const seasons = [...showItem.childKeys];
    const episodes = state.leavesOf(showItem).map((e) => e.ratingKey);
    tv.trash.add(show);
    movies.trash.add(DEMO.movies.plan9.ratingKey);
    const changedBefore = tv.contentChangedAt;

    const response = await call(emulator, '/library/sections/2/emptyTrash', { method: 'PUT' });
    expect([response.status, response.text]).toEqual([200, '']);
    expect(state.items.has(show)).toBe(false);
    for (const key of [...seasons, ...episodes]) expect(state.items.has(key)).toBe(false);
    expect(tv.trash.size).toBe(0);
    expect(tv.contentChangedAt).toBeGreaterThan(changedBefore);
    // Another section's trash is untouched.
    expect(state.items.has(DEMO.movies.plan9.ratingKey)).toBe(true);
    expect(movies.trash.has(DEMO.movies.plan9.ratingKey)).toBe(true);

    const deleted = emulator.notifications
      .history()
      .filter((n) => n.type === 'timeline')
      .flatMap((n) => n.entries)
      .filter((entry) => entry.state === 9);
    expect(deleted.map((entry) => entry.itemID).sort()).toEqual(
      [show, ...seasons, ...episodes].sort(),
    );
    expect(
      deleted.every((entry) => entry.sectionID === '2' && entry.metadataState === 'deleted'),
    ).toBe(true);

    const shows = await call(emulator, '/library/sections/2/all');
    expect(shows.json.MediaContainer.totalSize).toBe(DEMO.counts.shows - 1);
    const allEpisodes = await call(emulator, '/library/sections/2/all', { query: { type: 4 } });
    expect(allEpisodes.json.MediaContainer.totalSize).toBe(DEMO.counts.episodes - episodes.length);
  });

  it('does nothing to an empty trash', async () => {
    const emulator = testEmulator();
    const before = emulator.state.items.size;
    expect((await call(emulator, '/library/sections/1/emptyTrash', { method: 'PUT' })).status).toBe(
      200,
    );
    expect(emulator.state.items.size).toBe(before);
    expect(emulator.notifications.history().filter((n) => n.type === 'timeline')).toEqual([]);
  });

  it('is for the owner, on known sections, with PUT only', async () => {
    const emulator = testEmulator();
    const alex = emulator.state.accounts.get(2);
    if (!alex) throw new Error('demo account missing');
    const put = (path: string, token?: string) =>
      call(emulator, path, { method: 'PUT', ...(token ? { token } : {}) });
    expect((await put('/library/sections/1/emptyTrash', alex.serverToken)).status).toBe(403);
    expect((await put('/library/sections/9/emptyTrash')).status).toBe(404);
    expect((await call(emulator, '/library/sections/1/emptyTrash')).status).toBe(405);
  });
});

describe('database maintenance', () => {
  it('optimizes and cleans bundles as activities, answering at once', async () => {
    const emulator = testEmulator();
    for (const [path, type] of [
      ['/library/optimize', 'database.optimize'],
      ['/library/clean/bundles', 'library.clean.bundles'],
    ] as const) {
      const response = await call(emulator, path, { method: 'PUT', query: { async: 1 } });
      expect([response.status, response.text]).toEqual([200, '']);
      expect([...emulator.state.activities.values()].map((a) => a.type)).toContain(type);
    }
    await emulator.idle();
    expect(emulator.state.activities.size).toBe(0);
    const ended = emulator.notifications
      .history()
      .filter((n) => n.type === 'activity')
      .flatMap((n) => n.entries)
      .filter((entry) => entry.event === 'ended');
    expect(ended).toHaveLength(2);
  });

  it('is for the owner', async () => {
    const emulator = testEmulator();
    const jordan = emulator.state.accounts.get(3);
    if (!jordan) throw new Error('demo account missing');
    const response = await call(emulator, '/library/optimize', {
      method: 'PUT',
      token: jordan.serverToken,
    });
    expect(response.status).toBe(403);
    expect(emulator.state.activities.size).toBe(0);
  });
});
