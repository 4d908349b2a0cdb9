import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { call, testEmulator } from './testing/harness.js';

/**
 * Walks the fields Plex documents for the endpoints the emulator serves (the committed output of
 * `scripts/field-inventory.ts`) over real emulator answers, and lists every field the emulator
 * never produces. Elements (`metadata`, `stream`, `tag`, …) are pooled across endpoints: a
 * listing rightly carries fewer fields than an item's own page, as on real servers.
 */
interface Inventory {
  endpoints: Record<string, Record<string, string>>;
  elements: Record<string, Record<string, string>>;
}

const inventory = JSON.parse(
  readFileSync(new URL('./testing/plex-fields.json', import.meta.url), 'utf8'),
) as Inventory;

/**
 * Fields that make no sense for this emulator, each with why. Keys are `element.field` (or
 * `route.field` for a container field).
 */
const NOT_EMULATED: Record<string, string> = {
  // Only set on the few responses PMS builds from a plug-in channel; the library never sends it.
  'metadata.prompt': 'plug-in search prompts; the emulator has no channels',
  'metadata.search': 'plug-in search directories; the emulator has no channels',
  'directory.prompt': 'plug-in search prompts; the emulator has no channels',
  'directory.search': 'plug-in search directories; the emulator has no channels',
  // Autotags come from PMS's image/voice analysis, which the emulator does not run.
  'tag.confidence': 'machine-learning autotags; no media analysis in the emulator',
};

/**
 * Documented fields not emulated YET (owner → space-separated fields): the to-do list of issue
 * 20 §4, not a permanent exclusion. A field that starts being produced must be removed from
 * here (the test fails on a stale entry), so the list only shrinks.
 */
const NOT_YET: Record<string, string> = {
  '/': 'identifier offset totalSize',
  '/:/prefs': 'identifier offset totalSize',
  '/activities': 'Activity[]',
  '/hubs': 'offset totalSize',
  '/hubs/continueWatching': 'offset totalSize',
  '/hubs/search': 'identifier offset totalSize',
  '/hubs/sections/{id}': 'offset totalSize',
  '/hubs/metadata/{id}/related': 'offset totalSize',
  '/library/sections/all': 'identifier offset totalSize',
  '/library/sections/{id}/all': 'content',
  '/library/sections/{id}/collections': 'art thumb viewMode',
  '/library/sections/{id}/prefs': 'identifier offset totalSize',
  '/library/recentlyAdded': 'FieldType[] Type[]',
  '/library/metadata/{ids}': 'art offset thumb title1 title2 totalSize viewGroup',
  '/library/metadata/{id}/similar': 'art thumb title1 title2 viewGroup',
  '/library/metadata/{id}/related': 'offset totalSize',
  '/playlists': 'identifier',
  '/playlists/{id}': 'identifier offset totalSize',
  '/playlists/{id}/items': 'identifier',
  '/playQueues/{id}': 'offset totalSize',
  '/status/sessions': 'identifier offset totalSize',
  '/status/sessions/history/all': 'identifier',
  activity: 'cancellable Context progress Response subtitle title type userID uuid',
  context: 'librarySectionID',
  filter:
    'advanced art content hasPrefs hasStoreServices hubKey identifier lastAccessedAt Pivot[] share thumb titleBar',
  hub: 'random subtype',
  media: 'details displayOffset',
  metadata:
    'Autotag[] createdAtAccuracy createdAtTZOffset details Filter[] icon more primaryExtraKey readOnly restOf skipCount Sort[] specialPlaylistType',
  part: 'details packetLength',
  pivot: 'context id key symbol title type',
  producer: 'role',
  sort: 'art content filter hasPrefs hasStoreServices hubKey identifier lastAccessedAt Pivot[] share thumb titleBar type',
  stream: 'details',
  tag: 'context ratingKey tagType',
  type: 'subtype',
};

const emulator = testEmulator();
afterAll(() => emulator.close());

function firstOf(type: string): string {
  for (const item of emulator.state.items.values()) if (item.type === type) return item.ratingKey;
  throw new Error(`no ${type} in the demo library`);
}

/** The include flags python-plexapi sends when it reloads an item. */
const DETAIL_FLAGS = 'includeChapters=1&includeMarkers=1&includeExtras=1';

