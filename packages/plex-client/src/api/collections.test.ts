import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';
import { clientAs, itemByTitle, lastCall } from '../testing/lookups.js';

/** A fresh emulator with a two-film collection made through the client. */
async function withCollection() {
  const setup = emulatorClient();
  const films = ['Night of the Living Dead', 'His Girl Friday'].map((t) =>
    itemByTitle(setup.emulator, t),
  );
  const collection = await setup.client.collections.create({
    sectionId: 1,
    title: 'Test Picks',
    type: 'movie',
    ratingKeys: films.map((film) => film.ratingKey),
  });
  setup.sent.length = 0;
  return { ...setup, films, collection };
}

describe('collections.list, get, items', () => {
  it('lists a section’s collections with numbers where Plex sends strings', async () => {
    const { client, emulator, sent } = emulatorClient();
    const page = await client.collections.list(1);
    const request = sent.at(-1);
    expect(new URL(request?.url ?? '').pathname).toBe('/library/sections/1/collections');
    expect(request?.headers.get('X-Plex-Container-Size')).toBe('50');
    expect(page.totalSize).toBe(2);
    const noir = page.items.find((c) => c.title === 'Film Noir');
    expect(noir).toMatchObject({
      type: 'collection',
      subtype: 'movie',
      childCount: 3,
      smart: false,
      collectionMode: -1,
      collectionSort: 0,
      librarySectionID: 1,
    });
    expect(typeof noir?.minYear).toBe('number');

    expect(await client.collections.get(noir?.ratingKey ?? '')).toMatchObject({
      title: 'Film Noir',
    });
    const members = await client.collections.items(noir?.ratingKey ?? '', { limit: 2 });
    expect(lastCall(sent).url.pathname).toBe(`/library/collections/${noir?.ratingKey}/children`);
    expect(members.totalSize).toBe(3);
    expect(members.items).toHaveLength(2);
    const all = [];
    for await (const item of client.collections.iterateItems(noir?.ratingKey ?? '', {
      pageSize: 2,
    })) {
      all.push(item.ratingKey);
    }
    const stored = emulator.state.items.get(noir?.ratingKey ?? '');
    expect(all.sort()).toEqual([...(stored?.childKeys ?? [])].sort());

    await expect(client.collections.list(99)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('collection writes', () => {
  it('creates with a server:// URI and numeric type, summary through the edit form', async () => {
    const { client, emulator, sent } = emulatorClient();
    const films = ['Detour', 'Charade'].map((t) => itemByTitle(emulator, t));
    const created = await client.collections.create({
      sectionId: 1,
      title: 'Mysteries',
      type: 'movie',
      ratingKeys: films.map((film) => film.ratingKey),
      summary: 'Whodunnits',
    });
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /identity',
      'POST /library/collections',
      'PUT /library/sections/1/all',
    ]);
    expect(Object.fromEntries(new URL(sent[1]?.url ?? '').searchParams)).toEqual({
      sectionId: '1',
      title: 'Mysteries',
      type: '1',
      smart: '0',
      uri: `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${films[0]?.ratingKey},${films[1]?.ratingKey}`,
    });
    const edit = new URL(sent[2]?.url ?? '').searchParams;
    expect(edit.get('type')).toBe('18');
    expect(edit.get('id')).toBe(created.ratingKey);
    expect(edit.get('summary.value')).toBe('Whodunnits');
    expect(edit.get('summary.locked')).toBe('1');

    expect(created).toMatchObject({ title: 'Mysteries', childCount: 2, librarySectionID: 1 });
    const stored = emulator.state.items.get(created.ratingKey);
    expect(stored).toMatchObject({ type: 'collection', title: 'Mysteries', summary: 'Whodunnits' });
    expect(stored?.childKeys.sort()).toEqual(films.map((film) => film.ratingKey).sort());
  });

  it('creates an empty collection without a uri (and without /identity)', async () => {
    const { client, sent } = emulatorClient();
    const empty = await client.collections.create({
      sectionId: 2,
      title: 'Later',
      type: 'show',
      ratingKeys: [],
    });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/library/collections']);
    expect(new URL(sent[0]?.url ?? '').searchParams.has('uri')).toBe(false);
    expect(new URL(sent[0]?.url ?? '').searchParams.get('type')).toBe('2');
    expect(empty).toMatchObject({ title: 'Later', subtype: 'show', librarySectionID: 2 });
  });

  it('adds, orders custom, moves and removes members', async () => {
    const { client, emulator, collection, films, sent } = await withCollection();
    const detour = itemByTitle(emulator, 'Detour');
    const added = await client.collections.addItems(collection.ratingKey, [detour.ratingKey]);
    expect(lastCall(sent)).toMatchObject({ method: 'PUT' });
    expect(lastCall(sent).url.pathname).toBe(`/library/collections/${collection.ratingKey}/items`);
    expect(added.childCount).toBe(3);

    await client.collections.setOrder(collection.ratingKey, 'custom');
    expect(lastCall(sent)).toMatchObject({ method: 'PUT' });
    expect(lastCall(sent).url.pathname).toBe(`/library/metadata/${collection.ratingKey}/prefs`);
    expect(lastCall(sent).url.searchParams.get('collectionSort')).toBe('2');

    await client.collections.moveItem(collection.ratingKey, detour.ratingKey);
    expect(lastCall(sent).url.pathname).toBe(
      `/library/collections/${collection.ratingKey}/items/${detour.ratingKey}/move`,
    );
    expect(lastCall(sent).url.searchParams.has('after')).toBe(false);
    const order = async () =>
      (await client.collections.items(collection.ratingKey)).items.map((item) => item.title);
    expect((await order())[0]).toBe('Detour');

    await client.collections.moveItem(collection.ratingKey, detour.ratingKey, {
      after: films[1]?.ratingKey,
    });
    expect(lastCall(sent).url.searchParams.get('after')).toBe(films[1]?.ratingKey);
    expect((await order()).at(-1)).toBe('Detour');

    const removed = await client.collections.removeItem(
      collection.ratingKey,
      films[0]?.ratingKey ?? '',
    );
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(removed.childCount).toBe(2);
    expect(await order()).not.toContain(films[0]?.title);
    await expect(
      client.collections.removeItem(collection.ratingKey, films[0]?.ratingKey ?? ''),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('sets the mode and order by name', async () => {
    const { client, emulator, collection, sent } = await withCollection();
    await client.collections.setMode(collection.ratingKey, 'hideItems');
    expect(lastCall(sent).url.searchParams.get('collectionMode')).toBe('1');
    await client.collections.setOrder(collection.ratingKey, 'alpha');
    expect(lastCall(sent).url.searchParams.get('collectionSort')).toBe('1');
    expect(await client.collections.get(collection.ratingKey)).toMatchObject({
      collectionMode: 1,
      collectionSort: 1,
    });
    expect(emulator.state.items.get(collection.ratingKey)).toMatchObject({
      collectionMode: '1',
      collectionSort: '1',
    });
    await expect(client.collections.setMode(collection.ratingKey, 'loud' as never)).rejects.toThrow(
      TypeError,
    );
  });

  it('edits fields and labels through the section edit form and locks them', async () => {
    const { client, emulator, collection, sent } = await withCollection();
    await client.collections.edit(collection.ratingKey, {
      title: 'Renamed Picks',
      titleSort: 'Picks',
      contentRating: 'PG',
      addLabels: ['Favorites', 'Classics'],
    });
    // Reading the collection first: its section and existing labels.
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      `GET /library/metadata/${collection.ratingKey}`,
      'PUT /library/sections/1/all',
    ]);
    const query = new URL(sent[1]?.url ?? '').searchParams;
    expect(query.get('type')).toBe('18');
    expect(query.get('id')).toBe(collection.ratingKey);
    expect(query.get('title.value')).toBe('Renamed Picks');
    expect(query.get('title.locked')).toBe('1');
    expect(query.get('contentRating.value')).toBe('PG');
    expect(query.get('label[0].tag.tag')).toBe('Favorites');
    expect(query.get('label[1].tag.tag')).toBe('Classics');
    expect(query.get('label.locked')).toBe('1');

    const edited = await client.collections.get(collection.ratingKey);
    expect(edited).toMatchObject({
      title: 'Renamed Picks',
      titleSort: 'Picks',
      contentRating: 'PG',
    });
    expect(edited.Label.map((label) => label.tag).sort()).toEqual(['Classics', 'Favorites']);
    expect(emulator.state.items.get(collection.ratingKey)?.locked.has('title')).toBe(true);

    sent.length = 0;
    await client.collections.edit(collection.ratingKey, {
      sectionId: 1,
      removeLabels: ['Classics'],
    });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/library/sections/1/all']);
    expect(new URL(sent[0]?.url ?? '').searchParams.get('label[].tag.tag-')).toBe('Classics');
    const after = await client.collections.get(collection.ratingKey);
    expect(after.Label.map((label) => label.tag)).toEqual(['Favorites']);

    await expect(
      client.collections.edit(collection.ratingKey, { sectionId: 1 }),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('deletes a collection; its members stay', async () => {
    const { client, emulator, collection, films, sent } = await withCollection();
    await client.collections.delete(collection.ratingKey);
    expect(lastCall(sent)).toMatchObject({ method: 'DELETE' });
    expect(lastCall(sent).url.pathname).toBe(`/library/collections/${collection.ratingKey}`);
    expect(emulator.state.items.has(collection.ratingKey)).toBe(false);
    expect(emulator.state.items.has(films[0]?.ratingKey ?? '')).toBe(true);
    await expect(client.collections.get(collection.ratingKey)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('sets a poster, and refuses writes from a shared user', async () => {
    const { client, emulator, collection } = await withCollection();
    await client.collections.uploadPoster(collection.ratingKey, {
      url: 'https://example.com/poster.jpg',
    });
    expect((await client.collections.get(collection.ratingKey)).thumb).toMatch(
      new RegExp(`^/library/metadata/${collection.ratingKey}/thumb/`),
    );
    // PMS answers non-admin library writes with 401 or 403 depending on the route.
    const error = await clientAs(emulator, 3)
      .collections.delete(collection.ratingKey)
      .catch((caught: { code?: string }) => caught);
    expect(['UNAUTHORIZED', 'FORBIDDEN']).toContain((error as { code?: string }).code);
    expect(emulator.state.items.has(collection.ratingKey)).toBe(true);
  });
});
