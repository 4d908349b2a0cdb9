import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexEmulator } from '../emulator.js';
import type { ItemRecord } from '../state/types.js';
import { call, TEST_NOW_MS, testEmulator } from '../testing/harness.js';

const NOW = Math.floor(TEST_NOW_MS / 1000);

let emulator: PlexEmulator;
beforeEach(() => {
  emulator = testEmulator();
});

function item(title: string, type: ItemRecord['type'] = 'movie'): ItemRecord {
  const found = [...emulator.state.items.values()].find(
    (i) => i.title === title && i.type === type,
  );
  if (!found) throw new Error(`no demo item ${title}`);
  return found;
}

function uri(...items: ItemRecord[]): string {
  const keys = items.map((i) => i.ratingKey).join(',');
  return `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${keys}`;
}

/** Collection tag names on an item, as `GET /library/metadata/{id}` shows them. */
async function collectionTags(member: ItemRecord): Promise<string[]> {
  const res = await call(emulator, `/library/metadata/${member.ratingKey}`);
  return (res.json.MediaContainer.Metadata[0].Collection ?? []).map((t: { tag: string }) => t.tag);
}

async function memberTitles(id: string, path = 'children'): Promise<string[]> {
  const res = await call(emulator, `/library/collections/${id}/${path}`);
  return (res.json.MediaContainer.Metadata ?? []).map((m: { title: string }) => m.title);
}

async function createCollection(title: string, members: ItemRecord[]): Promise<string> {
  const res = await call(emulator, '/library/collections', {
    method: 'POST',
    query: { uri: uri(...members), type: 1, title, smart: 0, sectionId: 1 },
  });
  expect(res.status).toBe(200);
  return res.json.MediaContainer.Metadata[0].ratingKey;
}

describe('GET /library/sections/{id}/collections', () => {
  it('lists the section collections with counts, hoisted section fields and paging', async () => {
    const res = await call(emulator, '/library/sections/1/collections');
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 2,
      totalSize: 2,
      librarySectionID: 1,
      librarySectionTitle: 'Movies',
    });
    expect(mc.Metadata.map((c: { title: string }) => c.title)).toEqual(['Film Noir', 'Silent Era']);
    const noir = mc.Metadata[0];
    expect(noir).toMatchObject({
      type: 'collection',
      subtype: 'movie',
      childCount: '3',
      smart: '0',
      minYear: '1945',
      maxYear: '1949',
    });
    expect(noir.key).toBe(`/library/metadata/${noir.ratingKey}/children`);

    const page = await call(emulator, '/library/sections/1/collections', {
      headers: { 'X-Plex-Container-Start': '1', 'X-Plex-Container-Size': '1' },
    });
    expect(page.json.MediaContainer.Metadata.map((c: { title: string }) => c.title)).toEqual([
      'Silent Era',
    ]);
    expect(page.headers.get('X-Plex-Container-Total-Size')).toBe('2');
  });

  it('answers an empty container for a section without collections and 404 for unknown ones', async () => {
    const tv = await call(emulator, '/library/sections/2/collections');
    expect(tv.json.MediaContainer).toMatchObject({ size: 0, totalSize: 0 });
    expect(tv.json.MediaContainer).not.toHaveProperty('Metadata');
    expect((await call(emulator, '/library/sections/99/collections')).status).toBe(404);
  });

  it("hides unshared sections' collections from friends", async () => {
    const sam = emulator.state.accounts.get(4)?.serverToken ?? '';
    expect((await call(emulator, '/library/sections/1/collections', { token: sam })).status).toBe(
      200,
    );
    expect((await call(emulator, '/library/sections/2/collections', { token: sam })).status).toBe(
      404,
    );
  });
});