/** Concrete requests for each route: enough kinds of item that every element appears. */
async function requestsFor(route: string): Promise<string[]> {
  const movie = firstOf('movie');
  // A show with several seasons: PMS lists "All episodes" before them.
  const show = [...emulator.state.items.values()].find(
    (item) => item.type === 'show' && item.childKeys.length > 1,
  )!.ratingKey;
  const season = firstOf('season');
  const episode = firstOf('episode');
  const artist = firstOf('artist');
  const album = firstOf('album');
  const track = firstOf('track');
  const collection = firstOf('collection');
  const playlist = [...emulator.state.playlists.keys()][0]!;
  switch (route) {
    case '/hubs/sections/{id}':
      return ['/hubs/sections/1', '/hubs/sections/2'];
    case '/hubs/metadata/{id}/related':
      return [`/hubs/metadata/${movie}/related`];
    case '/hubs/search':
      return ['/hubs/search?query=sherlock', '/hubs/search?query=bonanza'];
    // Clients ask for a section's filters and sorts (and a list's Meta) with these flags.
    case '/library/sections/{id}':
      return ['/library/sections/1?includeDetails=1'];
    case '/library/sections/{id}/all':
      return [
        '/library/sections/1/all?includeGuids=1&includeMeta=1',
        '/library/sections/2/all',
        '/library/sections/3/all',
      ];
    case '/library/sections/{id}/collections':
      return ['/library/sections/1/collections'];
    case '/library/sections/{id}/prefs':
      return ['/library/sections/1/prefs'];
    case '/library/metadata/{ids}':
      // Every item's page as python-plexapi reloads it (chapters, markers and extras on
      // request), and one without the flags.
      return [
        `/library/metadata/${movie}`,
        ...[...emulator.state.items.keys()].map((id) => `/library/metadata/${id}?${DETAIL_FLAGS}`),
      ];
    case '/library/metadata/{id}/children':
      return [show, season, artist, album].map((id) => `/library/metadata/${id}/children`);
    case '/library/metadata/{id}/allLeaves':
      return [`/library/metadata/${show}/allLeaves`];
    case '/library/metadata/{id}/similar':
      return [`/library/metadata/${movie}/similar`];
    case '/library/metadata/{id}/related':
      return [`/library/metadata/${movie}/related`];
    case '/library/collections/{id}/items':
      return [`/library/collections/${collection}/items`];
    case '/playlists/{id}':
      return [`/playlists/${playlist}`];
    case '/playlists/{id}/items':
      return [`/playlists/${playlist}/items`];
    case '/playQueues/{id}': {
      const uri = `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/metadata/${movie}`;
      const created = await call(emulator, '/playQueues', {
        method: 'POST',
        query: { type: 'video', uri },
      });
      return [`/playQueues/${created.json.MediaContainer.playQueueID}`];
    }
    default:
      return [route];
  }
}

type Found = Map<string, Set<string>>;

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return value === null ? 'null' : typeof value;
}

/** Records which documented fields an object carries, and descends into documented elements. */
function walk(owner: string, fields: Record<string, string>, value: unknown, found: Found): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const record = value as Record<string, unknown>;
  for (const [key, type] of Object.entries(fields)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const present = record[name];
    if (present === undefined) continue;
    const seen = found.get(`${owner}.${key}`) ?? new Set<string>();
    found.set(`${owner}.${key}`, seen);
    const items = key.endsWith('[]') && Array.isArray(present) ? present : [present];
    for (const item of items) {
      seen.add(jsonType(item));
      if (type.startsWith('@')) {
        const element = type.slice(1);
        walk(element, inventory.elements[element] ?? {}, item, found);
      }
    }
  }
}

/** Every `owner.field` the inventory documents. */
function documented(): Map<string, string> {
  const all = new Map<string, string>();
  for (const [route, fields] of Object.entries(inventory.endpoints)) {
    for (const [key, type] of Object.entries(fields)) all.set(`${route}.${key}`, type);
  }
  for (const [element, fields] of Object.entries(inventory.elements)) {
    for (const [key, type] of Object.entries(fields)) all.set(`${element}.${key}`, type);
  }
  return all;
}

describe('field coverage against the PMS OpenAPI description', () => {
  it('produces every documented field of the endpoints it serves', async () => {
    const found: Found = new Map();
    for (const [route, fields] of Object.entries(inventory.endpoints)) {
      for (const path of await requestsFor(route)) {
        const res = await call(emulator, path);
        expect(res.status, path).toBe(200);
        // Most answers are wrapped in MediaContainer; `/butler` answers `{ButlerTasks: …}`.
        const body = res.json?.MediaContainer ?? res.json;
        walk(route, fields, body, found);
      }
    }
    const all = documented();
    const notYet = new Set(
      Object.entries(NOT_YET).flatMap(([owner, fields]) =>
        fields.split(' ').map((field) => `${owner}.${field}`),
      ),
    );
    const never = [...all.keys()].filter(
      (key) => !found.has(key) && NOT_EMULATED[key.replace(/\[\]$/, '')] === undefined,
    );
    console.info(
      `field coverage: ${all.size - never.length}/${all.size} documented fields produced`,
    );
    const missing = never.filter((key) => !notYet.has(key));
    expect(missing, `${missing.length} documented fields never produced`).toEqual([]);
    const stale = [...notYet].filter((key) => found.has(key) || !all.has(key));
    expect(stale, 'produced or undocumented now: remove from NOT_YET').toEqual([]);
  });
});
