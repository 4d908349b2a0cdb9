import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { smartContentUri } from '../library/smart-filter.js';
import type { ItemRecord } from '../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../testing/harness.js';

/*
 * `emulator.state` is the whole truth: what demo data (or a test) writes into the records is
 * what the routes serve, with no hidden side tables to fill first.
 */

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});
afterEach(() => emulator.close());

function item(title: string): ItemRecord {
  const found = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!found) throw new Error(`no demo item ${title}`);
  return found;
}

function tokenOf(username: string): string {
  const account = [...emulator.state.accounts.values()].find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return account.serverToken;
}

function lastPlaying() {
  return emulator.notifications
    .history()
    .filter((n) => n.type === 'playing')
    .at(-1)?.entries[0];
}

describe('state seeded directly', () => {
  it('serves a smart playlist from its record: filter, sort title and items', async () => {
    const { state } = emulator;
    const ratingKey = state.nextRatingKey();
    const content = smartContentUri(state, 1, new URLSearchParams('type=1&sort=year&limit=2'));
    state.playlists.set(ratingKey, {
      ratingKey,
      guid: 'com.plexapp.agents.none://5c1d2e3f-0000-4000-8000-000000000001',
      title: 'The Oldest Two',
      titleSort: 'Oldest Two',
      summary: '',
      playlistType: 'video',
      smart: true,
      ...(content === undefined ? {} : { content }),
      accountId: 1,
      addedAt: 1_700_000_000,
      updatedAt: 1_700_000_000,
      entries: [],
    });
    const read = await call(emulator, `/playlists/${ratingKey}`);
    expect(read.json.MediaContainer.Metadata[0]).toMatchObject({
      smart: true,
      titleSort: 'Oldest Two',
      content,
      leafCount: 2,
    });
    const items = await call(emulator, `/playlists/${ratingKey}/items`);
    expect(items.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toEqual([
      'Sherlock Holmes',
      expect.any(String),
    ]);
  });

  it("reports a queue's last added item from the record", async () => {
    const detour = item('Detour');
    const charade = item('Charade');
    emulator.state.playQueues.set(90, {
      id: 90,
      accountId: 1,
      type: 'video',
      sourceUri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${detour.ratingKey}`,
      shuffled: false,
      version: 2,
      selectedItemId: 501,
      selectedOffset: 0,
      items: [
        { playQueueItemId: 501, ratingKey: detour.ratingKey },
        { playQueueItemId: 502, ratingKey: charade.ratingKey },
      ],
      lastAddedItemId: 502,
    });
    const res = await call(emulator, '/playQueues/90');
    expect(res.json.MediaContainer).toMatchObject({
      playQueueID: 90,
      playQueueLastAddedItemID: '502',
      playQueueSelectedItemID: 501,
      playQueueTotalCount: 2,
    });
  });

  it('answers a pending termination written into the state', async () => {
    const mission = [...emulator.state.items.values()].find(
      (entry) => entry.title === 'The Mission' && entry.type === 'episode',
    );
    emulator.state.pendingTerminations.set('android-jk-0b7e', {
      ratingKey: mission?.ratingKey ?? '',
      text: 'Admin terminated playback with reason: Seeded',
    });
    const report = await call(emulator, '/:/timeline', {
      token: tokenOf('jordan_k'),
      headers: { 'X-Plex-Client-Identifier': 'android-jk-0b7e' },
      query: { ratingKey: mission?.ratingKey ?? '', state: 'playing', time: 1_000 },
    });
    expect(report.json.MediaContainer).toMatchObject({
      terminationCode: 2006,
      terminationText: 'Admin terminated playback with reason: Seeded',
    });
    expect(emulator.state.pendingTerminations.size).toBe(0);
  });

  it('moves a playing timeline on from its seeded clock reading', async () => {
    const roku = emulator.state.players.get('roku-lr-7f3a');
    if (!roku) throw new Error('no demo Roku');
    const start = roku.timelines.video.time;
    roku.timelines.video.updatedAtMs = TEST_NOW_MS - 60_000;
    const poll = await call(emulator, '/player/timeline/poll', {
      query: { wait: 0, commandID: 1 },
      headers: {
        'X-Plex-Target-Client-Identifier': 'roku-lr-7f3a',
        'X-Plex-Client-Identifier': 'seeded-state-test',
      },
    });
    const video = poll.json.MediaContainer.Timeline.find(
      (t: { type: string }) => t.type === 'video',
    );
    expect(video).toMatchObject({ state: 'playing', time: start + 60_000 });
    expect(roku.timelines.video.updatedAtMs).toBe(TEST_NOW_MS);
  });

  it("names a seeded session's transcode in its playing notifications", async () => {
    const mission = [...emulator.state.items.values()].find(
      (entry) => entry.title === 'The Mission' && entry.type === 'episode',
    );
    const report = await call(emulator, '/:/timeline', {
      token: tokenOf('jordan_k'),
      headers: { 'X-Plex-Client-Identifier': 'android-jk-0b7e' },
      query: { ratingKey: mission?.ratingKey ?? '', state: 'paused', time: 1_100_000 },
    });
    expect(report.status).toBe(200);
    expect(lastPlaying()).toMatchObject({
      sessionKey: '27',
      state: 'paused',
      viewOffset: 1_100_000,
      transcodeSession: '6f1c9e2a7b4d8053c1e7a9f2',
    });
  });
});
