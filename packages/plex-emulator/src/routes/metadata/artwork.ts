import { formatHexColor, readPngFirstPixel } from '../../formats/png.js';
import {
  HttpError,
  type RequestContext,
  requireAccount,
  requireOwner,
} from '../../http/context.js';
import { container, emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import { sectionContainerFields } from '../../render/metadata.js';
import { notifyItemChanged } from '../../services/events.js';
import type { ArtworkCandidate, ItemRecord, PlaylistRecord } from '../../state/types.js';
import { callerPlaylist, setPlaylistPosterResponse } from '../playlists/shared.js';
import {
  ART_SLOTS,
  type ArtSlot,
  colorFromDigest,
  editableSlot,
  findCandidate,
  renderCandidate,
  sha1,
  slotState,
} from './artwork-slots.js';
import { visibleItem } from './shared.js';

/** Uploads larger than this are refused (413) rather than hashed. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** `GET /library/metadata/{id}/posters` (and `/arts`, …): the candidates, one of them selected. */
function listCandidates(slot: ArtSlot) {
  return (ctx: RequestContext): Response => {
    requireAccount(ctx);
    const item = visibleItem(ctx, ctx.params.id);
    const current = slotState(ctx.state, item, slot.kind);
    const { identifier, mediaTagPrefix, mediaTagVersion } = sectionContainerFields(
      ctx.state,
      item.sectionId,
    );
    return container(
      {
        identifier,
        mediaTagPrefix,
        mediaTagVersion,
        Metadata: (current?.candidates ?? []).map((candidate) =>
          renderCandidate(item, candidate, candidate.key === current?.selected),
        ),
      },
      'Metadata',
    );
  };
}

/**
 * `POST /library/metadata/{id}/posters?url=…` or with the raw image as the body: PMS stores the
 * image as `upload://posters/<sha1>` and selects it. The emulator paints it in the uploaded
 * PNG's first pixel colour (or a colour derived from the bytes or URL), so a later image fetch
 * shows the change. A playlist's ratingKey sets the playlist's poster instead; its owner may do
 * that, where library artwork is the admin's.
 */
function upload(slot: ArtSlot) {
  return async (ctx: RequestContext): Promise<Response> => {
    const playlist = playlistTarget(ctx, slot);
    if (playlist) {
      return setPlaylistPosterResponse(ctx, playlist, (await readUpload(ctx, slot)).color);
    }
    requireOwner(ctx);
    const item = visibleItem(ctx, ctx.params.id);
    const candidate = await readUpload(ctx, slot);
    const stored = editableSlot(ctx.state, item, slot.kind);
    const existing = stored.candidates.find((entry) => entry.key === candidate.key);
    if (!existing) stored.candidates.push(candidate);
    choose(ctx, item, slot, existing ?? candidate);
    return emptyOk();
  };
}

/** The candidate an upload makes: from `url=`, else from the image in the request body. */
async function readUpload(ctx: RequestContext, slot: ArtSlot): Promise<ArtworkCandidate> {
  const url = ctx.query.get('url');
  if (url) return urlCandidate(slot, url);
  const declared = Number(ctx.request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_UPLOAD_BYTES) throw new HttpError(413, 'image too large');
  const body = new Uint8Array(await ctx.request.arrayBuffer());
  if (body.length === 0) throw new HttpError(400, 'no url and no image in the body');
  if (body.length > MAX_UPLOAD_BYTES) throw new HttpError(413, 'image too large');
  const digest = sha1(body);
  const firstPixel = readPngFirstPixel(body);
  return {
    key: `upload://${slot.folder}/${digest}`,
    provider: 'upload',
    color: firstPixel ? formatHexColor(firstPixel) : colorFromDigest(digest),
  };
}

/** The candidate PMS makes of an image URL, named and coloured by the URL's digest. */
function urlCandidate(slot: ArtSlot, url: string): ArtworkCandidate {
  const digest = sha1(url);
  return {
    key: `upload://${slot.folder}/${digest}`,
    provider: 'url',
    color: colorFromDigest(digest),
  };
}

/**
 * The caller's playlist when `{id}` names one and the slot is the poster, the only artwork the
 * emulator keeps for playlists.
 */
function playlistTarget(ctx: RequestContext, slot: ArtSlot): PlaylistRecord | undefined {
  return slot.kind === 'poster' ? callerPlaylist(ctx, ctx.params.id) : undefined;
}

/**
 * `PUT /library/metadata/{id}/poster?url={ratingKey}`: selects one of the listed candidates.
 * Playlists keep no candidate list, so on a playlist the `url` is taken as a new poster.
 */
function select(slot: ArtSlot) {
  return (ctx: RequestContext): Response => {
    const url = ctx.query.get('url');
    const playlist = playlistTarget(ctx, slot);
    if (playlist) {
      if (!url) throw new HttpError(400, 'url is required');
      return setPlaylistPosterResponse(ctx, playlist, urlCandidate(slot, url).color);
    }
    requireOwner(ctx);
    const item = visibleItem(ctx, ctx.params.id);
    if (!url) throw new HttpError(400, 'url is required');
    const current = slotState(ctx.state, item, slot.kind);
    const candidate = current ? findCandidate(item, current, url) : undefined;
    if (!candidate) throw new HttpError(404, `no ${slot.kind} ${url} for item ${item.ratingKey}`);
    choose(ctx, item, slot, candidate);
    return emptyOk();
  };
}

/**
 * Makes a candidate the selected one. Choosing artwork by hand locks the slot against agent
 * refreshes and changes `updatedAt`, so the item's `thumb`/`art` URLs change as in PMS.
 */
function choose(
  ctx: RequestContext,
  item: ItemRecord,
  slot: ArtSlot,
  candidate: ArtworkCandidate,
): void {
  const stored = editableSlot(ctx.state, item, slot.kind);
  stored.selected = candidate.key;
  item.locked.add(slot.lock);
  ctx.state.touch(item, ctx.services.nowSeconds());
  notifyItemChanged(ctx.services, item, 'done');
}

/** Artwork candidate lists, uploads and selection. */
export const artworkRoutes: Route[] = ART_SLOTS.flatMap((slot): Route[] => [
  { method: 'GET', path: `/library/metadata/{id}/${slot.list}`, handler: listCandidates(slot) },
  { method: 'POST', path: `/library/metadata/{id}/${slot.list}`, handler: upload(slot) },
  ...slot.elements.flatMap((element): Route[] => [
    { method: 'PUT', path: `/library/metadata/{id}/${element}`, handler: select(slot) },
    // [O] also lets the element path take an upload (`POST …/poster?url=`).
    { method: 'POST', path: `/library/metadata/{id}/${element}`, handler: upload(slot) },
  ]),
]);
