import { type RequestContext, requireAccount, requireQuery, toInt } from '../../http/context.js';
import { type Fields, listContainer, omitEmpty } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { searchLibrary } from '../../library/library-search.js';
import { prepareQuery } from '../../library/title-match.js';
import { renderPlaylist } from '../../render/playlist.js';
import { renderItemHit, renderPersonHit } from '../../render/search.js';
import type { ItemType } from '../../state/types.js';
import { searchedSection } from './scope.js';

/** One search hub before rendering: its identity, children and best score. */
interface HubDraft {
  identifier: string;
  title: string;
  /** Element name of the children: metadata leaves, directories, or person tags. */
  element: 'Metadata' | 'Directory';
  children: Fields[];
  ratingKeys: string[];
  total: number;
  best: number;
}

/**
 * Hub identifiers, titles and child element names, in the order PMS lists hubs that tie.
 * Per Plex's own example, parents (shows and the like) come as `Directory`, leaves as `Metadata`.
 */
const ITEM_HUBS: readonly { type: ItemType; title: string; element: HubDraft['element'] }[] = [
  { type: 'movie', title: 'Movies', element: 'Metadata' },
  { type: 'show', title: 'Shows', element: 'Directory' },
  { type: 'season', title: 'Seasons', element: 'Directory' },
  { type: 'episode', title: 'Episodes', element: 'Metadata' },
  { type: 'artist', title: 'Artists', element: 'Directory' },
  { type: 'album', title: 'Albums', element: 'Directory' },
  { type: 'track', title: 'Tracks', element: 'Metadata' },
  { type: 'collection', title: 'Collections', element: 'Directory' },
];

const DEFAULT_LIMIT = 3;

/**
 * `GET /hubs/search?query=…[&limit=N][&sectionId=S]`: matches split into hubs by type, `limit`
 * per hub, hubs with results first (best match first), then PMS's fixed set of empty hubs.
 */
function hubSearch(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const raw = requireQuery(ctx, 'query');
  const limitRaw = query.get('limit');
  const limit = limitRaw ? Math.max(1, toInt(limitRaw, 'limit')) : DEFAULT_LIMIT;
  const sectionId = searchedSection(ctx);
  const prepared = prepareQuery(raw);
  const hits = prepared
    ? searchLibrary(state, account, prepared, {
        ...(sectionId === undefined ? {} : { sectionId }),
        keep: limit,
      })
    : { items: [], itemTotals: new Map(), people: [], playlists: [] };
  const includeCollections = query.get('includeCollections') !== '0';

  const drafts: HubDraft[] = ITEM_HUBS.map(({ type, title, element }) => {
    const matching =
      type === 'collection' && !includeCollections
        ? []
        : hits.items.filter((hit) => hit.item.type === type);
    const shown = matching.slice(0, limit);
    return {
      identifier: type,
      title,
      element,
      children: shown.map((hit) => renderItemHit(state, hit, account.id)),
      ratingKeys: shown.map((hit) => hit.item.ratingKey),
      total: matching.length === 0 ? 0 : (hits.itemTotals.get(type) ?? matching.length),
      best: matching[0]?.score ?? 0,
    };
  });
  for (const [kind, identifier, title] of [
    ['role', 'actor', 'Actors'],
    ['director', 'director', 'Directors'],
  ] as const) {
    const matching = hits.people.filter((hit) => hit.kind === kind);
    drafts.push({
      identifier,
      title,
      element: 'Directory',
      children: matching.slice(0, limit).map((hit) => renderPersonHit(state, hit)),
      ratingKeys: [],
      total: matching.length,
      best: matching[0]?.score ?? 0,
    });
  }
  const playlists = hits.playlists.slice(0, limit);
  drafts.push({
    identifier: 'playlist',
    title: 'Playlists',
    element: 'Metadata',
    children: playlists.map((hit) => renderPlaylist(state, hit.playlist)),
    ratingKeys: playlists.map((hit) => hit.playlist.ratingKey),
    total: hits.playlists.length,
    best: hits.playlists[0]?.score ?? 0,
  });

  // Stable sort: equal scores keep the fixed order above.
  const hubs = [...drafts].sort((a, b) => b.best - a.best).map(renderHub);
  return listContainer(ctx.page, { size: hubs.length, Hub: hubs }, 'Hub');
}

function renderHub(draft: HubDraft): Fields {
  return omitEmpty({
    title: draft.title,
    type: draft.identifier,
    hubIdentifier: draft.identifier,
    context: '',
    hubKey:
      draft.ratingKeys.length > 0 ? `/library/metadata/${draft.ratingKeys.join(',')}` : undefined,
    size: draft.children.length,
    more: draft.total > draft.children.length,
    style: 'shelf',
    [draft.element]: draft.children,
  });
}

/** `/hubs/search`. */
export const hubSearchRoutes: Route[] = [
  { method: 'GET', path: '/hubs/search', handler: hubSearch },
];
