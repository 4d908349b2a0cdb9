import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';

type Emulator = ReturnType<typeof emulatorClient>['emulator'];

function record(emulator: Emulator, title: string, type?: string) {
  const item = [...emulator.state.items.values()].find(
    (entry) => entry.title === title && (type === undefined || entry.type === type),
  );
  if (!item) throw new Error(`no ${title} in the demo library`);
  return item;
}

function paths(sent: Request[]): string[] {
  return sent.map((request) => `${request.method} ${new URL(request.url).pathname}`);
}

describe('playQueues.create', () => {
  it('posts a server:// content URI and returns the queue with its items', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = record(emulator, 'Night of the Living Dead');
    const friday = record(emulator, 'His Girl Friday');
    const queue = await client.playQueues.create({
      ratingKeys: [night.ratingKey, Number(friday.ratingKey)],
      type: 'video',
    });

    expect(paths(sent)).toEqual(['GET /identity', 'POST /playQueues']);
    const url = new URL(sent[1]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: 'video',
      uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${night.ratingKey},${friday.ratingKey}`,
      shuffle: '0',
      repeat: '0',
      continuous: '0',
    });

    expect(queue).not.toHaveProperty('Metadata');
    expect(queue).toMatchObject({
      playQueueTotalCount: 2,
      playQueueShuffled: false,
      playQueueSelectedMetadataItemID: night.ratingKey,
      playQueueVersion: 1,
    });
    expect(typeof queue.playQueueID).toBe('number');
    expect(queue.items.map((item) => item.title)).toEqual([
      'Night of the Living Dead',
      'His Girl Friday',
    ]);
    expect(new Set(queue.items.map((item) => item.playQueueItemID)).size).toBe(2);
    expect(queue.playQueueSelectedItemID).toBe(queue.items[0]?.playQueueItemID);
    expect(emulator.state.playQueues.get(queue.playQueueID)?.items).toHaveLength(2);
  });

  it('reads the machine identifier once per client, or not at all when given', async () => {
    const { client, emulator, sent } = emulatorClient();
    const night = record(emulator, 'Night of the Living Dead');
    await client.playQueues.create({ ratingKey: night.ratingKey, type: 'video' });
    await client.playQueues.create({ ratingKey: night.ratingKey, type: 'video', shuffle: true });
    expect(paths(sent).filter((path) => path === 'GET /identity')).toHaveLength(1);

    const other = emulatorClient();
    await other.client.playQueues.create({
      ratingKey: night.ratingKey,
      type: 'video',
      machineIdentifier: other.emulator.machineIdentifier,
    });
    expect(paths(other.sent)).toEqual(['POST /playQueues']);
  });

  it('expands a season, starts at the item asked for, and takes a playlist', async () => {
    const { client, emulator, sent } = emulatorClient();
    const season = [...emulator.state.items.values()].find((item) => item.type === 'season');
    if (!season) throw new Error('no season in the demo library');
    const episodes = [...emulator.state.items.values()]
      .filter((item) => item.parentRatingKey === season.ratingKey)
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const second = episodes[1];
    if (!second) throw new Error('the season has fewer than two episodes');

    const queue = await client.playQueues.create({
      ratingKey: season.ratingKey,
      type: 'video',
      startRatingKey: second.ratingKey,
    });
    expect(new URL(sent.at(-1)?.url ?? '').searchParams.get('key')).toBe(
      `/library/metadata/${second.ratingKey}`,
    );
    expect(queue.items.map((item) => item.ratingKey)).toEqual(episodes.map((e) => e.ratingKey));
    expect(queue.playQueueSelectedMetadataItemID).toBe(second.ratingKey);
    expect(queue.playQueueSelectedItemOffset).toBe(1);

    const [playlist] = (await client.playlists.list({ playlistType: 'audio' })).items;
    const fromPlaylist = await client.playQueues.create({
      playlistId: playlist?.ratingKey ?? '',
      type: 'audio',
    });
    const url = new URL(sent.at(-1)?.url ?? '');
    expect(url.searchParams.get('playlistID')).toBe(playlist?.ratingKey);
    expect(url.searchParams.has('uri')).toBe(false);
    expect(fromPlaylist.items).toHaveLength(playlist?.leafCount ?? -1);
    expect(fromPlaylist.items.every((item) => item.type === 'track')).toBe(true);
  });

  it('refuses bad ratingKeys before sending anything', async () => {
    const { client, sent } = emulatorClient();
    await expect(client.playQueues.create({ ratingKeys: [], type: 'video' })).rejects.toThrow(
      TypeError,
    );
    await expect(client.playQueues.create({ ratingKey: '1/../2', type: 'video' })).rejects.toThrow(
      /not a ratingKey/,
    );
    expect(sent).toHaveLength(0);
  });
});

describe('playQueues.get', () => {
  it('reads a queue back, windowed on request; NOT_FOUND for an unknown id', async () => {
    const { client, emulator, sent } = emulatorClient();
    const keys = ['Night of the Living Dead', 'His Girl Friday', 'Charade'].map(
      (title) => record(emulator, title, 'movie').ratingKey,
    );
    const created = await client.playQueues.create({ ratingKeys: keys, type: 'video' });

    const whole = await client.playQueues.get(created.playQueueID);
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe(`/playQueues/${created.playQueueID}`);
    expect(whole.items.map((item) => item.playQueueItemID)).toEqual(
      created.items.map((item) => item.playQueueItemID),
    );

    const window = await client.playQueues.get(created.playQueueID, {
      window: 1,
      center: created.items[1]?.playQueueItemID ?? 0,
      own: true,
    });
    const url = new URL(sent.at(-1)?.url ?? '');
    expect(url.searchParams.get('window')).toBe('1');
    expect(url.searchParams.get('own')).toBe('1');
    expect(window.items).toHaveLength(3);
    expect(window.playQueueTotalCount).toBe(3);

    const after = await client.playQueues.get(created.playQueueID, {
      includeBefore: false,
      center: created.items[0]?.playQueueItemID ?? 0,
    });
    expect(new URL(sent.at(-1)?.url ?? '').searchParams.get('includeBefore')).toBe('0');
    expect(after.items.map((item) => item.title)).toEqual(['His Girl Friday', 'Charade']);

    await expect(client.playQueues.get(987654)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