describe('collection lifecycle', () => {
  it('creates from a uri, tags the members, and reads the members back', async () => {
    const detour = item('Detour');
    const charade = item('Charade');
    const res = await call(emulator, '/library/collections', {
      method: 'POST',
      query: { uri: uri(detour, charade), type: 1, title: 'Thrillers', smart: 0, sectionId: 1 },
    });
    expect(res.status).toBe(200);
    const mc = res.json.MediaContainer;
    expect(mc).toMatchObject({
      size: 1,
      librarySectionID: 1,
      identifier: 'com.plexapp.plugins.library',
    });
    const created = mc.Metadata[0];
    expect(created).toMatchObject({
      type: 'collection',
      title: 'Thrillers',
      subtype: 'movie',
      childCount: '2',
      smart: '0',
      addedAt: NOW,
      librarySectionID: 1,
    });
    expect(created.guid).toMatch(/^collection:\/\/[0-9a-f-]{36}$/);
    expect(await collectionTags(detour)).toContain('Thrillers');
    expect(await collectionTags(charade)).toEqual(['Thrillers']);
    // Default order is by release date: Detour (1945) before Charade (1963).
    expect(await memberTitles(created.ratingKey)).toEqual(['Detour', 'Charade']);
    expect(await memberTitles(created.ratingKey, 'items')).toEqual(['Detour', 'Charade']);
    const listed = await call(emulator, '/library/sections/1/collections');
    expect(listed.json.MediaContainer.Metadata.map((c: { title: string }) => c.title)).toContain(
      'Thrillers',
    );
    expect(emulator.notifications.history().at(-1)?.entries[0]).toMatchObject({
      itemID: created.ratingKey,
      type: 18,
      state: 0,
    });
  });

  it('creates blank collections (no uri) and answers 400 for what PMS refuses', async () => {
    const blank = await call(emulator, '/library/collections', {
      method: 'POST',
      query: { type: 1, title: 'Later', smart: 0, sectionId: 1 },
    });
    expect(blank.status).toBe(200);
    expect(blank.json.MediaContainer.Metadata[0]).toMatchObject({
      title: 'Later',
      childCount: '0',
    });

    const bad = async (query: Record<string, string | number>) =>
      (await call(emulator, '/library/collections', { method: 'POST', query })).status;
    expect(await bad({ type: 1, smart: 0, sectionId: 1 })).toBe(400);
    expect(await bad({ type: 1, title: 'X', smart: 0 })).toBe(400);
    expect(await bad({ type: 1, title: 'X', smart: 0, sectionId: 42 })).toBe(400);
    expect(await bad({ title: 'X', smart: 0, sectionId: 1 })).toBe(400);
    expect(await bad({ type: 1, title: 'X', smart: 1, sectionId: 1 })).toBe(400);
    const alex = emulator.state.accounts.get(2)?.serverToken ?? '';
    const asAlex = await call(emulator, '/library/collections', {
      method: 'POST',
      token: alex,
      query: { type: 1, title: 'Mine', smart: 0, sectionId: 1 },
    });
    // A valid token that is not the admin's is refused (403); 401 is for a bad or missing token.
    expect(asAlex.status).toBe(403);
    const noir = item('Film Noir', 'collection');
    const before = { mode: noir.collectionMode, sort: noir.collectionSort };
    for (const [method, path] of [
      ['PUT', `/library/collections/${noir.ratingKey}/prefs?collectionMode=1`],
      ['DELETE', `/library/collections/${noir.ratingKey}`],
      ['PUT', `/library/metadata/${noir.ratingKey}/prefs?collectionSort=1`],
    ] as const) {
      expect((await call(emulator, path, { method, token: alex })).status).toBe(403);
      expect((await call(emulator, path, { method, token: 'not-a-token' })).status).toBe(401);
    }
    expect({ mode: noir.collectionMode, sort: noir.collectionSort }).toEqual(before);
    expect(emulator.state.items.has(noir.ratingKey)).toBe(true);
  });

  it('adds without duplicates, removes (untagging), moves in custom order, and deletes', async () => {
    const [detour, charade, metropolis] = ['Detour', 'Charade', 'Metropolis'].map((t) => item(t));
    const id = await createCollection('Work', [detour as ItemRecord, charade as ItemRecord]);

    const added = await call(emulator, `/library/collections/${id}/items`, {
      method: 'PUT',
      query: { uri: uri(charade as ItemRecord, metropolis as ItemRecord) },
    });
    expect(added.status).toBe(200);
    expect(added.json.MediaContainer.Metadata[0].childCount).toBe('3');
    expect(await memberTitles(id)).toEqual(['Metropolis', 'Detour', 'Charade']);
    expect(await collectionTags(metropolis as ItemRecord)).toContain('Work');

    const removed = await call(emulator, `/library/collections/${id}/items/${detour?.ratingKey}`, {
      method: 'DELETE',
    });
    expect(removed.json.MediaContainer.Metadata[0].childCount).toBe('2');
    expect(await collectionTags(detour as ItemRecord)).not.toContain('Work');
    const notMember = await call(
      emulator,
      `/library/collections/${id}/items/${detour?.ratingKey}`,
      {
        method: 'DELETE',
      },
    );
    expect(notMember.status).toBe(400);

    const custom = await call(emulator, `/library/collections/${id}/prefs`, {
      method: 'PUT',
      query: { collectionSort: 2, collectionMode: 1 },
    });
    expect(custom.status).toBe(200);
    const moved = await call(
      emulator,
      `/library/collections/${id}/items/${charade?.ratingKey}/move`,
      {
        method: 'PUT',
      },
    );
    expect(moved.status).toBe(200);
    expect(await memberTitles(id)).toEqual(['Charade', 'Metropolis']);
    await call(emulator, `/library/collections/${id}/items/${charade?.ratingKey}/move`, {
      method: 'PUT',
      query: { after: metropolis?.ratingKey ?? '' },
    });
    expect(await memberTitles(id)).toEqual(['Metropolis', 'Charade']);
    const detail = await call(emulator, `/library/metadata/${id}`);
    expect(detail.json.MediaContainer.Metadata[0]).toMatchObject({
      collectionSort: '2',
      collectionMode: '1',
    });

    const deleted = await call(emulator, `/library/collections/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(emulator.state.items.has(id)).toBe(false);
    expect(await collectionTags(charade as ItemRecord)).not.toContain('Work');
    expect(await collectionTags(metropolis as ItemRecord)).toEqual(['Silent Era']);
    expect((await call(emulator, `/library/collections/${id}/children`)).status).toBe(404);
  });

  it("serves python-plexapi's /library/metadata/{id}/items paths for collections", async () => {
    const silent = item('Silent Era', 'collection');
    const kid = item('The Kid');
    const nosferatu = item('Nosferatu');
    const before = await memberTitles(silent.ratingKey);
    const removed = await call(
      emulator,
      `/library/metadata/${silent.ratingKey}/items/${kid.ratingKey}`,
      {
        method: 'DELETE',
      },
    );
    expect(removed.status).toBe(200);
    expect(await memberTitles(silent.ratingKey)).toEqual(before.filter((t) => t !== 'The Kid'));
    expect(await collectionTags(kid)).toEqual([]);
    await call(emulator, `/library/metadata/${silent.ratingKey}/items`, {
      method: 'PUT',
      query: { uri: uri(kid) },
    });
    expect(await collectionTags(kid)).toEqual(['Silent Era']);
    await call(emulator, `/library/collections/${silent.ratingKey}/prefs`, {
      method: 'PUT',
      query: { collectionSort: 2 },
    });
    await call(
      emulator,
      `/library/metadata/${silent.ratingKey}/items/${nosferatu.ratingKey}/move`,
      {
        method: 'PUT',
      },
    );
    expect((await memberTitles(silent.ratingKey))[0]).toBe('Nosferatu');
    const notCollection = await call(emulator, `/library/metadata/${kid.ratingKey}/items`, {
      method: 'PUT',
      query: { uri: uri(nosferatu) },
    });
    expect(notCollection.status).toBe(404);
  });

  it('rejects bad prefs, wrong-type members and moves after non-members', async () => {
    const noir = item('Film Noir', 'collection');
    const prefs = await call(emulator, `/library/collections/${noir.ratingKey}/prefs`, {
      method: 'PUT',
      query: { collectionMode: 7 },
    });
    expect(prefs.status).toBe(400);
    const track = item('Maple Leaf Rag', 'track');
    const add = await call(emulator, `/library/collections/${noir.ratingKey}/items`, {
      method: 'PUT',
      query: { uri: uri(track) },
    });
    expect(add.json.MediaContainer.Metadata[0].childCount).toBe('3');
    const move = await call(
      emulator,
      `/library/collections/${noir.ratingKey}/items/${item('Detour').ratingKey}/move`,
      { method: 'PUT', query: { after: item('Charade').ratingKey } },
    );
    expect(move.status).toBe(400);
  });

  it('answers GET /library/collections/{id} with the preferences python-plexapi validates', async () => {
    const noir = item('Film Noir', 'collection');
    const plain = await call(emulator, `/library/collections/${noir.ratingKey}`);
    expect(plain.json.MediaContainer).toMatchObject({ size: 1, librarySectionID: 1 });
    expect(plain.json.MediaContainer.Metadata[0]).toMatchObject({
      ratingKey: noir.ratingKey,
      title: 'Film Noir',
    });
    expect(plain.json.MediaContainer.Metadata[0]).not.toHaveProperty('Preferences');
    await call(emulator, `/library/collections/${noir.ratingKey}/prefs`, {
      method: 'PUT',
      query: { collectionMode: 2 },
    });
    const withPrefs = await call(emulator, `/library/collections/${noir.ratingKey}`, {
      query: { includePreferences: 1 },
    });
    const settings = withPrefs.json.MediaContainer.Metadata[0].Preferences.Setting;
    expect(settings.map((s: { id: string }) => s.id)).toEqual(['collectionMode', 'collectionSort']);
    expect(settings[0]).toMatchObject({ type: 'int', value: '2', default: '-1' });
    expect(settings[0].enumValues).toContain('2:Show this collection and its items');
    expect((await call(emulator, `/library/collections/${item('Detour').ratingKey}`)).status).toBe(
      404,
    );
  });

  it("accepts Maintainerr's DELETE …/children/{ratingKey}", async () => {
    const noir = item('Film Noir', 'collection');
    const doa = item('D.O.A.');
    const res = await call(
      emulator,
      `/library/collections/${noir.ratingKey}/children/${doa.ratingKey}`,
      {
        method: 'DELETE',
      },
    );
    expect(res.status).toBe(200);
    expect(await memberTitles(noir.ratingKey)).toEqual(['Detour', 'Scarlet Street']);
  });

  it('creates smart collections from a section filter without tagging members', async () => {
    const filter = `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/sections/1/all?type=1&sort=year&limit=3`;
    const res = await call(emulator, '/library/collections', {
      method: 'POST',
      query: { uri: filter, type: 1, title: 'Oldest', smart: 1, sectionId: 1 },
    });
    expect(res.status).toBe(200);
    const created = res.json.MediaContainer.Metadata[0];
    expect(created).toMatchObject({
      smart: '1',
      childCount: '3',
      content: '/library/sections/1/all?type=1&sort=year&limit=3',
    });
    expect(emulator.state.items.get(created.ratingKey)?.extra?.content).toBe(
      '/library/sections/1/all?type=1&sort=year&limit=3',
    );
    // The filter shows wherever the collection renders, and follows a replaced filter.
    const replaced = await call(emulator, `/library/collections/${created.ratingKey}/items`, {
      method: 'PUT',
      query: { uri: filter.replace('limit=3', 'limit=2') },
    });
    expect(replaced.status).toBe(200);
    const detail = await call(emulator, `/library/metadata/${created.ratingKey}`);
    expect(detail.json.MediaContainer.Metadata[0]).toMatchObject({
      content: '/library/sections/1/all?type=1&sort=year&limit=2',
      childCount: '2',
    });
    const listed = await call(emulator, '/library/sections/1/collections');
    const dumb = listed.json.MediaContainer.Metadata.find(
      (c: { title: string }) => c.title === 'Film Noir',
    );
    expect(dumb).toMatchObject({ smart: '0' });
    expect(dumb).not.toHaveProperty('content');
    const titles = await memberTitles(created.ratingKey);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toBe('Sherlock Holmes');
    expect(await collectionTags(item('The Kid'))).not.toContain('Oldest');
    const manual = await call(emulator, `/library/collections/${created.ratingKey}/items/1`, {
      method: 'DELETE',
    });
    expect(manual.status).toBe(400);
  });
});
