import { HttpError, type RequestContext, requireOwner } from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import type { AccountRecord, ItemRecord, ItemType } from '../../state/types.js';
import { handleCollectionPrefs } from '../collections.js';
import { callerPlaylist, editPlaylistResponse } from '../playlists/shared.js';
import { applyEdits } from './edit-apply.js';
import { isEmptyPlan, parseEditQuery } from './edit-query.js';
import { typeFromNumber, visibleItem } from './shared.js';

/**
 * `PUT /library/sections/{sectionId}/all?type=N&id=1,2&…`: the edit endpoint python-plexapi's
 * `_edit` uses. `id` may be a comma list; without `id` the edit applies to every item of `type`
 * in the section (python-plexapi's `lockAllField`). Unknown sections and items are 404, items of
 * another section 404 (PMS looks them up within the section), a `type` that does not match 400.
 */
function editSection(ctx: RequestContext): Response {
  const account = requireOwner(ctx);
  const sectionId = Number(ctx.params.sectionId);
  const section = ctx.state.sections.get(sectionId);
  if (!section) throw new HttpError(404, `no section ${ctx.params.sectionId ?? ''}`);
  const type = readType(ctx);
  const ids = splitIds(ctx.query.get('id'));
  let items: ItemRecord[];
  if (ids.length > 0) {
    items = ids.map((id) => {
      const item = ctx.state.items.get(id);
      if (!item || item.sectionId !== section.id) {
        throw new HttpError(404, `no item ${id} in section ${section.id}`);
      }
      return item;
    });
  } else {
    if (!type) throw new HttpError(400, 'an edit without id needs a type');
    items = ctx.state.keysOf(section.id, type).flatMap((key) => ctx.state.items.get(key) ?? []);
  }
  return editAll(ctx, account, items, type);
}

/**
 * `PUT /library/metadata/{ids}?title.value=…`: the same edit syntax addressed by ratingKey. A
 * playlist's ratingKey edits the playlist (title, summary, sort title), which its owner may do.
 */
function editItems(ctx: RequestContext): Response {
  const ids = splitIds(ctx.params.ids ?? null);
  const playlist = ids.length === 1 ? callerPlaylist(ctx, ids[0]) : undefined;
  if (playlist) return editPlaylistResponse(ctx, playlist);
  const account = requireOwner(ctx);
  const type = readType(ctx);
  const items = ids.map((id) => visibleItem(ctx, id));
  if (items.length === 0) throw new HttpError(404, 'no item named');
  return editAll(ctx, account, items, type);
}

/**
 * `PUT /library/metadata/{id}/prefs?…` (python-plexapi's `editAdvanced`, built from the item's
 * key): collection mode and order are handed to the collection routes. The emulator keeps no
 * advanced settings for other items and says so with 400 rather than pretending to store them.
 */
function editPrefs(ctx: RequestContext): Response {
  requireOwner(ctx);
  const item = visibleItem(ctx, ctx.params.id);
  if (item.type === 'collection') return handleCollectionPrefs(ctx);
  throw new HttpError(400, `the emulator keeps no advanced settings for a ${item.type}`);
}

/** Applies the query's edit to items that must all be of `type` when one was given (else 400). */
function editAll(
  ctx: RequestContext,
  account: AccountRecord,
  items: readonly ItemRecord[],
  type: ItemType | undefined,
): Response {
  const wrong = type ? items.find((item) => item.type !== type) : undefined;
  if (wrong) throw new HttpError(400, `item ${wrong.ratingKey} is a ${wrong.type}, not a ${type}`);
  const plan = parseEditQuery(ctx.query);
  if (!isEmptyPlan(plan)) applyEdits(ctx, account, items, plan);
  return emptyOk();
}

function readType(ctx: RequestContext): ItemType | undefined {
  const raw = ctx.query.get('type');
  if (raw === null || raw === '') return undefined;
  const type = typeFromNumber(raw);
  if (!type) throw new HttpError(400, `type ${raw} is not a library item type`);
  return type;
}

function splitIds(raw: string | null): string[] {
  if (raw === null) return [];
  return [...new Set(raw.split(',').map((id) => id.trim()))].filter((id) => id !== '');
}

/** Metadata edits. */
export const editRoutes: Route[] = [
  { method: 'PUT', path: '/library/sections/{sectionId}/all', handler: editSection },
  { method: 'PUT', path: '/library/metadata/{ids}', handler: editItems },
  { method: 'PUT', path: '/library/metadata/{id}/prefs', handler: editPrefs },
];
