import { HttpError, type RequestContext, requireAccount, toInt } from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { listContainer, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { canSeeSection } from '../../library/section-access.js';
import { onDeck, recentlyAdded } from '../../library/watch-lists.js';
import { renderItem } from '../../render/metadata.js';
import { type SectionRecord, TYPE_NUMBER } from '../../state/types.js';
import { continueWatching, DEFAULT_HUB_COUNT, type HubSpec, renderHub } from './home-hubs.js';

/** The caller's section from `{id}`; PMS answers 400 for unknown or unshared sections here. */
function hubSection(ctx: RequestContext): SectionRecord {
  const account = requireAccount(ctx);
  const id = toInt(ctx.params.id, 'section id');
  const section = ctx.state.sections.get(id);
  if (!section || !canSeeSection(account, id)) throw new HttpError(400, `no section ${id}`);
  return section;
}

/** Hub identifier prefix and the type Recently Added shows, per section type. */
const PREFIX: Record<
  SectionRecord['type'],
  { prefix: string; recentType: 'movie' | 'episode' | 'album' | 'photo' }
> = {
  movie: { prefix: 'movie', recentType: 'movie' },
  show: { prefix: 'tv', recentType: 'episode' },
  artist: { prefix: 'music', recentType: 'album' },
  photo: { prefix: 'photo', recentType: 'photo' },
};

/**
 * `GET /hubs/sections/{id}?count=`: Continue Watching (video sections), On Deck (TV) and
 * Recently Added. Unlike the home screen, section hubs come back even when empty.
 */
function sectionHubs(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const { state } = ctx;
  const section = hubSection(ctx);
  const raw = ctx.query.get('count');
  const count = raw ? Math.max(0, toInt(raw, 'count')) : DEFAULT_HUB_COUNT;
  const { prefix, recentType } = PREFIX[section.type];
  const lists: [HubSpec, ReturnType<typeof recentlyAdded>][] = [];
  if (section.type === 'movie' || section.type === 'show') {
    lists.push([
      {
        hubIdentifier: `${prefix}.inprogress.${section.id}`,
        title: 'Continue Watching',
        type: section.type === 'movie' ? 'movie' : 'episode',
        key: `/hubs/sections/${section.id}/continueWatching/items`,
      },
      continueWatching(state, account, [section.id]),
    ]);
  }
  if (section.type === 'show') {
    lists.push([
      {
        hubIdentifier: `${prefix}.ondeck.${section.id}`,
        title: 'On Deck',
        type: 'episode',
        key: `/library/sections/${section.id}/onDeck`,
      },
      onDeck(state, account, [section.id]).map((entry) => entry.item),
    ]);
  }
  lists.push([
    {
      hubIdentifier: `${prefix}.recentlyadded.${section.id}`,
      title: `Recently Added in ${section.title}`,
      type: recentType,
      key: `/library/sections/${section.id}/all?sort=addedAt:desc&type=${TYPE_NUMBER[recentType]}`,
      promoted: true,
    },
    recentlyAdded(state, [section.id], recentType, count + 1),
  ]);
  const hubs = lists.map(([spec, items]) =>
    renderHub(
      spec,
      items.slice(0, count + 1).map((item) => renderItem(state, item, account.id, 'list')),
      items.map((item) => item.ratingKey),
      count,
    ),
  );
  return listContainer(
    ctx.page,
    {
      size: hubs.length,
      allowSync: true,
      identifier: 'com.plexapp.plugins.library',
      librarySectionID: section.id,
      librarySectionTitle: section.title,
      librarySectionUUID: section.uuid,
      Hub: hubs,
    },
    'Hub',
  );
}

/** `GET /hubs/sections/{id}/continueWatching/items`: the section's Continue Watching, paged. */
function sectionContinueItems(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const section = hubSection(ctx);
  const items = continueWatching(ctx.state, account, [section.id]);
  return pagedContainer(
    cutPage(items, ctx.page),
    'Metadata',
    (item) => renderItem(ctx.state, item, account.id, 'list'),
    { allowSync: false, identifier: 'com.plexapp.plugins.library', librarySectionID: section.id },
  );
}

/** Per-section hubs. */
export const sectionHubRoutes: Route[] = [
  { method: 'GET', path: '/hubs/sections/{id}', handler: sectionHubs },
  {
    method: 'GET',
    path: '/hubs/sections/{id}/continueWatching/items',
    handler: sectionContinueItems,
  },
];
