import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EPOCH } from '../../data/demo/builders.js';
import type { PlexEmulator } from '../../emulator.js';
import { type CallOptions, call, testEmulator } from '../../testing/harness.js';

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});
afterEach(() => emulator.close());

const DAY = 86_400;

function tokenOf(username: string): string {
  const account = [...emulator.state.accounts.values()].find((a) => a.username === username);
  if (!account) throw new Error(`no account ${username}`);
  return account.serverToken;
}

function item(title: string) {
  const found = [...emulator.state.items.values()].find((entry) => entry.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
}

async function history(path = '/status/sessions/history/all', options: CallOptions = {}) {
  const response = await call(emulator, path, options);
  expect(response.status).toBe(200);
  return response.json.MediaContainer;
}

type Entry = { title: string; accountID: number; viewedAt: number; historyKey: string };

describe('GET /status/sessions/history/all', () => {
  it('lists thin entries with string section ids, numeric account and device ids', async () => {
    const mc = await history();
    expect(mc).toMatchObject({ size: 26, totalSize: 26, offset: 0 });
    const bonanza = item('Bonanza');
    const episode = mc.Metadata.find(
      (entry: Entry & { grandparentTitle?: string }) =>
        entry.grandparentTitle === 'Bonanza' && entry.accountID === 3,
    );
    expect(episode).toMatchObject({
      key: `/library/metadata/${episode.ratingKey}`,
      librarySectionID: '2',
      grandparentKey: `/library/metadata/${bonanza.ratingKey}`,
      grandparentTitle: 'Bonanza',
      type: 'episode',
      accountID: 3,
      deviceID: 4,
    });
    expect(episode.historyKey).toMatch(/^\/status\/sessions\/history\/\d+$/);
    expect(typeof episode.viewedAt).toBe('number');
    expect(typeof episode.index).toBe('number');
    expect(typeof episode.parentIndex).toBe('number');
    expect(episode.parentTitle).toBeUndefined();
    expect(episode.Media).toBeUndefined();
    expect(episode.duration).toBeUndefined();

    const track = mc.Metadata.find((entry: { type: string }) => entry.type === 'track');
    expect(track).toMatchObject({ librarySectionID: '3', parentTitle: expect.any(String) });
  });

  it('keeps the recorded order by default and sorts on request', async () => {
    const plain = await history();
    const keys = plain.Metadata.map((entry: Entry) => Number(entry.historyKey.split('/').pop()));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));

    const newest = await history('/status/sessions/history/all', {
      query: { sort: 'viewedAt:desc' },
    });
    const times = newest.Metadata.map((entry: Entry) => entry.viewedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newest.Metadata[0]).toMatchObject({ title: 'Showdown', accountID: 3 });

    const byAccount = await history('/status/sessions/history/all', {
      query: { sort: 'accountID:desc,viewedAt' },
    });
    const pairs = byAccount.Metadata.map((entry: Entry) => [entry.accountID, entry.viewedAt]);
    expect(pairs[0][0]).toBe(4);
    expect(pairs.at(-1)[0]).toBe(1);
    expect(pairs.slice(0, 4).map((pair: number[]) => pair[1])).toEqual(
      pairs
        .slice(0, 4)
        .map((pair: number[]) => pair[1])
        .sort((a: number, b: number) => a - b),
    );

    const bad = await call(emulator, '/status/sessions/history/all', {
      query: { sort: 'shoeSize:desc' },
    });
    expect(bad.status).toBe(400);
  });

  it('filters by account (both spellings), section and item, including a show’s episodes', async () => {
    expect((await history('/status/sessions/history/all', { query: { accountID: 3 } })).size).toBe(
      3,
    );
    expect((await history('/status/sessions/history/all', { query: { accountId: 4 } })).size).toBe(
      4,
    );
    expect(
      (await history('/status/sessions/history/all', { query: { librarySectionID: 1 } })).size,
    ).toBe(13);
    expect(
      (await history('/status/sessions/history/all', { query: { librarySectionID: 3 } })).size,
    ).toBe(3);

    const bonanza = await history('/status/sessions/history/all', {
      query: { metadataItemID: item('Bonanza').ratingKey },
    });
    expect(bonanza.size).toBe(4);
    expect(
      bonanza.Metadata.every((e: { grandparentTitle: string }) => e.grandparentTitle === 'Bonanza'),
    ).toBe(true);

    const movie = await history('/status/sessions/history/all', {
      query: { metadataItemID: item('Night of the Living Dead').ratingKey, accountID: 1 },
    });
    expect(movie.size).toBe(2);

    const bad = await call(emulator, '/status/sessions/history/all', {
      query: { accountID: 'me' },
    });
    expect(bad.status).toBe(400);
  });

  it('filters on viewedAt in the forms clients send', async () => {
    const tenDaysAgo = DEMO_EPOCH - 10 * DAY;
    // python-plexapi's `viewedAt>` key, written raw: `viewedAt>=…` parses as key `viewedAt>`.
    const raw = await history(`/status/sessions/history/all?viewedAt>=${tenDaysAgo}`);
    expect(raw.size).toBe(7);
    expect(raw.Metadata.every((entry: Entry) => entry.viewedAt >= tenDaysAgo)).toBe(true);
    // The same with the operator percent-encoded into the key.
    const encoded = await history(`/status/sessions/history/all?viewedAt%3E%3D=${tenDaysAgo}`);
    expect(encoded.size).toBe(7);
    const before = await history(`/status/sessions/history/all?viewedAt<=${tenDaysAgo}`);
    expect(before.size).toBe(19);

    // `>=` includes the boundary, `>>=` excludes it.
    const newest = (
      await history('/status/sessions/history/all', { query: { sort: 'viewedAt:desc' } })
    ).Metadata[0].viewedAt;
    expect((await history(`/status/sessions/history/all?viewedAt>=${newest}`)).size).toBe(1);
    expect((await history(`/status/sessions/history/all?viewedAt>>=${newest}`)).size).toBe(0);
    expect((await history(`/status/sessions/history/all?viewedAt<<=${newest}`)).size).toBe(25);

    const window = await history(
      `/status/sessions/history/all?viewedAt>=${tenDaysAgo}&viewedAt<=${DEMO_EPOCH - 7 * DAY}&accountID=1`,
    );
    expect(window.Metadata.map((entry: Entry) => entry.title)).toEqual([
      'Night of the Living Dead',
    ]);
  });

  it('pages with X-Plex-Container-Start/Size headers or query', async () => {
    const response = await call(emulator, '/status/sessions/history/all', {
      query: { sort: 'viewedAt:desc' },
      headers: { 'X-Plex-Container-Start': '20', 'X-Plex-Container-Size': '5' },
    });
    expect(response.headers.get('X-Plex-Container-Start')).toBe('20');
    expect(response.headers.get('X-Plex-Container-Total-Size')).toBe('26');
    expect(response.json.MediaContainer).toMatchObject({ size: 5, offset: 20, totalSize: 26 });

    const last = await history('/status/sessions/history/all', {
      query: { 'X-Plex-Container-Start': 25, 'X-Plex-Container-Size': 5 },
    });
    expect(last).toMatchObject({ size: 1, offset: 25, totalSize: 26 });
    const none = await history('/status/sessions/history/all', {
      query: { 'X-Plex-Container-Size': 0 },
    });
    expect(none).toEqual({ size: 0, offset: 0, totalSize: 26 });
  });

  it('shows other accounts only their own plays', async () => {
    const jordan = await history('/status/sessions/history/all', { token: tokenOf('jordan_k') });
    expect(jordan.size).toBe(3);
    expect(jordan.Metadata.every((entry: Entry) => entry.accountID === 3)).toBe(true);
    const peeking = await history('/status/sessions/history/all', {
      token: tokenOf('jordan_k'),
      query: { accountID: 1 },
    });
    expect(peeking.size).toBe(0);
    const unauthenticated = await call(emulator, '/status/sessions/history/all', { token: null });
    expect(unauthenticated.status).toBe(401);
  });

  it('drops key and ratingKey of items deleted since', async () => {
    const plan9 = item('Plan 9 from Outer Space');
    emulator.state.removeItem(plan9.ratingKey);
    const mc = await history('/status/sessions/history/all', { query: { accountID: 3 } });
    const orphan = mc.Metadata.find((entry: { title?: string }) => entry.title === undefined);
    expect(orphan).toEqual({
      historyKey: expect.stringMatching(/^\/status\/sessions\/history\/\d+$/),
      viewedAt: expect.any(Number),
      accountID: 3,
      deviceID: 4,
    });
  });
});

