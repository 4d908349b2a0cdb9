import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import type { Fields } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import {
  countMatches,
  describeSection,
  type LibraryQuery,
  parseLibraryQuery,
  RECENTLY_ADDED_TYPE,
  SECTION_LEVELS,
  selectKeys,
} from '../../library/index.js';
import { sectionContainerFields } from '../../render/metadata.js';
import type { ItemType, SectionRecord, SectionType } from '../../state/types.js';
import { requireSection } from './access.js';
import { metadataPage, sectionArt, VIEW_MODE } from './render.js';

/** `title2` of `/all` per result type. */
const ALL_TITLES: Record<ItemType, string> = {
  movie: 'All Movies',
  show: 'All Shows',
  season: 'All Seasons',
  episode: 'All Episodes',
  artist: 'All Artists',
  album: 'All Albums',
  track: 'All Tracks',
  collection: 'All Collections',
  photo: 'All Photos',
};

/** A list a section offers: `/all` and the ready-made views (`unwatched`, `newest`, …). */
interface View {
  /** The container's `title2`; a function when it depends on the type. */
  title2: string | ((type: ItemType) => string);
  /** The type listed when the request names none (per section type). */
  defaultType?: Partial<Record<SectionType, ItemType>>;
  /** The order when the request names none. */
  defaultSort?: string;
  /** Filters the view always applies, added to the client's. */
  filters?: [string, string][];
  /** Newer PMS refuses `/all` without a container size when so configured. */
  sizeRequired?: boolean;
}

/**
 * Lists one view of a section: parses the media query, counts or selects, and renders only the
 * requested page. `includeMeta=1` adds the `Meta` description python-plexapi validates against.
 */
function listView(ctx: RequestContext, view: View): Response {
  const section = requireSection(ctx);
  if (
    view.sizeRequired &&
    ctx.services.behaviour.requireContainerSize &&
    ctx.page.size === undefined
  ) {
    throw new HttpError(400, 'X-Plex-Container-Size is required');
  }
  const params = new URLSearchParams(ctx.query);
  for (const [key, value] of view.filters ?? []) params.append(key, value);
  const defaultType = view.defaultType?.[section.type];
  const query = parseLibraryQuery(params, {
    section,
    accountId: requireAccount(ctx).id,
    now: ctx.services.nowSeconds(),
    ...(defaultType ? { defaultType } : {}),
    ...(view.defaultSort ? { defaultSort: view.defaultSort } : {}),
  });
  const title2 = typeof view.title2 === 'string' ? view.title2 : view.title2(query.type);
  return metadataPage(
    ctx,
    {
      count: () => countMatches(ctx.state, query),
      keys: () => selectKeys(ctx.state, query),
    },
    listFields(ctx, section, query, title2),
  );
}

/** The container of a section list: hoisted section facts, titles, and Meta on request. */
function listFields(
  ctx: RequestContext,
  section: SectionRecord,
  query: LibraryQuery,
  title2: string,
): Fields {
  const belowTop = SECTION_LEVELS[section.type].indexOf(query.type) > 0;
  return {
    ...sectionContainerFields(ctx.state, section.id),
    ...sectionArt(section),
    // A section's lists are its "secondary" content, below the section's own directory.
    content: 'secondary',
    nocache: true,
    title1: section.title,
    title2,
    viewGroup: query.type,
    viewMode: VIEW_MODE,
    mixedParents: belowTop ? true : undefined,
    Meta:
      ctx.query.get('includeMeta') === '1'
        ? describeSection(section, { activeType: query.type, activeSort: query.sort })
        : undefined,
  };
}

const route = (key: string, view: View): Route => ({
  method: 'GET',
  path: `/library/sections/{id}/${key}`,
  handler: (ctx) => listView(ctx, view),
});

/** `/all`, the query endpoint, and the ready-made views built on it. */
export const sectionBrowseRoutes: Route[] = [
  route('all', { title2: (type) => ALL_TITLES[type], sizeRequired: true }),
  route('unwatched', { title2: 'Unwatched', filters: [['unwatched', '1']] }),
  route('newest', {
    title2: 'Recently Released',
    defaultType: { show: 'episode', artist: 'album' },
    defaultSort: 'originallyAvailableAt:desc',
  }),
  route('recentlyAdded', {
    title2: 'Recently Added',
    defaultType: RECENTLY_ADDED_TYPE,
    defaultSort: 'addedAt:desc',
  }),
  route('recentlyViewed', {
    title2: 'Recently Viewed',
    defaultType: { show: 'episode', artist: 'track' },
    defaultSort: 'lastViewedAt:desc',
    filters: [['lastViewedAt>>', '0']],
  }),
  route('recentlyViewedShows', {
    title2: 'Recently Viewed Shows',
    defaultSort: 'lastViewedAt:desc',
    filters: [['lastViewedAt>>', '0']],
  }),
  route('albums', { title2: 'By Album', defaultType: { artist: 'album' } }),
];
