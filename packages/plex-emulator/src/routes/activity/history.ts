import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
  toInt,
} from '../../http/context.js';
import { cutPage } from '../../http/paging.js';
import { container, type Fields, omitEmpty, pagedContainer } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { imagePath } from '../../render/metadata.js';
import { syncAllPlayers } from '../../services/playback/player-playback.js';
import type { EmulatorState } from '../../state/store.js';
import type { HistoryRecord } from '../../state/types.js';
import { historyFilters, sortHistory } from './history-query.js';

/**
 * One history entry. Entries are thin (no Media, no duration) and send `librarySectionID` as a
 * string. When the item has been deleted since, `key` and `ratingKey` are left out, as PMS does.
 */
export function renderHistoryEntry(state: EmulatorState, entry: HistoryRecord): Fields {
  const item = state.items.get(entry.ratingKey);
  const parent = item?.parentRatingKey ? state.items.get(item.parentRatingKey) : undefined;
  const grandparent = item?.grandparentRatingKey
    ? state.items.get(item.grandparentRatingKey)
    : undefined;
  return omitEmpty({
    historyKey: `/status/sessions/history/${entry.historyKey}`,
    ...(item
      ? {
          key: `/library/metadata/${item.ratingKey}`,
          ratingKey: item.ratingKey,
          librarySectionID: String(item.sectionId),
          parentKey: parent ? `/library/metadata/${parent.ratingKey}` : undefined,
          grandparentKey: grandparent ? `/library/metadata/${grandparent.ratingKey}` : undefined,
          title: item.title,
          grandparentTitle: grandparent?.title,
          // Track entries name their album; episode entries carry no season title.
          parentTitle: item.type === 'track' ? parent?.title : undefined,
          type: item.type,
          thumb: imagePath(item, 'thumb'),
          parentThumb: parent ? imagePath(parent, 'thumb') : undefined,
          grandparentThumb: grandparent ? imagePath(grandparent, 'thumb') : undefined,
          grandparentArt: grandparent ? imagePath(grandparent, 'art') : undefined,
          index: item.index,
          parentIndex: item.parentIndex ?? (item.type === 'episode' ? parent?.index : undefined),
          originallyAvailableAt: item.originallyAvailableAt,
        }
      : {}),
    viewedAt: entry.viewedAt,
    accountID: entry.accountId,
    deviceID: entry.deviceId,
  });
}

/**
 * `GET /status/sessions/history/all`: filtered by account, section, item (or its children),
 * device and `viewedAt` comparisons, sorted, and paged. The owner sees every account's plays;
 * everyone else sees only their own.
 */
function listHistory(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  syncAllPlayers(ctx);
  const filters = historyFilters(ctx.state, ctx.query);
  const visible = ctx.state.history.filter(
    (entry) =>
      (account.kind === 'owner' || entry.accountId === account.id) &&
      filters.every((filter) => filter(entry)),
  );
  const sorted = sortHistory(ctx.state, visible, ctx.query.get('sort'));
  const page = cutPage(sorted, ctx.page);
  return pagedContainer(page, 'Metadata', (entry) => renderHistoryEntry(ctx.state, entry));
}

function historyEntry(ctx: RequestContext): HistoryRecord {
  const id = toInt(ctx.params.id, 'history id');
  const entry = ctx.state.history.find((candidate) => candidate.historyKey === id);
  if (!entry) throw new HttpError(404, `no history entry ${id}`);
  return entry;
}

/** `GET /status/sessions/history/{id}`: one entry; other accounts may read only their own. */
function getHistoryEntry(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const entry = historyEntry(ctx);
  if (account.kind !== 'owner' && entry.accountId !== account.id) {
    throw new HttpError(403, `${account.username} may not read history entry ${entry.historyKey}`);
  }
  return container({ size: 1, Metadata: [renderHistoryEntry(ctx.state, entry)] }, 'Metadata');
}

/**
 * `DELETE /status/sessions/history/{id}` (owner only): forgets one play. Watch state is kept, as
 * PMS keeps view counts apart from the history table.
 */
function deleteHistoryEntry(ctx: RequestContext): Response {
  requireOwner(ctx);
  const entry = historyEntry(ctx);
  ctx.state.history.splice(ctx.state.history.indexOf(entry), 1);
  ctx.state.revision++;
  return container({ size: 0 });
}

/** Playback history: the list, one entry, and deleting one. */
export const historyRoutes: Route[] = [
  { method: 'GET', path: '/status/sessions/history/all', handler: listHistory },
  { method: 'GET', path: '/status/sessions/history/{id}', handler: getHistoryEntry },
  { method: 'DELETE', path: '/status/sessions/history/{id}', handler: deleteHistoryEntry },
];
