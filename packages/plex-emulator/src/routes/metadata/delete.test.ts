import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, testEmulator } from '../../testing/harness.js';
import { htmlBody, itemByTitle, tokenOf } from './test-support.js';

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

function deletedEntries() {
  return emulator.notifications
    .history()
    .filter((n) => n.type === 'timeline')
    .flatMap((n) => n.entries)
    .filter((entry) => entry.state === 9);
}

describe('DELETE /library/metadata/{id}', () => {
  it("is refused with PMS's HTML 400 while allowMediaDeletion is off", async () => {
    emulator = testEmulator({ allowMediaDeletion: false });
    const movie = itemByTitle(emulator, 'Detour');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(res.text).toBe(htmlBody(400));
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect((await call(emulator, `/library/metadata/${movie.ratingKey}`)).status).toBe(200);
    expect(deletedEntries()).toEqual([]);
  });

  it('follows the preference as it changes, whether stored as a boolean or as text', async () => {
    emulator = testEmulator({ allowMediaDeletion: false });
    const pref = emulator.state.prefs.find((p) => p.id === 'allowMediaDeletion');
    if (!pref) throw new Error('no allowMediaDeletion pref');
    pref.value = '1';
    const movie = itemByTitle(emulator, 'Detour');
    expect(
      (await call(emulator, `/library/metadata/${movie.ratingKey}`, { method: 'DELETE' })).status,
    ).toBe(200);
    pref.value = '0';
    const other = itemByTitle(emulator, 'Charade');
    expect(
      (await call(emulator, `/library/metadata/${other.ratingKey}`, { method: 'DELETE' })).status,
    ).toBe(400);
  });

  it('removes a movie: later reads are 404, collections drop it, a deleted timeline goes out', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const noir = itemByTitle(emulator, 'Film Noir', 'collection');
    const res = await call(emulator, `/library/metadata/${movie.ratingKey}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await call(emulator, `/library/metadata/${movie.ratingKey}`)).status).toBe(404);
    const children = await call(emulator, `/library/metadata/${noir.ratingKey}/children`);
    expect(children.json.MediaContainer.size).toBe(2);
    expect(deletedEntries()).toEqual([
      expect.objectContaining({
        itemID: movie.ratingKey,
        sectionID: '1',
        type: 1,
        state: 9,
        metadataState: 'deleted',
      }),
    ]);
  });

  it('removes a show with its seasons and episodes', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const below = [...emulator.state.childrenOf(show), ...emulator.state.leavesOf(show)];
    expect(below).toHaveLength(11);
    expect(
      (await call(emulator, `/library/metadata/${show.ratingKey}`, { method: 'DELETE' })).status,
    ).toBe(200);
    for (const item of [show, ...below]) {
      expect((await call(emulator, `/library/metadata/${item.ratingKey}`)).status).toBe(404);
    }
    expect(
      deletedEntries()
        .map((entry) => entry.itemID)
        .sort(),
    ).toEqual([show, ...below].map((item) => item.ratingKey).sort());
  });

  it('deletes a collection even with media deletion off, untagging its members', async () => {
    emulator = testEmulator({ allowMediaDeletion: false });
    const noir = itemByTitle(emulator, 'Film Noir', 'collection');
    const member = itemByTitle(emulator, 'Detour');
    expect(
      (await call(emulator, `/library/metadata/${noir.ratingKey}`, { method: 'DELETE' })).status,
    ).toBe(200);
    expect((await call(emulator, `/library/metadata/${noir.ratingKey}`)).status).toBe(404);
    const read = await call(emulator, `/library/metadata/${member.ratingKey}`);
    expect(read.json.MediaContainer.Metadata[0].Collection).toBeUndefined();
  });

  it('is 404 for unknown items and 403 for accounts that are not the admin', async () => {
    emulator = testEmulator();
    expect((await call(emulator, '/library/metadata/999999', { method: 'DELETE' })).status).toBe(
      404,
    );
    const movie = itemByTitle(emulator, 'Detour');
    const friend = await call(emulator, `/library/metadata/${movie.ratingKey}`, {
      method: 'DELETE',
      token: tokenOf(emulator, 'jordan_k'),
    });
    expect(friend.status).toBe(403);
    expect(emulator.state.items.has(movie.ratingKey)).toBe(true);
  });
});
