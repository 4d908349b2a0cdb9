import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import { leavesUnder } from '../library/children.js';
import type { ItemRecord } from '../state/types.js';
import { call, testEmulator } from '../testing/harness.js';
import { createPlayQueue } from './play-queues.js';

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});

function item(title: string, type: ItemRecord['type']): ItemRecord {
  const found = [...emulator.state.items.values()].find(
    (i) => i.title === title && i.type === type,
  );
  if (!found) throw new Error(`no demo item ${title}`);
  return found;
}

function serverUri(path: string): string {
  return `server://${emulator.machineIdentifier}/com.plexapp.plugins.library${path}`;
}

interface QueueItem {
  ratingKey: string;
  title: string;
  playQueueItemID: number;
}

async function post(query: Record<string, string | number>) {
  return call(emulator, '/playQueues', { method: 'POST', query });
}

function keys(res: { json: { MediaContainer: { Metadata?: QueueItem[] } } }): string[] {
  return (res.json.MediaContainer.Metadata ?? []).map((m) => m.ratingKey);
}

describe('POST /playQueues', () => {
  it("queues a show's episodes in order, as PMS answers for python-plexapi", async () => {
    const show = item('Bonanza', 'show');
    const uri = serverUri(`/library/metadata/${show.ratingKey}`);
    const res = await post({ type: 'video', uri, shuffle: 0, repeat: 0, continuous: 0, own: 1 });
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    const episodes = leavesUnder(emulator.state, show);
    expect(keys(res)).toEqual(episodes.map((e) => e.ratingKey));
    const first = mc.Metadata[0];
    expect(mc).toMatchObject({
      size: episodes.length,
      identifier: 'com.plexapp.plugins.library',
      playQueueSelectedItemID: first.playQueueItemID,
      playQueueSelectedItemOffset: 0,
      playQueueSelectedMetadataItemID: Number(first.ratingKey),
      playQueueShuffled: false,
      playQueueSourceURI: uri,
      playQueueTotalCount: episodes.length,
      playQueueVersion: 1,
    });
    expect(typeof mc.playQueueID).toBe('number');
    expect(first).toMatchObject({ type: 'episode', grandparentTitle: 'Bonanza' });
    const ids = mc.Metadata.map((m: QueueItem) => m.playQueueItemID);
    expect(new Set(ids).size).toBe(ids.length);

    const again = await call(emulator, `/playQueues/${mc.playQueueID}`);
    expect(keys(again)).toEqual(keys(res));
  });

  it('starts at key=, queues list uris and playlists, and continues a show from an episode', async () => {
    const bach = item('Johann Sebastian Bach', 'artist');
    const tracks = leavesUnder(emulator.state, bach);
    const second = tracks[1] as ItemRecord;
    const music = await post({
      type: 'audio',
      uri: `library:///directory/${encodeURIComponent(`/library/metadata/${bach.ratingKey}`)}`,
      key: `/library/metadata/${second.ratingKey}`,
    });
    expect(music.json.MediaContainer).toMatchObject({
      playQueueSelectedItemOffset: 1,
      playQueueSelectedMetadataItemID: Number(second.ratingKey),
      playQueueTotalCount: tracks.length,
    });

    const playlist = [...emulator.state.playlists.values()].find(
      (p) => p.title === 'Piano Evenings',
    );
    const fromPlaylist = await post({ type: 'audio', playlistID: playlist?.ratingKey ?? '' });
    expect(keys(fromPlaylist)).toEqual(playlist?.entries.map((e) => e.ratingKey));

    const newcomers = item('The Newcomers', 'episode');
    const continuous = await post({
      type: 'video',
      uri: serverUri(`/library/metadata/${newcomers.ratingKey}`),
      continuous: 1,
    });
    const show = item('Bonanza', 'show');
    const all = leavesUnder(emulator.state, show).map((e) => e.ratingKey);
    expect(keys(continuous)).toEqual(all);
    expect(continuous.json.MediaContainer.playQueueSelectedItemOffset).toBe(
      all.indexOf(newcomers.ratingKey),
    );
  });

  it('answers 400 for missing or foreign sources and bad types', async () => {
    const movie = item('Detour', 'movie');
    expect((await post({ type: 'video' })).status).toBe(400);
    expect(
      (
        await post({
          type: 'video',
          uri: `server://elsewhere/com.plexapp.plugins.library/library/metadata/${movie.ratingKey}`,
        })
      ).status,
    ).toBe(400);
    expect((await post({ type: 'video', uri: serverUri('/library/metadata/424242') })).status).toBe(
      400,
    );
    expect(
      (await post({ type: 'movie', uri: serverUri(`/library/metadata/${movie.ratingKey}`) }))
        .status,
    ).toBe(400);
    expect((await post({ type: 'video', playlistID: '1' })).status).toBe(400);
  });

  it('shuffles deterministically, keeping the start item first', async () => {
    const show = item('Bonanza', 'show');
    const uri = serverUri(`/library/metadata/${show.ratingKey}`);
    const a = await post({ type: 'video', uri, shuffle: 1 });
    expect(a.json.MediaContainer.playQueueShuffled).toBe(true);
    const ordered = leavesUnder(emulator.state, show).map((e) => e.ratingKey);
    expect([...keys(a)].sort()).toEqual([...ordered].sort());
    expect(keys(a)[0]).toBe(ordered[0]);
    expect(keys(a)).not.toEqual(ordered);
  });
});

