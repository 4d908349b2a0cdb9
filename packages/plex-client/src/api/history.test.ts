import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';
import { clientAs, lastRequest } from '../testing/lookups.js';

describe('history.list', () => {
  it('pages newest first with container start and size, typed entries', async () => {
    const { client, emulator, sent } = emulatorClient();
    const page = await client.history.list({ limit: 5 });

    const request = lastRequest(sent);
    const url = new URL(request.url);
    expect(url.pathname).toBe('/status/sessions/history/all');
    expect(url.searchParams.get('sort')).toBe('viewedAt:desc');
    expect(request.headers.get('X-Plex-Container-Start')).toBe('0');
    expect(request.headers.get('X-Plex-Container-Size')).toBe('5');

    expect(page.totalSize).toBe(emulator.state.history.length);
    expect(page.offset).toBe(0);
    expect(page.items).toHaveLength(5);
    const times = page.items.map((entry) => entry.viewedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const newest = [...emulator.state.history].sort((a, b) => b.viewedAt - a.viewedAt)[0];
    expect(page.items[0]).toMatchObject({
      historyId: String(newest?.historyKey),
      historyKey: `/status/sessions/history/${newest?.historyKey}`,
      ratingKey: newest?.ratingKey,
      accountID: newest?.accountId,
      deviceID: newest?.deviceId,
    });
    expect(typeof page.items[0]?.librarySectionID).toBe('number');
  });

  it('filters with the keys PMS reads: account, section, item, time window', async () => {
    const { client, emulator, sent } = emulatorClient();
    const sam = await client.history.list({ accountId: 4 });
    expect(new URL(lastRequest(sent).url).searchParams.get('accountID')).toBe('4');
    expect(sam.items.length).toBeGreaterThan(0);
    expect(sam.items.every((entry) => entry.accountID === 4)).toBe(true);

    const music = await client.history.list({ sectionId: 3 });
    expect(new URL(lastRequest(sent).url).searchParams.get('librarySectionID')).toBe('3');
    expect(
      music.items.every((entry) => entry.librarySectionID === 3 && entry.type === 'track'),
    ).toBe(true);

    // A show's id matches the plays of its episodes.
    const episodePlay = emulator.state.history.find(
      (entry) => emulator.state.items.get(entry.ratingKey)?.type === 'episode',
    );
    const show = emulator.state.items.get(episodePlay?.ratingKey ?? '')?.grandparentRatingKey ?? '';
    const plays = await client.history.list({ ratingKey: show });
    expect(new URL(lastRequest(sent).url).searchParams.get('metadataItemID')).toBe(show);
    expect(plays.items.length).toBeGreaterThan(0);
    expect(plays.items.every((entry) => entry.type === 'episode')).toBe(true);

    const times = emulator.state.history.map((entry) => entry.viewedAt).sort((a, b) => a - b);
    const since = times[5] ?? 0;
    const until = times[10] ?? 0;
    const window = await client.history.list({ since: new Date(since * 1000), until, limit: 100 });
    const url = new URL(lastRequest(sent).url);
    expect(url.searchParams.get('viewedAt>')).toBe(String(since));
    expect(url.searchParams.get('viewedAt<<')).toBe(String(until));
    const expected = emulator.state.history.filter(
      (e) => e.viewedAt >= since && e.viewedAt < until,
    );
    expect(window.totalSize).toBe(expected.length);
    expect(window.items.every((e) => e.viewedAt >= since && e.viewedAt < until)).toBe(true);
  });

  it('walks every play page by page', async () => {
    const { client, emulator, sent } = emulatorClient();
    const ids: string[] = [];
    for await (const entry of client.history.iterateItems({ pageSize: 10, sort: 'viewedAt:asc' })) {
      ids.push(entry.historyId);
    }
    expect(ids).toHaveLength(emulator.state.history.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sent.map((request) => request.headers.get('X-Plex-Container-Start'))).toEqual([
      '0',
      '10',
      '20',
    ]);
    expect(new URL(sent[0]?.url ?? '').searchParams.get('sort')).toBe('viewedAt:asc');
  });

  it('shows a shared user only their own plays', async () => {
    const { emulator } = emulatorClient();
    const page = await clientAs(emulator, 3).history.list({ limit: 100 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((entry) => entry.accountID === 3)).toBe(true);
  });
});

describe('history.get and delete', () => {
  it('reads one entry, deletes it, and it is gone', async () => {
    const { client, emulator, sent } = emulatorClient();
    const [entry] = (await client.history.list({ limit: 1 })).items;
    const id = entry?.historyId ?? '';
    expect(await client.history.get(id)).toMatchObject({ historyId: id, title: entry?.title });

    await client.history.delete(id);
    expect(lastRequest(sent).method).toBe('DELETE');
    expect(new URL(lastRequest(sent).url).pathname).toBe(`/status/sessions/history/${id}`);
    expect(emulator.state.history.some((e) => String(e.historyKey) === id)).toBe(false);
    await expect(client.history.get(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(clientAs(emulator, 2).history.delete(1)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('keeps entries of deleted items, without their key and title', async () => {
    const { client, emulator } = emulatorClient();
    const play = emulator.state.history[0];
    emulator.state.items.delete(play?.ratingKey ?? '');
    const entry = await client.history.get(play?.historyKey ?? 0);
    expect(entry.ratingKey).toBeUndefined();
    expect(entry.title).toBeUndefined();
    expect(entry).toMatchObject({ viewedAt: play?.viewedAt, accountID: play?.accountId });
  });
});
