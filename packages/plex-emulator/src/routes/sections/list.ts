import type { RequestContext } from '../../http/context.js';
import { container, type Fields, listContainer, omitEmpty } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { describeSection } from '../../library/index.js';
import { sectionContainerFields } from '../../render/metadata.js';
import type { SectionRecord, SectionType } from '../../state/types.js';
import { requireSection, visibleSections } from './access.js';
import { sectionArt, VIEW_MODE } from './render.js';

/** A section as `/library/sections` lists it; `refreshing` is true while a scan runs. */
export function renderSection(section: SectionRecord): Fields {
  return omitEmpty({
    allowSync: true,
    ...sectionArt(section),
    composite: `/library/sections/${section.id}/composite/${section.scannedAt}`,
    filters: true,
    refreshing: section.refreshing,
    key: String(section.id),
    type: section.type,
    title: section.title,
    agent: section.agent,
    scanner: section.scanner,
    language: section.language,
    uuid: section.uuid,
    updatedAt: section.updatedAt,
    createdAt: section.createdAt,
    scannedAt: section.scannedAt,
    content: true,
    directory: true,
    contentChangedAt: section.contentChangedAt,
    hidden: section.hidden,
    Location: section.locations.map((location) => ({ id: location.id, path: location.path })),
  });
}

/** `GET /library/sections` (and `/library/sections/all`): the sections the caller may see. */
function listSections(ctx: RequestContext): Response {
  return listContainer(
    ctx.page,
    {
      allowSync: false,
      title1: 'Plex Library',
      Directory: visibleSections(ctx).map(renderSection),
    },
    'Directory',
  );
}

type SubKey = {
  key: string;
  title: string;
  secondary?: boolean;
  prompt?: string;
  search?: boolean;
};

const secondary = (key: string, title: string): SubKey => ({ key, title, secondary: true });
const search = (type: number, prompt: string): SubKey => ({
  key: `search?type=${type}`,
  title: 'Search...',
  prompt,
  search: true,
});

/** The sub-keys PMS lists for each section type, in its order. */
const SUB_KEYS: Record<SectionType, readonly SubKey[]> = {
  movie: [
    { key: 'all', title: 'All Movies' },
    { key: 'unwatched', title: 'Unwatched' },
    { key: 'newest', title: 'Recently Released' },
    { key: 'recentlyAdded', title: 'Recently Added' },
    { key: 'recentlyViewed', title: 'Recently Viewed' },
    { key: 'onDeck', title: 'On Deck' },
    secondary('collection', 'By Collection'),
    secondary('genre', 'By Genre'),
    secondary('year', 'By Year'),
    secondary('decade', 'By Decade'),
    secondary('director', 'By Director'),
    secondary('actor', 'By Starring Actor'),
    secondary('country', 'By Country'),
    secondary('contentRating', 'By Content Rating'),
    secondary('rating', 'By Rating'),
    secondary('resolution', 'By Resolution'),
    secondary('firstCharacter', 'By First Letter'),
    { key: 'folder', title: 'By Folder' },
    search(1, 'Search Movies'),
  ],
  show: [
    { key: 'all', title: 'All Shows' },
    { key: 'unwatched', title: 'Unwatched' },
    { key: 'newest', title: 'Recently Aired' },
    { key: 'recentlyAdded', title: 'Recently Added' },
    { key: 'recentlyViewed', title: 'Recently Viewed Episodes' },
    { key: 'recentlyViewedShows', title: 'Recently Viewed Shows' },
    { key: 'onDeck', title: 'On Deck' },
    secondary('collection', 'By Collection'),
    secondary('genre', 'By Genre'),
    secondary('year', 'By Year'),
    secondary('contentRating', 'By Content Rating'),
    secondary('firstCharacter', 'By First Letter'),
    { key: 'folder', title: 'By Folder' },
    search(2, 'Search Shows'),
    search(4, 'Search Episodes'),
  ],
  artist: [
    { key: 'all', title: 'All Artists' },
    secondary('albums', 'By Album'),
    secondary('genre', 'By Genre'),
    secondary('decade', 'By Decade'),
    secondary('year', 'By Year'),
    secondary('collection', 'By Collection'),
    { key: 'recentlyAdded', title: 'Recently Added' },
    secondary('firstCharacter', 'By First Letter'),
    { key: 'folder', title: 'By Folder' },
    search(8, 'Search Artists'),
    search(9, 'Search Albums'),
    search(10, 'Search Tracks'),
  ],
  photo: [
    { key: 'all', title: 'All Photos' },
    { key: 'recentlyAdded', title: 'Recently Added' },
    secondary('year', 'By Year'),
    { key: 'folder', title: 'By Folder' },
    search(13, 'Search Photos'),
  ],
};

/**
 * `GET /library/sections/{id}`: the section's directory of sub-keys (relative keys such as
 * `all` and `genre`). `includeDetails=1` adds the `Type` and `FieldType` arrays of `Meta`.
 */
function sectionDetail(ctx: RequestContext): Response {
  const section = requireSection(ctx);
  const shared = sectionContainerFields(ctx.state, section.id);
  const details = ctx.query.get('includeDetails') === '1' ? describeSection(section) : {};
  return container(
    {
      allowSync: false,
      ...sectionArt(section),
      content: 'secondary',
      identifier: shared.identifier,
      librarySectionID: section.id,
      mediaTagPrefix: shared.mediaTagPrefix,
      mediaTagVersion: shared.mediaTagVersion,
      sortAsc: true,
      title1: section.title,
      viewGroup: 'secondary',
      viewMode: VIEW_MODE,
      Directory: SUB_KEYS[section.type].map((entry) => ({ ...entry })),
      ...details,
    },
    'Directory',
  );
}

/** Section list and detail routes. */
export const sectionListRoutes: Route[] = [
  { method: 'GET', path: '/library/sections', handler: listSections },
  { method: 'GET', path: '/library/sections/all', handler: listSections },
  { method: 'GET', path: '/library/sections/{id}', handler: sectionDetail },
];