describe('changing a play queue', () => {
  async function showQueue() {
    const show = item('Bonanza', 'show');
    const res = await post({
      type: 'video',
      uri: serverUri(`/library/metadata/${show.ratingKey}`),
    });
    return {
      id: res.json.MediaContainer.playQueueID as number,
      items: res.json.MediaContainer.Metadata as QueueItem[],
    };
  }

  it('adds at the end or next, removes, moves and clears, bumping the version', async () => {
    const { id, items } = await showQueue();
    const movie = item('Detour', 'movie');
    const added = await call(emulator, `/playQueues/${id}`, {
      method: 'PUT',
      query: {
        uri: `library://x/item/library/metadata/${movie.ratingKey}`.replace(
          'x',
          emulator.state.sections.get(1)?.uuid ?? '',
        ),
      },
    });
    expect(added.status).toBe(200);
    expect(keys(added).at(-1)).toBe(movie.ratingKey);
    expect(added.json.MediaContainer.playQueueVersion).toBe(2);
    expect(added.json.MediaContainer.playQueueLastAddedItemID).toBe(
      String(added.json.MediaContainer.Metadata.at(-1).playQueueItemID),
    );
    const next = await call(emulator, `/playQueues/${id}`, {
      method: 'PUT',
      query: { uri: serverUri(`/library/metadata/${movie.ratingKey}`), next: 1 },
    });
    expect(keys(next)[1]).toBe(movie.ratingKey);

    const removed = await call(emulator, `/playQueues/${id}/items/${items[0]?.playQueueItemID}`, {
      method: 'DELETE',
    });
    expect(keys(removed)[0]).toBe(movie.ratingKey);
    expect(removed.json.MediaContainer.playQueueSelectedItemOffset).toBe(0);
    expect(
      (
        await call(emulator, `/playQueues/${id}/items/${items[0]?.playQueueItemID}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(404);

    const last = items.at(-1) as QueueItem;
    const moved = await call(emulator, `/playQueues/${id}/items/${last.playQueueItemID}/move`, {
      method: 'PUT',
    });
    expect(keys(moved)[0]).toBe(last.ratingKey);
    const after = await call(emulator, `/playQueues/${id}/items/${last.playQueueItemID}/move`, {
      method: 'PUT',
      query: { after: items[2]?.playQueueItemID ?? 0 },
    });
    const order = after.json.MediaContainer.Metadata.map((m: QueueItem) => m.playQueueItemID);
    expect(order.indexOf(last.playQueueItemID)).toBe(order.indexOf(items[2]?.playQueueItemID) + 1);

    const cleared = await call(emulator, `/playQueues/${id}/items`, { method: 'DELETE' });
    expect(cleared.json.MediaContainer).toMatchObject({ size: 0, playQueueTotalCount: 0 });
    expect(cleared.json.MediaContainer).not.toHaveProperty('Metadata');
    expect(cleared.json.MediaContainer.playQueueVersion).toBeGreaterThan(5);
  });

  it('shuffles and unshuffles back to the natural order; 404 for unknown queues', async () => {
    const { id, items } = await showQueue();
    const shuffled = await call(emulator, `/playQueues/${id}/shuffle`, { method: 'PUT' });
    expect(shuffled.json.MediaContainer.playQueueShuffled).toBe(true);
    expect(keys(shuffled)[0]).toBe(items[0]?.ratingKey);
    const unshuffled = await call(emulator, `/playQueues/${id}/unshuffle`, { method: 'PUT' });
    expect(unshuffled.json.MediaContainer.playQueueShuffled).toBe(false);
    expect(keys(unshuffled)).toEqual(items.map((i) => i.ratingKey));
    expect((await call(emulator, '/playQueues/987654')).status).toBe(404);
  });

  it('windows GET around the centre item', async () => {
    const { id, items } = await showQueue();
    const center = items[4] as QueueItem;
    const res = await call(emulator, `/playQueues/${id}`, {
      query: { window: 1, center: center.playQueueItemID },
    });
    expect(res.json.MediaContainer.Metadata.map((m: QueueItem) => m.playQueueItemID)).toEqual(
      items.slice(3, 6).map((i) => i.playQueueItemID),
    );
    expect(res.json.MediaContainer.playQueueTotalCount).toBe(items.length);
    const after = await call(emulator, `/playQueues/${id}`, {
      query: { window: 2, center: center.playQueueItemID, includeBefore: 0 },
    });
    expect(after.json.MediaContainer.Metadata.map((m: QueueItem) => m.playQueueItemID)).toEqual(
      items.slice(5, 7).map((i) => i.playQueueItemID),
    );
  });
});

describe('createPlayQueue', () => {
  it('is usable by other routes (playMedia) and stores the queue', () => {
    const movie = item('Charade', 'movie');
    const queue = createPlayQueue(emulator.state, {
      accountId: 1,
      uri: serverUri(`/library/metadata/${movie.ratingKey}`),
    });
    expect(queue.type).toBe('video');
    expect(queue.items.map((i) => i.ratingKey)).toEqual([movie.ratingKey]);
    expect(emulator.state.playQueues.get(queue.id)).toBe(queue);
  });
});
