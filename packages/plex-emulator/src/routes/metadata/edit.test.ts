import { afterEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../../emulator.js';
import { call, TEST_NOW_MS, testEmulator } from '../../testing/harness.js';
import { htmlBody, itemByTitle, tokenOf } from './test-support.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);

let emulator: PlexEmulator;
afterEach(async () => {
  await emulator.close();
});

/** Reads one item back the way python-plexapi reloads after an edit. */
async function detail(ratingKey: string, token?: string) {
  const res = await call(emulator, `/library/metadata/${ratingKey}`, token ? { token } : {});
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Metadata[0];
}

function tags(element: { tag: string }[] | undefined): string[] {
  return (element ?? []).map((tag) => tag.tag);
}

function lockedFields(item: { Field?: { name: string; locked: boolean }[] }): string[] {
  return (item.Field ?? []).filter((field) => field.locked).map((field) => field.name);
}

function timelineEntries() {
  return emulator.notifications
    .history()
    .filter((n) => n.type === 'timeline')
    .flatMap((n) => n.entries);
}

describe('PUT /library/sections/{id}/all (python-plexapi edit syntax)', () => {
  it('edits and locks a field, bumps updatedAt and announces the change', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const before = movie.updatedAt;
    // Exactly what `movie.editTitle('Detour (Restored)')` sends: sorted keys, quoted value.
    const res = await call(
      emulator,
      `/library/sections/1/all?id=${movie.ratingKey}&title.locked=1&title.value=Detour%20%28Restored%29&type=1`,
      { method: 'PUT' },
    );
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const item = await detail(movie.ratingKey);
    expect(item.title).toBe('Detour (Restored)');
    expect(lockedFields(item)).toContain('title');
    expect(item.updatedAt).toBe(NOW);
    expect(before).not.toBe(NOW);
    expect(item.thumb).toBe(`/library/metadata/${movie.ratingKey}/thumb/${NOW}`);
    expect(timelineEntries()).toContainEqual(
      expect.objectContaining({
        itemID: movie.ratingKey,
        sectionID: '1',
        type: 1,
        state: 5,
        title: 'Detour (Restored)',
        identifier: 'com.plexapp.plugins.library',
      }),
    );
  });

  it('edits many fields in one request, clears with an empty value and unlocks with .locked=0', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    const query = new URLSearchParams({
      type: '1',
      id: movie.ratingKey,
      'titleSort.value': 'Charade 1963',
      'originalTitle.value': 'Charade (Universal)',
      'tagline.value': 'Delightfully witty.',
      'studio.value': 'Stanley Donen Films',
      'contentRating.value': 'Approved',
      'originallyAvailableAt.value': '1963-12-05',
      'year.value': '1964',
      'summary.value': '',
      'summary.locked': '0',
    });
    const res = await call(emulator, `/library/sections/1/all?${query}`, { method: 'PUT' });
    expect(res.status).toBe(200);
    const item = await detail(movie.ratingKey);
    expect(item).toMatchObject({
      titleSort: 'Charade 1963',
      originalTitle: 'Charade (Universal)',
      tagline: 'Delightfully witty.',
      studio: 'Stanley Donen Films',
      contentRating: 'Approved',
      originallyAvailableAt: '1963-12-05',
      year: 1964,
      summary: '',
    });
    expect(lockedFields(item).sort()).toEqual(
      [
        'contentRating',
        'originalTitle',
        'originallyAvailableAt',
        'studio',
        'tagline',
        'titleSort',
        'year',
      ].sort(),
    );

    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&year.locked=0&titleSort.locked=0`,
      {
        method: 'PUT',
      },
    );
    const unlocked = await detail(movie.ratingKey);
    expect(lockedFields(unlocked)).not.toContain('year');
    expect(lockedFields(unlocked)).not.toContain('titleSort');
    expect(unlocked.year).toBe(1964);
  });

  it('adds tags (union with the existing ones), removes double-encoded names and locks the kind', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Night of the Living Dead'); // Horror, Thriller
    // movie.addGenre('Sci-Fi & Fantasy'): existing genres re-sent, then the new one.
    const add = await call(
      emulator,
      `/library/sections/1/all?genre.locked=1&genre[0].tag.tag=Horror&genre[1].tag.tag=Thriller&genre[2].tag.tag=Sci-Fi%20%26%20Fantasy&id=${movie.ratingKey}&type=1`,
      { method: 'PUT' },
    );
    expect(add.status).toBe(200);
    let item = await detail(movie.ratingKey);
    expect(tags(item.Genre)).toEqual(['Horror', 'Thriller', 'Sci-Fi & Fantasy']);
    expect(lockedFields(item)).toContain('genre');

    // A client that sends only the new tag (escaped brackets this time) adds it too.
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&genre%5B0%5D.tag.tag=Cult`,
      {
        method: 'PUT',
      },
    );
    item = await detail(movie.ratingKey);
    expect(tags(item.Genre)).toEqual(['Horror', 'Thriller', 'Sci-Fi & Fantasy', 'Cult']);

    // movie.removeGenre(['Thriller', 'Sci-Fi & Fantasy']): a comma list, each name quoted twice.
    const remove = await call(
      emulator,
      `/library/sections/1/all?genre.locked=1&genre[].tag.tag-=Thriller%2CSci-Fi%2520%2526%2520Fantasy&id=${movie.ratingKey}&type=1`,
      { method: 'PUT' },
    );
    expect(remove.status).toBe(200);
    item = await detail(movie.ratingKey);
    expect(tags(item.Genre)).toEqual(['Horror', 'Cult']);

    // Labels on their own kind (the demo film already has some), then `label[].tag` clears
    // them all; the lock can be lifted.
    const existing = tags((await detail(movie.ratingKey)).Label);
    expect(existing).toContain('Halloween');
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&label[0].tag.tag=Halloween&label[1].tag.tag=Favourite&label.locked=1`,
      { method: 'PUT' },
    );
    expect(tags((await detail(movie.ratingKey)).Label)).toEqual([...existing, 'Favourite']);
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&label[].tag=&label.locked=0`,
      {
        method: 'PUT',
      },
    );
    item = await detail(movie.ratingKey);
    expect(item.Label).toBeUndefined();
    expect(lockedFields(item)).not.toContain('label');
  });

  it('adds cast with their characters through actor[i].tag.tag and tagging.text', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&actor[0].tag.tag=Jane%20Doe&actor[0].tagging.text=The%20Hitchhiker&director[0].tag.tag=Second%20Unit`,
      { method: 'PUT' },
    );
    const item = await detail(movie.ratingKey);
    expect(item.Role.at(-1)).toMatchObject({ tag: 'Jane Doe', role: 'The Hitchhiker' });
    expect(tags(item.Director)).toEqual(['Edgar G. Ulmer', 'Second Unit']);
    expect(lockedFields(item)).toEqual(expect.arrayContaining(['actor', 'director']));
  });

  it('edits a comma list of items, and every item of a type when no id is given', async () => {
    emulator = testEmulator();
    const a = itemByTitle(emulator, 'Detour');
    const b = itemByTitle(emulator, 'D.O.A.');
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${a.ratingKey}%2C${b.ratingKey}&label[0].tag.tag=Noir`,
      {
        method: 'PUT',
      },
    );
    expect(tags((await detail(a.ratingKey)).Label)).toContain('Noir');
    expect(tags((await detail(b.ratingKey)).Label)).toContain('Noir');

    // python-plexapi's section.lockAllField('thumb').
    const lockAll = await call(emulator, '/library/sections/1/all?thumb.locked=1&type=1', {
      method: 'PUT',
    });
    expect(lockAll.status).toBe(200);
    const movies = [...emulator.state.items.values()].filter((item) => item.type === 'movie');
    expect(movies.every((movie) => movie.locked.has('thumb'))).toBe(true);
    const collection = itemByTitle(emulator, 'Silent Era', 'collection');
    expect(collection.locked.has('thumb')).toBe(false);
  });

  it("sets the caller's userRating through userRating.value", async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Charade');
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&userRating.value=7.5`,
      {
        method: 'PUT',
      },
    );
    const item = await detail(movie.ratingKey);
    expect(item.userRating).toBe(7.5);
    expect(item.lastRatedAt).toBe(NOW);
    const friend = await detail(movie.ratingKey, tokenOf(emulator, 'jordan_k'));
    expect(friend.userRating).toBeUndefined();
  });

  it('refuses bad input without changing anything', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Detour');
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const put = (path: string, token?: string) =>
      call(emulator, path, { method: 'PUT', ...(token ? { token } : {}) });

    const badDate = await put(
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&title.value=Changed&originallyAvailableAt.value=1945-13-45`,
    );
    expect(badDate.status).toBe(400);
    expect(badDate.text).toBe(htmlBody(400));
    expect(movie.title).toBe('Detour');

    expect(
      (await put(`/library/sections/1/all?type=2&id=${movie.ratingKey}&title.value=X`)).status,
    ).toBe(400);
    expect(
      (await put(`/library/sections/1/all?type=77&id=${movie.ratingKey}&title.value=X`)).status,
    ).toBe(400);
    expect(
      (await put(`/library/sections/1/all?type=1&id=${movie.ratingKey}&title.value=`)).status,
    ).toBe(400);
    expect(
      (await put(`/library/sections/1/all?type=1&id=${movie.ratingKey}&year.value=nineteen`))
        .status,
    ).toBe(400);
    expect((await put('/library/sections/1/all?title.value=X')).status).toBe(400);
    expect(
      (await put(`/library/sections/1/all?type=2&id=${show.ratingKey}&title.value=X`)).status,
    ).toBe(404);
    expect((await put('/library/sections/1/all?type=1&id=999999&title.value=X')).status).toBe(404);
    expect(
      (await put(`/library/sections/99/all?type=1&id=${movie.ratingKey}&title.value=X`)).status,
    ).toBe(404);
    const friend = await put(
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&title.value=X`,
      tokenOf(emulator, 'jordan_k'),
    );
    expect(friend.status).toBe(403);
    expect(movie.title).toBe('Detour');
    expect(movie.locked.has('title')).toBe(false);
    expect(timelineEntries()).toEqual([]);
  });
});

describe('collection tags and collection membership', () => {
  it("adding an existing collection's tag puts the item in that collection", async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Night of the Living Dead');
    const noir = itemByTitle(emulator, 'Film Noir', 'collection');
    await call(
      emulator,
      `/library/sections/1/all?collection.locked=1&collection[0].tag.tag=Film%20Noir&id=${movie.ratingKey}&type=1`,
      { method: 'PUT' },
    );
    expect(tags((await detail(movie.ratingKey)).Collection)).toEqual(['Film Noir']);
    const children = await call(emulator, `/library/metadata/${noir.ratingKey}/children`);
    expect(children.json.MediaContainer.Metadata.map((m: { title: string }) => m.title)).toContain(
      'Night of the Living Dead',
    );
    expect((await detail(noir.ratingKey)).childCount).toBe('4');
    expect(timelineEntries()).toContainEqual(
      expect.objectContaining({ itemID: noir.ratingKey, state: 5 }),
    );
  });

  it('a new collection tag creates the collection, as PMS does', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Carnival of Souls');
    await call(
      emulator,
      `/library/sections/1/all?type=1&id=${movie.ratingKey}&collection[0].tag.tag=Midnight%20Movies`,
      {
        method: 'PUT',
      },
    );
    const created = itemByTitle(emulator, 'Midnight Movies', 'collection');
    expect(created.sectionId).toBe(1);
    expect(created.childKeys).toEqual([movie.ratingKey]);
    const read = await detail(created.ratingKey);
    expect(read).toMatchObject({
      type: 'collection',
      subtype: 'movie',
      title: 'Midnight Movies',
      childCount: '1',
      smart: '0',
      addedAt: NOW,
    });
    expect(timelineEntries()).toContainEqual(
      expect.objectContaining({ itemID: created.ratingKey, type: 18, state: 0 }),
    );
  });

  it('removing the tag takes the item out of the collection', async () => {
    emulator = testEmulator();
    const movie = itemByTitle(emulator, 'Nosferatu');
    const silent = itemByTitle(emulator, 'Silent Era', 'collection');
    const res = await call(
      emulator,
      `/library/sections/1/all?collection.locked=1&collection[].tag.tag-=Silent%2520Era&id=${movie.ratingKey}&type=1`,
      { method: 'PUT' },
    );
    expect(res.status).toBe(200);
    expect((await detail(movie.ratingKey)).Collection).toBeUndefined();
    const children = await call(emulator, `/library/metadata/${silent.ratingKey}/children`);
    expect(children.json.MediaContainer.size).toBe(7);
    expect(
      children.json.MediaContainer.Metadata.map((m: { title: string }) => m.title),
    ).not.toContain('Nosferatu');
  });

  it("renaming a collection renames its members' tags; a taken title is 409", async () => {
    emulator = testEmulator();
    const noir = itemByTitle(emulator, 'Film Noir', 'collection');
    const member = itemByTitle(emulator, 'Detour');
    const rename = await call(
      emulator,
      `/library/sections/1/all?type=18&id=${noir.ratingKey}&title.value=Noir%20Classics&title.locked=1`,
      { method: 'PUT' },
    );
    expect(rename.status).toBe(200);
    expect((await detail(noir.ratingKey)).title).toBe('Noir Classics');
    expect(tags((await detail(member.ratingKey)).Collection)).toEqual(['Noir Classics']);

    const taken = await call(
      emulator,
      `/library/sections/1/all?type=18&id=${noir.ratingKey}&title.value=Silent%20Era`,
      {
        method: 'PUT',
      },
    );
    expect(taken.status).toBe(409);
    expect(taken.text).toBe(htmlBody(409));
    expect(noir.title).toBe('Noir Classics');
  });
});

describe('PUT /library/metadata/{ids}', () => {
  it('takes the same edit syntax addressed by ratingKey', async () => {
    emulator = testEmulator();
    const show = itemByTitle(emulator, 'Bonanza', 'show');
    const res = await call(
      emulator,
      `/library/metadata/${show.ratingKey}?summary.value=The%20Cartwrights%20of%20the%20Ponderosa.&genre[0].tag.tag=Family`,
      { method: 'PUT' },
    );
    expect(res.status).toBe(200);
    const item = await detail(show.ratingKey);
    expect(item.summary).toBe('The Cartwrights of the Ponderosa.');
    expect(tags(item.Genre)).toEqual(['Western', 'Drama', 'Family']);
    expect(lockedFields(item)).toEqual(expect.arrayContaining(['summary', 'genre']));
    expect(
      (await call(emulator, '/library/metadata/999999?title.value=X', { method: 'PUT' })).status,
    ).toBe(404);
  });
});

describe('PUT /library/metadata/{id}/prefs', () => {
  it('hands collection mode and order to the collection routes; other items are 400', async () => {
    emulator = testEmulator();
    const silent = itemByTitle(emulator, 'Silent Era', 'collection');
    const res = await call(
      emulator,
      `/library/metadata/${silent.ratingKey}/prefs?collectionSort=1`,
      {
        method: 'PUT',
      },
    );
    expect(res.status).toBe(200);
    const children = await call(emulator, `/library/metadata/${silent.ratingKey}/children`);
    const titles = children.json.MediaContainer.Metadata.map(
      (m: { titleSort?: string; title: string }) => (m.titleSort ?? m.title).toLowerCase(),
    );
    expect(titles).toEqual([...titles].sort());
    expect(
      (
        await call(emulator, `/library/metadata/${silent.ratingKey}/prefs?collectionSort=9`, {
          method: 'PUT',
        })
      ).status,
    ).toBe(400);
    const movie = itemByTitle(emulator, 'Detour');
    expect(
      (await call(emulator, `/library/metadata/${movie.ratingKey}/prefs?foo=1`, { method: 'PUT' }))
        .status,
    ).toBe(400);
  });
});
