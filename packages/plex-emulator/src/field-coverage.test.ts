import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { call, testEmulator } from './testing/harness.js';

/**
 * Walks the fields Plex documents for the endpoints the emulator serves (the committed output of
 * `scripts/field-inventory.ts`) over real emulator answers, and fails on every field the emulator
 * never produces unless NOT_EMULATED says why. Elements (`metadata`, `stream`, `tag`, …) are pooled across endpoints: a
 * listing rightly carries fewer fields than an item's own page, as on real servers.
 */
interface Inventory {
  endpoints: Record<string, Record<string, string>>;
  elements: Record<string, Record<string, string>>;
}

const inventory = JSON.parse(
  readFileSync(new URL('./testing/plex-fields.json', import.meta.url), 'utf8'),
) as Inventory;

/** `reason` for each of the space-separated `fields` of `owner`, as `owner.field` keys. */
function each(owner: string, fields: string, reason: string): Record<string, string> {
  return Object.fromEntries(fields.split(' ').map((field) => [`${owner}.${field}`, reason]));
}

/** The Directory attributes the official spec's Filter and Sort inherit through `allOf`. */
const DIRECTORY_ATTRIBUTES =
  'art content hasPrefs hasStoreServices hubKey identifier lastAccessedAt Pivot share thumb titleBar';

/**
 * Documented fields the emulator does not send, each with why: spec artefacts (placeholders in
 * examples, attributes inherited through `allOf` that PMS never sends there) and facts of media
 * the demo library does not hold. Keys are `element.field` (or `route.field` for a container).
 * Issue 20 §4 emptied the to-do list that stood beside this one: every other documented field
 * is produced. The test fails when a produced field disappears, and when an entry here names a
 * field that is produced after all or is no longer documented.
 */
const NOT_EMULATED: Record<string, string> = {
  // Autotags come from PMS's image/voice analysis, which the emulator does not run.
  ...each(
    'tag',
    'confidence context ratingKey tagType',
    'Autotag attributes (confidence, analysis context, tag type number, source item) from PMS image and voice analysis; no media analysis in the emulator',
  ),
  'metadata.Autotag': 'machine-learning autotags; no media analysis in the emulator',
  ...each(
    'metadata',
    'createdAtAccuracy createdAtTZOffset',
    'EXIF capture time of photos; the emulator has no photo library',
  ),
  // Placeholders in the spec's examples, not fields: "details": "omitted", "restOf":
  // "metadataHere", "more": "metadata" (a hub search example).
  ...each('metadata', 'details restOf more', 'a placeholder in an example of the official spec'),
  'media.details': 'a placeholder ("omitted") in an example of the official spec',
  'part.details': 'a placeholder ("omitted") in an example of the official spec',
  'stream.details': 'a placeholder ("omitted") in an example of the official spec',
  // The official Filter and Sort are `allOf: [directory, …]`: every Directory attribute is
  // documented on them, but PMS sends a filter's or a sort's own attributes only (as
  // python-plexapi's FilteringFilter/FilteringSort read them). Pivots reach the inventory only
  // through those inherited arrays.
  ...each('filter', DIRECTORY_ATTRIBUTES, 'a Directory attribute the spec lets Filter inherit'),
  ...each(
    'sort',
    `${DIRECTORY_ATTRIBUTES} filter type`,
    'a Directory attribute the spec lets Sort inherit',
  ),
  ...each(
    'pivot',
    'context id key symbol title type',
    'reached only through the Pivot arrays the spec lets Filter and Sort inherit',
  ),
  'filter.advanced':
    'the community spec lists it, but which filters PMS marks advanced is not documented; a guessed flag would mislead',
  ...each(
    'metadata',
    'Filter Sort',
    'the spec places them "typically at a library\'s top level" without naming an endpoint; a section\'s filters and sorts are in Type (includeDetails=1) and Meta (includeMeta=1)',
  ),
  'producer.role':
    "the community spec's Producer copies its cast schema (a character name); producers play no character",
  'media.displayOffset': 'in one community example only, with no description of what it offsets',
  'part.packetLength':
    'the packet size PMS reads from transport-stream files (188 for .ts, 192 for .m2ts); the demo files are MKV and MP4',
  'metadata.primaryExtraKey':
    'the trailer of an item; the demo has no trailers or extras (Extras answers size 0)',
  ...each(
    'metadata',
    'readOnly specialPlaylistType',
    'only on PMS-made special playlists (favourites); the demo has none',
  ),
  ...each(
    'hub',
    'random subtype',
    'random marks hubs shuffled per request (the emulator is deterministic by design); subtype is for provider hubs (podcasts)',
  ),
  'activity.Response':
    "an async operation's result, reported as it ends; /activities lists running activities",
  // The spec's generic MediaContainer lists `identifier` on every answer; PMS's recorded answers
  // of these routes carry none (library listings and item pages name the library plug-in).
  ...Object.fromEntries(
    [
      '/',
      '/:/prefs',
      '/hubs/search',
      '/library/sections/all',
      '/library/sections/{id}/prefs',
      '/playlists',
      '/playlists/{id}',
      '/playlists/{id}/items',
      '/status/sessions',
      '/status/sessions/history/all',
    ].map((route) => [`${route}.identifier`, 'recorded answers of this route carry no identifier']),
  ),
  ...each(
    '/playQueues/{id}',
    'offset totalSize',
    'a play queue pages by its own window (window, playQueueSelectedItemOffset, playQueueTotalCount)',
  ),
  ...each(
    '/library/recentlyAdded',
    'FieldType Type',
    'the community spec draws the Meta object on the container; PMS nests them in Meta (includeMeta=1)',
  ),
};

