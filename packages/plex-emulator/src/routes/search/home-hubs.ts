import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { type Fields, listContainer, omitEmpty, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import {
  inProgress,
  onDeck,
  recentlyAdded,
  visibleSectionIds,
  type WatchEntry,
} from '../../library/watch-lists.js';
import { renderItem } from '../../render/metadata.js';
import { renderPlaylist } from '../../render/playlist.js';
import type { EmulatorState } from '../../state/store.js';
import type { AccountRecord, ItemRecord, PlaylistRecord } from '../../state/types.js';

/** Items per hub when the client sends no `count` (the size PMS's own examples show). */
export const DEFAULT_HUB_COUNT = 6;

/** A hub's identity; its items are added when it is rendered. */
export interface HubSpec {
  hubIdentifier: string;
  title: string;
  type: string;
  key: string;
  style?: 'shelf' | 'hero';
  promoted?: boolean;
  /** Prone to change with playback or additions (`onlyTransient=1` keeps only these). */
  transient?: boolean;
}

/** Renders a hub with the first `count` of its entries. */
export function renderHub(
  spec: HubSpec,
  entries: readonly Fields[],
  keys: readonly string[],
  count: number,
): Fields {
  return omitEmpty({
    hubKey: keys.length > 0 ? `/library/metadata/${keys.slice(0, count).join(',')}` : undefined,
    key: spec.key,
    title: spec.title,
    type: spec.type,
    hubIdentifier: spec.hubIdentifier,
    context: `hub.${spec.hubIdentifier.replace(/\.\d+(\.\d+)*$/, '')}`,
    size: Math.min(count, entries.length),
    more: entries.length > count,
    style: spec.style ?? 'shelf',
    promoted: spec.promoted,
    Metadata: entries.slice(0, count),
  });
}

/** An item in a mixed-section list carries its section's UUID too, as PMS sends. */
export function renderMixedItem(state: EmulatorState, item: ItemRecord, accountId: number): Fields {
  const section = state.sections.get(item.sectionId);
  return { ...renderItem(state, item, accountId, 'list'), librarySectionUUID: section?.uuid };
}

/** In-progress items and On Deck episodes, merged as PMS's Continue Watching row. */
export function continueWatching(
  state: EmulatorState,
  account: AccountRecord,
  sectionIds: number[],
): ItemRecord[] {
  const seen = new Set<string>();
  const merged: WatchEntry[] = [];
  for (const entry of [
    ...inProgress(state, account, sectionIds),
    ...onDeck(state, account, sectionIds),
  ]) {
    if (seen.has(entry.item.ratingKey)) continue;
    seen.add(entry.item.ratingKey);
    merged.push(entry);
  }
  return merged.sort((a, b) => b.at - a.at).map((entry) => entry.item);
}

const CONTINUE: HubSpec = {
  hubIdentifier: 'home.continue',
  title: 'Continue Watching',
  type: 'mixed',
  key: '/hubs/home/continueWatching',
  style: 'hero',
  promoted: true,
  transient: true,
};

/** A hub's rows: library items, or playlists for the playlist shelf. */
type HubRow = ItemRecord | PlaylistRecord;

/** The home hubs and their rows; recently added rows are cut to `keep` while scanning. */
function homeLists(
  state: EmulatorState,
  account: AccountRecord,
  keep: number,
): [HubSpec, HubRow[]][] {
  const sections = visibleSectionIds(state, account);
  const ofType = (type: string) => sections.filter((id) => state.sections.get(id)?.type === type);
  const playlists = [...state.playlists.values()]
    .filter((p) => p.accountId === account.id && p.playlistType !== 'photo')
    .sort((a, b) => (b.lastViewedAt ?? b.updatedAt) - (a.lastViewedAt ?? a.updatedAt));
  const recent = (
    identifier: string,
    title: string,
    type: string,
    typeNumber: number,
  ): HubSpec => ({
    hubIdentifier: identifier,
    title,
    type,
    key: `/hubs/home/recentlyAdded?type=${typeNumber}`,
    promoted: true,
    transient: true,
  });
  return [
    [CONTINUE, continueWatching(state, account, sections)],
    [
      {
        hubIdentifier: 'home.ondeck',
        title: 'On Deck',
        type: 'episode',
        key: '/hubs/home/onDeck',
        promoted: true,
        transient: true,
      },
      onDeck(state, account, sections).map((entry) => entry.item),
    ],
    [
      recent('home.movies.recent', 'Recently Added Movies', 'movie', 1),
      recentlyAdded(state, ofType('movie'), 'movie', keep),
    ],
    [
      recent('home.television.recent', 'Recently Added TV', 'mixed', 2),
      recentlyAdded(state, ofType('show'), 'episode', keep),
    ],
    [
      recent('home.music.recent', 'Recently Added Music', 'album', 8),
      recentlyAdded(state, ofType('artist'), 'album', keep),
    ],
    [
      {
        hubIdentifier: 'home.playlists',
        title: 'Recent Playlists',
        type: 'playlist',
        key: '/playlists/all?type=15&sort=lastViewedAt:desc&playlistType=video,audio',
        promoted: true,
      },
      playlists,
    ],
  ];
}

function renderList(state: EmulatorState, list: readonly HubRow[], accountId: number): Fields[] {
  return list.map((entry) =>
    'entries' in entry ? renderPlaylist(state, entry) : renderMixedItem(state, entry, accountId),
  );
}

function hubCount(ctx: RequestContext): number {
  const raw = ctx.query.get('count');
  return raw ? Math.max(0, toInt(raw, 'count')) : DEFAULT_HUB_COUNT;
}

/** `GET /hubs?count=&onlyTransient=&identifier=`: the home screen hubs; empty ones are left out. */
function homeHubs(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const count = hubCount(ctx);
  const identifiers = query
    .get('identifier')
    ?.split(',')
    .filter((id) => id !== '');
  const hubs = homeLists(state, account, count + 1)
    .filter(
      ([spec, list]) => list.length > 0 && (query.get('onlyTransient') !== '1' || spec.transient),
    )
    .filter(([spec]) => !identifiers || identifiers.includes(spec.hubIdentifier))
    .map(([spec, list]) =>
      renderHub(
        spec,
        renderList(state, list.slice(0, count + 1), account.id),
        list.map((row) => row.ratingKey),
        count,
      ),
    );
  return listContainer(
    ctx.page,
    { size: hubs.length, allowSync: true, identifier: 'com.plexapp.plugins.library', Hub: hubs },
    'Hub',
  );
}

/** `GET /hubs/continueWatching?count=`: a container with the one Continue Watching hub. */
function continueHub(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const items = continueWatching(ctx.state, account, visibleSectionIds(ctx.state, account));
  const count = hubCount(ctx);
  const hub = renderHub(
    { ...CONTINUE, key: '/hubs/continueWatching/items' },
    items.slice(0, count + 1).map((item) => renderMixedItem(ctx.state, item, account.id)),
    items.map((item) => item.ratingKey),
    count,
  );
  return listContainer(
    ctx.page,
    { size: 1, allowSync: true, identifier: 'com.plexapp.plugins.library', Hub: [hub] },
    'Hub',
  );
}

/** The full list behind a home hub's `key`, paged, as a plain mixed-parents container. */
function homeHubItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state } = ctx;
  const name = ctx.params.name ?? 'continueWatching';
  if (!['continueWatching', 'onDeck', 'recentlyAdded'].includes(name)) {
    throw new HttpError(404, `no home hub ${name}`);
  }
  const sections = visibleSectionIds(state, account);
  let items: ItemRecord[];
  if (name === 'continueWatching') items = continueWatching(state, account, sections);
  else if (name === 'onDeck') items = onDeck(state, account, sections).map((entry) => entry.item);
  else {
    const type = ctx.query.get('type');
    const [sectionType, itemType] =
      type === '2'
        ? (['show', 'episode'] as const)
        : type === '8'
          ? (['artist', 'album'] as const)
          : (['movie', 'movie'] as const);
    const ids = sections.filter((id) => state.sections.get(id)?.type === sectionType);
    items = recentlyAdded(state, ids, itemType);
  }
  return pagedContainer(
    cutPage(items, ctx.page),
    'Metadata',
    (item) => renderMixedItem(state, item, account.id),
    { allowSync: false, identifier: 'com.plexapp.plugins.library', mixedParents: true },
  );
}

/** Home hubs and the lists behind them. */
export const homeHubRoutes: Route[] = [
  { method: 'GET', path: '/hubs', handler: homeHubs },
  { method: 'GET', path: '/hubs/continueWatching', handler: continueHub },
  { method: 'GET', path: '/hubs/continueWatching/items', handler: homeHubItems },
  { method: 'GET', path: '/hubs/home/{name}', handler: homeHubItems },
];
