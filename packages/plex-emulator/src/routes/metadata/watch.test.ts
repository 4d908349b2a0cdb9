import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';
import { htmlBody, itemByTitle, tokenOf } from './test-support.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);
const LIBRARY = 'com.plexapp.plugins.library';

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

async function detail(ratingKey: string, token?: string) {
  const res = await call(emulator, `/library/metadata/${ratingKey}`, token ? { token } : {});
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Metadata[0];
}

describe('/:/scrobble and /:/unscrobble', () => {
  it('marks a movie played for the caller only, and unplayed again', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade'); // the owner is part-way through it
    const sam = tokenOf(emulator, 'sam.rivera');
    const historyBefore = emulator.state.history.length;
    const before = await detail(movie.ratingKey);
    expect(before.viewOffset).toBeGreaterThan(0);
    expect(before.viewCount).toBeUndefined();

    // python-plexapi's markPlayed() sends GET.
    const res = await call(emulator, '/:/scrobble', {
      query: { key: movie.ratingKey, identifier: LIBRARY },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const played = await detail(movie.ratingKey);
    expect(played.viewCount).toBe(1);
    expect(played.lastViewedAt).toBe(NOW);
    expect(played.viewOffset).toBeUndefined();
    const samView = await detail(movie.ratingKey, sam);
    expect(samView.viewCount).toBeUndefined();
    expect(samView.lastViewedAt).toBeUndefined();
    // PMS writes no history for a scrobble.
    expect(emulator.state.history).toHaveLength(historyBefore);

    await call(emulator, '/:/scrobble', {
      method: 'PUT',
      query: { key: movie.ratingKey, identifier: LIBRARY },
    });
    expect((await detail(movie.ratingKey)).viewCount).toBe(2);

    const un = await call(emulator, '/:/unscrobble', {
      method: 'PUT',
      query: { key: movie.ratingKey, identifier: LIBRARY },
    });
    expect(un.status).toBe(200);
    const unplayed = await detail(movie.ratingKey);
    expect(unplayed.viewCount).toBeUndefined();
    expect(unplayed.lastViewedAt).toBeUndefined();
    expect(unplayed.viewOffset).toBeUndefined();
  });

  it('keeps the rating when unplaying, and acts for whichever account calls', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Night of the Living Dead'); // owner: played twice, rated 10
    const sam = tokenOf(emulator, 'sam.rivera');
    await call(emulator, '/:/scrobble', {
      token: sam,
      query: { key: movie.ratingKey, identifier: LIBRARY },
    });
    expect((await detail(movie.ratingKey, sam)).viewCount).toBe(1);
    expect((await detail(movie.ratingKey)).viewCount).toBe(2);

    await call(emulator, '/:/unscrobble', { query: { key: movie.ratingKey, identifier: LIBRARY } });
    const owner = await detail(movie.ratingKey);
    expect(owner.viewCount).toBeUndefined();
    expect(owner.userRating).toBe(10);
    expect((await detail(movie.ratingKey, sam)).viewCount).toBe(1);
  });

  it('marks every episode of a show, leaving earlier plays counted once', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const jordan = tokenOf(emulator, 'jordan_k');
    const firstEpisode = itemByTitle(emulator, 'A Rose for Lotta', 'episode'); // owner played it once
    expect((await detail(show.ratingKey)).viewedLeafCount).toBe(2);
    const jordanBefore = (await detail(show.ratingKey, jordan)).viewedLeafCount;

    await call(emulator, '/:/scrobble', { query: { key: show.ratingKey, identifier: LIBRARY } });
    const after = await detail(show.ratingKey);
    expect(after.leafCount).toBe(9);
    expect(after.viewedLeafCount).toBe(9);
    expect((await detail(firstEpisode.ratingKey)).viewCount).toBe(1);
    const seasons = await call(emulator, `/library/metadata/${show.ratingKey}/children`);
    for (const season of seasons.json.MediaContainer.Metadata) {
      expect(season.viewedLeafCount).toBe(season.leafCount);
    }
    expect((await detail(show.ratingKey, jordan)).viewedLeafCount).toBe(jordanBefore);

    await call(emulator, '/:/unscrobble', { query: { key: show.ratingKey, identifier: LIBRARY } });
    expect((await detail(show.ratingKey)).viewedLeafCount).toBe(0);
    expect((await detail(firstEpisode.ratingKey)).viewCount).toBeUndefined();
  });

  it('accepts uri= and a /library/metadata key', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const uri = `server://${emulator.machineIdentifier}/${LIBRARY}/library/metadata/${movie.ratingKey}`;
    await call(emulator, '/:/unscrobble', { query: { uri, identifier: LIBRARY } });
    expect((await detail(movie.ratingKey)).viewCount).toBeUndefined();
    await call(emulator, '/:/scrobble', {
      query: { key: `/library/metadata/${movie.ratingKey}`, identifier: LIBRARY },
    });
    expect((await detail(movie.ratingKey)).viewCount).toBe(1);
  });

  it('answers 400 without key or identifier, 404 for unknown items, providers and hidden sections', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const track = itemByTitle(emulator, 'Maple Leaf Rag');
    const noKey = await call(emulator, '/:/scrobble', { query: { identifier: LIBRARY } });
    expect(noKey.status).toBe(400);
    expect(noKey.text).toBe(htmlBody(400));
    expect((await call(emulator, '/:/scrobble', { query: { key: movie.ratingKey } })).status).toBe(
      400,
    );
    expect(
      (
        await call(emulator, '/:/unscrobble', {
          query: { key: movie.ratingKey, identifier: 'tv.plex.provider.vod' },
        })
      ).status,
    ).toBe(404);
    const unknown = await call(emulator, '/:/scrobble', {
      query: { key: '999999', identifier: LIBRARY },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(htmlBody(404));
    const hidden = await call(emulator, '/:/scrobble', {
      token: tokenOf(emulator, 'jordan_k'),
      query: { key: track.ratingKey, identifier: LIBRARY },
    });
    expect(hidden.status).toBe(404);
    expect(
      (await call(emulator, '/:/scrobble', { token: null, query: { key: movie.ratingKey } }))
        .status,
    ).toBe(401);
  });
});

