import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { type CallOptions, call, testEmulator } from '../../testing/harness.js';

let emulator: PlexEmulator;
let clock: number;
beforeEach(() => {
  clock = Date.UTC(2025, 10, 22, 12, 0, 0);
  emulator = testEmulator({ now: () => clock });
});
afterEach(() => emulator.close());

const ROKU = 'roku-lr-7f3a';
const CONTROLLER = 'controller-flow-01';
let commandId = 0;

function item(title: string) {
  const found = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
}

function send(command: string, query: CallOptions['query'] = {}, target = ROKU) {
  commandId += 1;
  return call(emulator, `/player/${command}`, {
    query: { ...query, commandID: commandId },
    headers: {
      'X-Plex-Target-Client-Identifier': target,
      'X-Plex-Client-Identifier': CONTROLLER,
    },
  });
}

async function timeline(type = 'video', target = ROKU) {
  const response = await send('timeline/poll', { wait: 0 }, target);
  const mc = response.json.MediaContainer;
  return { location: mc.location, ...mc.Timeline.find((t: { type: string }) => t.type === type) };
}

async function sessionFor(ratingKey: string) {
  const response = await call(emulator, '/status/sessions');
  return response.json.MediaContainer.Metadata?.find(
    (m: { ratingKey: string }) => m.ratingKey === ratingKey,
  );
}

function lastPlaying() {
  return emulator.notifications
    .history()
    .filter((n) => n.type === 'playing')
    .at(-1)?.entries[0];
}

