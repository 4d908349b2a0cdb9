import { HttpError, type RequestContext } from '../../http/context.js';
import {
  checkCollectionRename,
  renameCollectionTags,
  syncCollectionMembership,
} from '../../library/collection-tags.js';
import { notifyItemChanged } from '../../services/events.js';
import { rateItem } from '../../services/playback/watch-marks.js';
import type { AccountRecord, ItemRecord, TagKind, TagRef } from '../../state/types.js';
import type { EditPlan, TagEdit } from './edit-query.js';

/** Applies one validated field value to an item. */
type FieldWriter = (item: ItemRecord) => void;

/** Checks a raw value (400 when PMS would refuse it) and returns how to write it. */
type FieldReader = (value: string) => FieldWriter;

/** Text fields: an empty value clears them (python-plexapi's `editField(None)` sends `''`). */
function text(
  name: 'titleSort' | 'originalTitle' | 'summary' | 'tagline' | 'studio' | 'contentRating',
): FieldReader {
  return (value) => (item) => {
    if (value === '') delete item[name];
    else item[name] = value;
  };
}

function number(
  name: 'year' | 'rating' | 'audienceRating' | 'index' | 'parentIndex',
  min: number,
  max: number,
  integer: boolean,
): FieldReader {
  return (value) => {
    if (value === '') {
      return (item) => {
        delete item[name];
      };
    }
    const parsed = Number(value);
    if (
      !Number.isFinite(parsed) ||
      parsed < min ||
      parsed > max ||
      (integer && !Number.isInteger(parsed))
    ) {
      throw new HttpError(400, `${name}.value ${value} is out of range`);
    }
    return (item) => {
      item[name] = parsed;
    };
  };
}

/** The fields PMS lets clients edit through `{field}.value`, and how each is checked. */
const FIELDS: Record<string, FieldReader> = {
  title: (value) => {
    if (value.trim() === '') throw new HttpError(400, 'title cannot be empty');
    return (item) => {
      item.title = value;
    };
  },
  titleSort: text('titleSort'),
  originalTitle: text('originalTitle'),
  summary: text('summary'),
  tagline: text('tagline'),
  studio: text('studio'),
  contentRating: text('contentRating'),
  originallyAvailableAt: (value) => {
    if (value === '') {
      return (item) => {
        delete item.originallyAvailableAt;
      };
    }
    // Photos send a capture time (`YYYY-MM-DD hh:mm:ss`); the date part is what is stored.
    const date = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/.exec(value.trim());
    if (!date || Number.isNaN(Date.parse(`${date[1]}-${date[2]}-${date[3]}T00:00:00Z`))) {
      throw new HttpError(400, `originallyAvailableAt.value ${value} is not YYYY-MM-DD`);
    }
    return (item) => {
      item.originallyAvailableAt = `${date[1]}-${date[2]}-${date[3]}`;
    };
  },
  year: number('year', 1800, 9999, true),
  rating: number('rating', 0, 10, false),
  audienceRating: number('audienceRating', 0, 10, false),
  index: number('index', 0, 1_000_000, true),
  parentIndex: number('parentIndex', 0, 1_000_000, true),
  addedAt: (value) => {
    const seconds = Number(value);
    if (value === '' || !Number.isInteger(seconds) || seconds < 0) {
      throw new HttpError(400, `addedAt.value ${value} is not a Unix time`);
    }
    return (item) => {
      item.addedAt = seconds;
    };
  },
};

/** Names that can be locked without a value: artwork slots and fields the emulator does not store. */
const LOCK_ONLY: ReadonlySet<string> = new Set([
  'thumb',
  'art',
  'theme',
  'banner',
  'clearLogo',
  'squareArt',
  'editionTitle',
]);

/** Tag names of the edit syntax → the tag kind the emulator stores (`actor` is cast, `Role`). */
const TAG_KINDS: Record<string, TagKind> = {
  genre: 'genre',
  director: 'director',
  writer: 'writer',
  producer: 'producer',
  country: 'country',
  label: 'label',
  collection: 'collection',
  style: 'style',
  mood: 'mood',
  actor: 'role',
  role: 'role',
};