const emulator = testEmulator();
afterAll(() => emulator.close());

function firstOf(type: string): string {
  for (const item of emulator.state.items.values()) if (item.type === type) return item.ratingKey;
  throw new Error(`no ${type} in the demo library`);
}

/** The window python-plexapi asks for on each list request. */
const PAGE_WINDOW = { 'X-Plex-Container-Start': '0', 'X-Plex-Container-Size': '100' };

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
  const _episode = firstOf('episode');
  const artist = firstOf('artist');
  const album = firstOf('album');
  const _track = firstOf('track');
  const collection = firstOf('collection');
  const playlist = [...emulator.state.playlists.keys()][0]!;
  switch (route) {
    case '/playlists': {
      // A smart playlist too (the demo's three are dumb): it carries its filter and icon.
      const uri = `server://${emulator.machineIdentifier}/com.plexapp.plugins.library/library/sections/1/all?type=1&genre=Horror`;
      await call(emulator, '/playlists', {
        method: 'POST',
        query: { type: 'video', title: 'Horror', smart: '1', uri },
      });
      return ['/playlists'];
    }
    case '/activities':
      // A library scan runs as an activity for a while: list it while it runs.
      await call(emulator, '/library/sections/1/refresh', { method: 'POST' });
      return ['/activities'];
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
        // A window on every request, as python-plexapi's fetchItems asks: PMS pages any list.
        const res = await call(emulator, path, { headers: PAGE_WINDOW });
        expect(res.status, path).toBe(200);
        // Most answers are wrapped in MediaContainer; `/butler` answers `{ButlerTasks: …}`.
        const body = res.json?.MediaContainer ?? res.json;
        walk(route, fields, body, found);
      }
    }
    const all = documented();
    const excluded = (key: string) => NOT_EMULATED[key.replace(/\[\]$/, '')] !== undefined;
    const produced = [...all.keys()].filter((key) => found.has(key));
    console.info(
      `field coverage: ${produced.length}/${all.size} documented fields produced, ` +
        `${[...all.keys()].filter(excluded).length} not emulated (see NOT_EMULATED)`,
    );
    const missing = [...all.keys()].filter((key) => !found.has(key) && !excluded(key));
    expect(missing, `${missing.length} documented fields never produced`).toEqual([]);
    // An exclusion must name a documented field the emulator does not produce.
    const stale = Object.keys(NOT_EMULATED).filter(
      (key) => found.has(key) || found.has(`${key}[]`) || !(all.has(key) || all.has(`${key}[]`)),
    );
    expect(stale, 'produced or undocumented now: remove from NOT_EMULATED').toEqual([]);
  });
});