describe('/status/sessions/history/{id}', () => {
  async function jordansFirst(): Promise<string> {
    const mc = await history('/status/sessions/history/all', { query: { accountID: 3 } });
    return mc.Metadata[0].historyKey;
  }

  it('reads one entry; other accounts only their own', async () => {
    const key = await jordansFirst();
    const owner = await history(key);
    expect(owner.size).toBe(1);
    expect(owner.Metadata[0]).toMatchObject({
      historyKey: key,
      accountID: 3,
      librarySectionID: '2',
    });
    expect((await call(emulator, key, { token: tokenOf('jordan_k') })).status).toBe(200);
    expect((await call(emulator, key, { token: tokenOf('sam.rivera') })).status).toBe(403);
    expect((await call(emulator, '/status/sessions/history/99999')).status).toBe(404);
    expect((await call(emulator, '/status/sessions/history/abc')).status).toBe(400);
  });

  it('deletes an entry (owner only) and later reads no longer see it', async () => {
    const key = await jordansFirst();
    const friend = await call(emulator, key, { method: 'DELETE', token: tokenOf('jordan_k') });
    expect(friend.status).toBe(403);

    const deleted = await call(emulator, key, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ MediaContainer: { size: 0 } });
    expect((await call(emulator, key)).status).toBe(404);
    expect((await history()).totalSize).toBe(25);
    expect((await call(emulator, key, { method: 'DELETE' })).status).toBe(404);
  });
});
