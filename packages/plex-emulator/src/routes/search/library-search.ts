import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireQuery,
  toInt,
} from '../../http/context.js';
import { container, type Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { searchLibrary } from '../../library/library-search.js';
import { prepareQuery } from '../../library/title-match.js';
import { formatScore, renderItemHit, renderPersonHit } from '../../render/search.js';
import type { ItemType } from '../../state/types.js';
import { searchedSection } from './scope.js';

/** What each `searchTypes` value covers. `otherVideos` has no counterpart in the emulator. */
const SEARCH_TYPES: Record<string, readonly ItemType[] | 'people'> = {
  movies: ['movie'],
  tv: ['show', 'season', 'episode'],
  music: ['artist', 'album', 'track'],
  otherVideos: [],
  people: 'people',
};

/**
 * `GET /library/search?query=…&searchTypes=movies,tv&limit=N`: one flat list of `SearchResult`
 * entries, each holding one `Metadata` or one `Directory` object and a 0..1 `score`, best first.
 */
function librarySearch(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state, query } = ctx;
  const raw = requireQuery(ctx, 'query');
  const sectionId = searchedSection(ctx);
  const wanted = (query.get('searchTypes') ?? 'movies,music,otherVideos,people,tv')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const types = new Set<ItemType>();
  let people = false;
  for (const name of wanted) {
    const covered = SEARCH_TYPES[name];
    if (covered === undefined) throw new HttpError(400, `unknown search type ${name}`);
    if (covered === 'people') people = true;
    else for (const type of covered) types.add(type);
  }
  if (query.get('includeCollections') === '1') types.add('collection');

  const limitRaw = query.get('limit');
  const limit = limitRaw ? Math.max(0, toInt(limitRaw, 'limit')) : Number.POSITIVE_INFINITY;
  const prepared = prepareQuery(raw);
  const scope = { ...(sectionId === undefined ? {} : { sectionId }), keep: limit };
  const hits = prepared ? searchLibrary(state, account, prepared, scope) : undefined;
  const results: { score: number; entry: Fields }[] = [];
  for (const hit of hits?.items ?? []) {
    if (!types.has(hit.item.type)) continue;
    results.push({ score: hit.score, entry: { Metadata: renderItemHit(state, hit, account.id) } });
  }
  if (people) {
    for (const hit of hits?.people ?? []) {
      results.push({ score: hit.score, entry: { Directory: renderPersonHit(state, hit) } });
    }
  }
  results.sort((a, b) => b.score - a.score);
  const shown = results
    .slice(0, limit)
    .map(({ score, entry }) => ({ score: formatScore(score), ...entry }));
  return container(
    {
      size: shown.length,
      identifier: 'com.plexapp.plugins.library',
      mediaTagPrefix: '/system/bundle/media/flags/',
      mediaTagVersion: 1734362201,
      SearchResult: shown,
    },
    'SearchResult',
  );
}

/** `/library/search`. */
export const librarySearchRoutes: Route[] = [
  { method: 'GET', path: '/library/search', handler: librarySearch },
];