/**
 * Applies an edit plan to items, all or nothing: every value is checked before anything is
 * written, so a 400 leaves the library untouched. Edited fields and tag kinds are locked unless
 * the request says `.locked=0`, as Plex Web and python-plexapi expect; tags given with
 * `{tag}[i].tag.tag` are added to the item's own (python-plexapi re-sends the existing ones,
 * other clients send only the new). Each item gets a new `updatedAt` and a timeline
 * notification; collection tags move the item in and out of the collections they name.
 */
export function applyEdits(
  ctx: RequestContext,
  account: AccountRecord,
  items: readonly ItemRecord[],
  plan: EditPlan,
): void {
  const writers: { name: string; write: FieldWriter; lock: boolean }[] = [];
  const locks: { name: string; locked: boolean }[] = [];
  let userRating: number | null | undefined;
  for (const [name, edit] of plan.fields) {
    if (name === 'userRating') {
      if (edit.value !== undefined) userRating = readUserRating(edit.value);
      continue;
    }
    const reader = FIELDS[name];
    if (edit.value !== undefined && reader) {
      writers.push({ name, write: reader(edit.value), lock: edit.locked ?? true });
    } else if (edit.locked !== undefined && (reader || LOCK_ONLY.has(name))) {
      locks.push({ name, locked: edit.locked });
    }
  }
  const newTitle = plan.fields.get('title')?.value;
  if (newTitle !== undefined) checkCollectionRename(ctx.state, items, newTitle);

  const now = ctx.services.nowSeconds();
  for (const item of items) {
    const oldTitle = item.title;
    for (const { name, write, lock } of writers) {
      write(item);
      setLock(item, name, lock);
    }
    for (const { name, locked } of locks) setLock(item, name, locked);
    for (const [name, edit] of plan.tags) applyTagEdit(ctx, item, name, edit);
    if (item.type === 'collection' && item.title !== oldTitle) {
      renameCollectionTags(ctx, item, oldTitle);
    }
    if (userRating !== undefined) {
      rateItem(ctx.state, account.id, item, userRating ?? undefined, now);
    }
    ctx.state.touch(item, ctx.services.nowSeconds());
    notifyItemChanged(ctx.services, item, 'done');
  }
}

function readUserRating(value: string): number | null {
  if (value === '' || value === '-1') return null;
  const rating = Number(value);
  if (!Number.isFinite(rating) || rating < 0 || rating > 10) {
    throw new HttpError(400, `userRating.value ${value} is not 0–10`);
  }
  return rating;
}

function setLock(item: ItemRecord, name: string, locked: boolean): void {
  if (locked) item.locked.add(name);
  else item.locked.delete(name);
}

function applyTagEdit(ctx: RequestContext, item: ItemRecord, name: string, edit: TagEdit): void {
  const kind = TAG_KINDS[name];
  const changed = edit.clear || edit.remove.length > 0 || edit.add.length > 0;
  if (edit.locked !== undefined || changed) setLock(item, name, edit.locked ?? true);
  // Kinds the emulator does not keep (`similar`, photo `tag`) are accepted and only locked.
  if (!kind || !changed) return;
  const before = item.tags[kind] ?? [];
  const removed = new Set(edit.remove.map((tag) => tag.toLowerCase()));
  const after: TagRef[] = edit.clear
    ? []
    : before.filter((tag) => !removed.has(tag.tag.toLowerCase())).map((tag) => ({ ...tag }));
  for (const ref of edit.add) {
    const existing = after.find((tag) => tag.tag.toLowerCase() === ref.tag.toLowerCase());
    if (existing) {
      if (ref.role !== undefined) existing.role = ref.role;
    } else {
      after.push(ref.role === undefined ? { tag: ref.tag } : { tag: ref.tag, role: ref.role });
    }
  }
  if (after.length > 0) item.tags[kind] = after;
  else delete item.tags[kind];
  if (kind === 'collection' && item.type !== 'collection') {
    syncCollectionMembership(
      ctx,
      item,
      before.map((tag) => tag.tag),
      after.map((tag) => tag.tag),
    );
  }
}
