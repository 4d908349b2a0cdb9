import { HttpError, type RequestContext, requireAccount } from '../../http/context.js';
import { emptyOk } from '../../http/responses.js';
import type { Route } from '../../http/router.js';
import {
  markPlayed,
  markUnplayed,
  rateItem,
  reportProgress,
} from '../../services/playback/watch-marks.js';
import type { ItemRecord } from '../../state/types.js';
import { LIBRARY_IDENTIFIER, visibleItem } from './shared.js';

/**
 * The item `/:/scrobble`, `/:/unscrobble` and `/:/rate` name: `key` (a ratingKey, or a
 * `/library/metadata/{id}` path) or `uri` (`server://…/library/metadata/{id}` or a
 * `library://` URI). `identifier` must name the library: missing 400, another provider 404.
 */
function targetItem(ctx: RequestContext, requireIdentifier: boolean): ItemRecord {
  const identifier = ctx.query.get('identifier');
  if (identifier === null || identifier === '') {
    if (requireIdentifier) throw new HttpError(400, 'identifier is required');
  } else if (identifier !== LIBRARY_IDENTIFIER) {
    throw new HttpError(404, `no media provider ${identifier}`);
  }
  const key = ctx.query.get('key');
  const uri = ctx.query.get('uri');
  let ratingKey: string | undefined;
  if (key) {
    ratingKey = /\/library\/metadata\/([^/?]+)/.exec(key)?.[1] ?? key;
  } else if (uri) {
    ratingKey = /\/library\/metadata\/([^/?]+)/.exec(decodeSafely(uri))?.[1];
    if (ratingKey === undefined) throw new HttpError(400, `uri ${uri} names no library item`);
  } else {
    throw new HttpError(400, 'key or uri is required');
  }
  return visibleItem(ctx, ratingKey);
}

/**
 * `GET|PUT /:/scrobble?key=…&identifier=com.plexapp.plugins.library`: marks the item played for
 * the caller only. A leaf gains a view each time. For a show, season, artist, album or
 * collection every leaf not yet played gains one (played leaves keep their count, as marking a
 * whole show twice does not replay it). PMS writes no history entry for a scrobble.
 */
function scrobble(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  markPlayed(ctx.state, account.id, targetItem(ctx, true), ctx.services.nowSeconds());
  return emptyOk();
}

/** `GET|PUT /:/unscrobble?key=…&identifier=…`: marks the item (or every leaf under it) unplayed. */
function unscrobble(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  markUnplayed(ctx.state, account.id, targetItem(ctx, true));
  return emptyOk();
}

/**
 * `PUT /:/rate?key=…&identifier=…&rating=N[&ratedAt=T]`: the caller's 0–10 rating (floats
 * allowed: 7 shows as 3.5 stars); `-1` clears it. A `ratedAt` in the future is 400 ([O]).
 */
function rate(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = targetItem(ctx, true);
  const raw = ctx.query.get('rating');
  const rating = Number(raw);
  if (raw === null || raw === '' || !Number.isFinite(rating)) {
    throw new HttpError(400, 'rating must be a number');
  }
  const now = ctx.services.nowSeconds();
  const ratedAtRaw = ctx.query.get('ratedAt');
  const ratedAt = ratedAtRaw === null || ratedAtRaw === '' ? now : Number(ratedAtRaw);
  if (!Number.isInteger(ratedAt) || ratedAt < 0 || ratedAt > now) {
    throw new HttpError(400, 'ratedAt must be a past Unix time');
  }
  if (rating !== -1 && (rating < 0 || rating > 10)) {
    throw new HttpError(400, 'rating must be from 0 to 10');
  }
  rateItem(ctx.state, account.id, item, rating === -1 ? undefined : rating, ratedAt);
  return emptyOk();
}

/**
 * `GET|POST|PUT /:/progress?key=…&time=ms&state=…` (python-plexapi's `updateProgress`): sets the
 * caller's resume point. Time 0 clears it; past 90 % of the duration the play counts as
 * finished, once, as PMS's "video played threshold" does.
 */
function progress(ctx: RequestContext): Response {
  const account = requireAccount(ctx);
  const item = targetItem(ctx, false);
  const raw = ctx.query.get('time');
  const time = Number(raw);
  if (raw === null || raw === '' || !Number.isFinite(time) || time < 0) {
    throw new HttpError(400, 'time must be a non-negative number of ms');
  }
  reportProgress(ctx.state, account.id, item, Math.round(time), ctx.services.nowSeconds());
  return emptyOk();
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Watched state, ratings and resume points (per account). */
export const watchRoutes: Route[] = [
  { method: ['GET', 'PUT'], path: '/:/scrobble', handler: scrobble },
  { method: ['GET', 'PUT'], path: '/:/unscrobble', handler: unscrobble },
  { method: ['GET', 'PUT'], path: '/:/rate', handler: rate },
  { method: ['GET', 'POST', 'PUT'], path: '/:/progress', handler: progress },
];