/** A play queue over a whole show, starting at one of its episodes, made through the API. */
async function showQueue(showTitle: string, startAt: string) {
  const show = item(showTitle);
  const start = [...emulator.state.items.values()].find(
    (entry) =>
      entry.type === 'episode' &&
      entry.grandparentRatingKey === show.ratingKey &&
      entry.title === startAt,
  );
  if (!start) throw new Error(`no episode ${startAt}`);
  const response = await call(emulator, '/playQueues', {
    method: 'POST',
    query: {
      type: 'video',
      uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${show.ratingKey}`,
      key: `/library/metadata/${start.ratingKey}`,
    },
  });
  expect(response.status).toBe(200);
  const id: number = response.json.MediaContainer.playQueueID;
  const queue = emulator.state.playQueues.get(id);
  if (!queue) throw new Error('play queue not stored');
  return { queue, start };
}

function playMedia(ratingKey: string, queueId: number | undefined, offset = 0) {
  return send('playback/playMedia', {
    key: `/library/metadata/${ratingKey}`,
    offset,
    machineIdentifier: emulator.machineIdentifier,
    address: 'plex.test',
    port: 32400,
    protocol: 'http',
    type: 'video',
    ...(queueId === undefined ? {} : { containerKey: `/playQueues/${queueId}?window=100&own=1` }),
  });
}

describe('remote playback through a play queue', () => {
  it('plays, pauses, seeks, switches streams, skips and stops an episode', async () => {
    const charade = item('Charade');
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    const startEntry = queue.items.find((entry) => entry.ratingKey === start.ratingKey);

    // playMedia: the Roku leaves Charade (keeping its resume point) and starts the episode.
    const play = await playMedia(start.ratingKey, queue.id, 120_000);
    expect(play.status).toBe(200);
    expect(play.text).toBe('');
    expect(emulator.state.watchState(1, charade.ratingKey).viewOffset).toBe(2_472_000);
    expect(await sessionFor(charade.ratingKey)).toBeUndefined();

    const started = await timeline();
    expect(started).toMatchObject({
      location: 'fullScreenVideo',
      state: 'playing',
      ratingKey: start.ratingKey,
      key: `/library/metadata/${start.ratingKey}`,
      time: 120_000,
      duration: start.duration,
      containerKey: `/playQueues/${queue.id}`,
      playQueueID: queue.id,
      playQueueItemID: startEntry?.playQueueItemId,
      playQueueVersion: queue.version,
    });
    let session = await sessionFor(start.ratingKey);
    expect(session).toMatchObject({
      type: 'episode',
      grandparentTitle: 'The Beverly Hillbillies',
      librarySectionID: '2',
      viewOffset: 120_000,
      User: { id: '1' },
      Player: { machineIdentifier: ROKU, state: 'playing', title: 'Living Room TV' },
      Session: { location: 'lan' },
    });
    expect(typeof session.sessionKey).toBe('string');
    expect(lastPlaying()).toMatchObject({
      sessionKey: session.sessionKey,
      clientIdentifier: ROKU,
      ratingKey: start.ratingKey,
      state: 'playing',
      viewOffset: 120_000,
      playQueueID: queue.id,
      playQueueItemID: startEntry?.playQueueItemId,
    });

    // pause
    expect((await send('playback/pause', { type: 'video' })).status).toBe(200);
    expect((await timeline()).state).toBe('paused');
    session = await sessionFor(start.ratingKey);
    expect(session.Player.state).toBe('paused');
    expect(lastPlaying()).toMatchObject({ state: 'paused', ratingKey: start.ratingKey });
    expect(emulator.state.watchState(1, start.ratingKey).viewOffset).toBe(120_000);

    // seekTo (paused: the clock does not move it)
    clock += 60_000;
    await send('playback/seekTo', { type: 'video', offset: 300_000 });
    expect((await timeline()).time).toBe(300_000);
    expect((await sessionFor(start.ratingKey)).viewOffset).toBe(300_000);

    // setStreams
    const audio = start.media[0]?.parts[0]?.streams.find((s) => s.streamType === 2);
    const streams = await send('playback/setStreams', {
      type: 'video',
      audioStreamID: audio?.id ?? 0,
      subtitleStreamID: 0,
    });
    expect(streams.status).toBe(200);
    expect(await timeline()).toMatchObject({ audioStreamID: audio?.id, subtitleStreamID: 0 });
    expect(
      (await send('playback/setStreams', { type: 'video', audioStreamID: 424_242 })).status,
    ).toBe(400);

    // play again, then skipNext: the next queue item starts from 0 in a new session.
    await send('playback/play', { type: 'video' });
    expect((await timeline()).state).toBe('playing');
    const next = queue.items[queue.items.indexOf(startEntry as (typeof queue.items)[number]) + 1];
    expect(next).toBeDefined();
    expect((await send('playback/skipNext', { type: 'video' })).status).toBe(200);
    const skipped = await timeline();
    expect(skipped).toMatchObject({
      state: 'playing',
      ratingKey: next?.ratingKey,
      playQueueItemID: next?.playQueueItemId,
      time: 0,
    });
    expect(queue.selectedItemId).toBe(next?.playQueueItemId);
    expect(await sessionFor(start.ratingKey)).toBeUndefined();
    expect(emulator.state.watchState(1, start.ratingKey).viewOffset).toBe(300_000);
    expect(await sessionFor(next?.ratingKey ?? '')).toBeDefined();
    // Skipping a video counts nothing: skipCount is a music fact.
    expect(emulator.state.watchState(1, start.ratingKey).skipCount).toBeUndefined();

    // skipPrevious goes back to the first episode.
    await send('playback/skipPrevious', { type: 'video' });
    expect((await timeline()).ratingKey).toBe(start.ratingKey);

    // stop: the session is gone and a stopped notification went out.
    expect((await send('playback/stop', { type: 'video' })).status).toBe(200);
    const stopped = await timeline();
    expect(stopped).toMatchObject({ state: 'stopped', location: 'navigation' });
    expect(stopped.ratingKey).toBeUndefined();
    expect(await sessionFor(start.ratingKey)).toBeUndefined();
    expect(lastPlaying()).toMatchObject({ state: 'stopped', ratingKey: start.ratingKey });
    expect(emulator.state.players.get(ROKU)?.commandIds[CONTROLLER]).toBe(commandId);
  });

  it('scrobbles once playback passes 90%: view count, history entry and device', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    const before = emulator.state.watchState(1, start.ratingKey).viewCount;
    const historySize = emulator.state.history.length;
    await playMedia(start.ratingKey, queue.id);
    await send('playback/seekTo', {
      type: 'video',
      offset: Math.ceil((start.duration ?? 0) * 0.95),
    });

    const watch = emulator.state.watchState(1, start.ratingKey);
    expect(watch.viewCount).toBe(before + 1);
    expect(watch.viewOffset).toBeUndefined();
    expect(emulator.state.history).toHaveLength(historySize + 1);
    const entry = await call(emulator, '/status/sessions/history/all', {
      query: { sort: 'viewedAt:desc', metadataItemID: start.ratingKey, accountID: 1 },
    });
    expect(entry.json.MediaContainer.Metadata[0]).toMatchObject({
      ratingKey: start.ratingKey,
      accountID: 1,
      deviceID: 1,
      viewedAt: Math.floor(clock / 1000),
    });

    // Stopping after the scrobble does not count the play twice.
    await send('playback/stop', { type: 'video' });
    expect(emulator.state.watchState(1, start.ratingKey).viewCount).toBe(before + 1);
    expect(emulator.state.history).toHaveLength(historySize + 1);
  });

  it('moves on with the clock: time advances, and a finished item gives way to the next', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    await playMedia(start.ratingKey, queue.id, 0);
    clock += 90_000;
    expect((await timeline()).time).toBe(90_000);
    expect((await sessionFor(start.ratingKey)).viewOffset).toBe(90_000);

    // Paused time does not count.
    await send('playback/pause', { type: 'video' });
    clock += 600_000;
    expect((await timeline()).time).toBe(90_000);
    await send('playback/play', { type: 'video' });

    clock += start.duration ?? 0;
    const after = await timeline();
    const startIndex = queue.items.findIndex((entry) => entry.ratingKey === start.ratingKey);
    expect(after).toMatchObject({
      state: 'playing',
      ratingKey: queue.items[startIndex + 1]?.ratingKey,
      time: 0,
    });
    expect(emulator.state.history.at(-1)).toMatchObject({
      ratingKey: start.ratingKey,
      accountId: 1,
    });
  });

  it('plays the last item to the end and stops, or wraps around with repeat all', async () => {
    const { queue } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    const lastEntry = queue.items.at(-1);
    const last = emulator.state.items.get(lastEntry?.ratingKey ?? '');
    if (!lastEntry || !last) throw new Error('empty queue');
    await playMedia(last.ratingKey, queue.id);
    expect((await send('playback/skipNext', { type: 'video' })).status).toBe(200);
    expect((await timeline()).state).toBe('stopped');

    await playMedia(last.ratingKey, queue.id);
    await send('playback/setParameters', { type: 'video', repeat: 2 });
    await send('playback/skipNext', { type: 'video' });
    expect(await timeline()).toMatchObject({
      state: 'playing',
      ratingKey: queue.items[0]?.ratingKey,
    });
  });
  it('repeats one item when asked, recording each full play', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    await playMedia(start.ratingKey, queue.id);
    await send('playback/setParameters', { type: 'video', repeat: 1 });
    const plays = emulator.state.history.length;
    clock += (start.duration ?? 0) + 1_000;
    expect(await timeline()).toMatchObject({
      state: 'playing',
      ratingKey: start.ratingKey,
      time: 0,
      repeat: 1,
    });
    expect(emulator.state.history).toHaveLength(plays + 1);
  });

  it('shuffles the play queue on the server when shuffle is switched on, and back', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    await playMedia(start.ratingKey, queue.id);
    const version = queue.version;
    await send('playback/setParameters', { type: 'video', shuffle: 1 });
    expect(queue).toMatchObject({ shuffled: true, version: version + 1 });
    expect(queue.items[0]?.ratingKey).toBe(start.ratingKey);
    expect((await timeline()).shuffle).toBe(1);
    await send('playback/setParameters', { type: 'video', shuffle: 0 });
    expect(queue.shuffled).toBe(false);
    // Sending the same value again does not reshuffle.
    await send('playback/setParameters', { type: 'video', shuffle: 0 });
    expect(queue.version).toBe(version + 2);
  });
});

describe('playMedia', () => {
  it('makes a play queue when the controller sends none, and plays music on the music timeline', async () => {
    const rag = item('Maple Leaf Rag');
    const queues = emulator.state.playQueues.size;
    const response = await playMedia(rag.ratingKey, undefined, 10_000);
    expect(response.status).toBe(200);
    expect(emulator.state.playQueues.size).toBe(queues + 1);
    const music = await timeline('music');
    expect(music).toMatchObject({
      state: 'playing',
      ratingKey: rag.ratingKey,
      time: 10_000,
      playQueueID: expect.any(Number),
      location: 'fullScreenMusic',
    });
    expect(music.videoStreamID).toBeUndefined();
    // Music replaced the movie on the video timeline.
    expect((await timeline('video')).state).toBe('stopped');
    expect(await sessionFor(rag.ratingKey)).toMatchObject({ type: 'track', librarySectionID: '3' });
  });

  it('counts a skipped track for the listener, and shows it on the track', async () => {
    const rag = item('Maple Leaf Rag');
    const album = emulator.state.items.get(rag.parentRatingKey ?? '')!;
    const created = await call(emulator, '/playQueues', {
      method: 'POST',
      query: {
        type: 'audio',
        uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${album.ratingKey}`,
        key: `/library/metadata/${rag.ratingKey}`,
      },
    });
    await playMedia(rag.ratingKey, created.json.MediaContainer.playQueueID);
    expect((await timeline('music')).ratingKey).toBe(rag.ratingKey);
    expect((await send('playback/skipNext', { type: 'music' })).status).toBe(200);
    expect((await timeline('music')).ratingKey).not.toBe(rag.ratingKey);
    const page = await call(emulator, `/library/metadata/${rag.ratingKey}`);
    expect(page.json.MediaContainer.Metadata[0].skipCount).toBe(1);
  });

  it('skips to an item of the queue by key', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    await playMedia(start.ratingKey, queue.id);
    const third = queue.items[2];
    expect(
      (
        await send('playback/skipTo', {
          type: 'video',
          key: `/library/metadata/${third?.ratingKey}`,
        })
      ).status,
    ).toBe(200);
    expect((await timeline()).ratingKey).toBe(third?.ratingKey);
    const outside = item('Detour');
    expect(
      (
        await send('playback/skipTo', {
          type: 'video',
          key: `/library/metadata/${outside.ratingKey}`,
        })
      ).status,
    ).toBe(400);
  });

  it('plays a show’s queue from its selected episode when the key names the show', async () => {
    const { queue, start } = await showQueue('The Beverly Hillbillies', 'The Clampetts Strike Oil');
    await playMedia(item('The Beverly Hillbillies').ratingKey, queue.id);
    expect((await timeline()).ratingKey).toBe(start.ratingKey);
  });

  it('rejects what a player could not play', async () => {
    const detour = item('Detour');
    expect((await send('playback/playMedia', { offset: 0 })).status).toBe(400);
    expect((await playMedia('999999', undefined)).status).toBe(404);
    expect((await playMedia(detour.ratingKey, 424_242)).status).toBe(404);
    const otherServer = await send('playback/playMedia', {
      key: `/library/metadata/${detour.ratingKey}`,
      machineIdentifier: 'some-other-server',
    });
    expect(otherServer.status).toBe(400);
    const { queue } = await showQueue('Bonanza', 'The Newcomers');
    expect((await playMedia(detour.ratingKey, queue.id)).status).toBe(400);
    // Nothing changed on the player.
    expect((await timeline()).ratingKey).toBe(item('Charade').ratingKey);
  });
});