describe('/:/rate', () => {
  it("sets, changes and clears the caller's rating", async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    // python-plexapi's rate(7.0).
    const res = await call(
      emulator,
      `/:/rate?key=${movie.ratingKey}&identifier=${LIBRARY}&rating=7.0`,
      {
        method: 'PUT',
      },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    let item = await detail(movie.ratingKey);
    expect(item.userRating).toBe(7);
    expect(item.lastRatedAt).toBe(NOW);
    expect(
      (await detail(movie.ratingKey, tokenOf(emulator, 'jordan_k'))).userRating,
    ).toBeUndefined();

    await call(emulator, '/:/rate', {
      method: 'PUT',
      query: { key: movie.ratingKey, identifier: LIBRARY, rating: 3.5, ratedAt: NOW - 60 },
    });
    item = await detail(movie.ratingKey);
    expect(item.userRating).toBe(3.5);
    expect(item.lastRatedAt).toBe(NOW - 60);

    // rate(None) sends -1.
    await call(emulator, '/:/rate', {
      method: 'PUT',
      query: { key: movie.ratingKey, identifier: LIBRARY, rating: -1 },
    });
    item = await detail(movie.ratingKey);
    expect(item.userRating).toBeUndefined();
    expect(item.lastRatedAt).toBeUndefined();
    expect(item.viewOffset).toBeGreaterThan(0);
  });

  it('refuses ratings outside 0–10, a missing rating and a future ratedAt', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    const rate = (query: Record<string, string | number>) =>
      call(emulator, '/:/rate', {
        method: 'PUT',
        query: { key: movie.ratingKey, identifier: LIBRARY, ...query },
      });
    expect((await rate({ rating: 11 })).status).toBe(400);
    expect((await rate({ rating: -0.5 })).status).toBe(400);
    expect((await rate({ rating: 'ten' })).status).toBe(400);
    expect((await rate({})).status).toBe(400);
    expect((await rate({ rating: 5, ratedAt: NOW + 3600 })).status).toBe(400);
    expect(
      (
        await call(emulator, '/:/rate', {
          method: 'PUT',
          query: { key: '999999', identifier: LIBRARY, rating: 5 },
        })
      ).status,
    ).toBe(404);
    expect((await detail(movie.ratingKey)).userRating).toBeUndefined();
  });
});

describe('/:/progress', () => {
  it('sets the resume point, finishes the play past 90 % and clears at 0', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const duration = movie.duration ?? 0;
    const owner = () => detail(movie.ratingKey);
    const viewsBefore = (await owner()).viewCount;

    // python-plexapi's updateProgress(time, state) sends GET.
    const res = await call(emulator, '/:/progress', {
      query: { key: movie.ratingKey, identifier: LIBRARY, time: 600000, state: 'stopped' },
    });
    expect(res.status).toBe(200);
    let item = await owner();
    expect(item.viewOffset).toBe(600000);
    expect(item.lastViewedAt).toBe(NOW);

    await call(emulator, '/:/progress', {
      method: 'POST',
      query: { key: movie.ratingKey, time: Math.ceil(duration * 0.95), state: 'stopped' },
    });
    item = await owner();
    expect(item.viewOffset).toBeUndefined();
    expect(item.viewCount).toBe(viewsBefore + 1);
    // A repeated report from the same finished play is not a new view.
    await call(emulator, '/:/progress', {
      query: { key: movie.ratingKey, time: Math.ceil(duration * 0.97) },
    });
    expect((await owner()).viewCount).toBe(viewsBefore + 1);

    await call(emulator, '/:/progress', { query: { key: movie.ratingKey, time: 120000 } });
    expect((await owner()).viewOffset).toBe(120000);
    await call(emulator, '/:/progress', { query: { key: movie.ratingKey, time: 0 } });
    expect((await owner()).viewOffset).toBeUndefined();

    expect((await call(emulator, '/:/progress', { query: { key: movie.ratingKey } })).status).toBe(
      400,
    );
    expect(
      (await call(emulator, '/:/progress', { query: { key: movie.ratingKey, time: -5 } })).status,
    ).toBe(400);
  });
});
