import { HttpError, toInt } from '../../http/context.js';
import { type Comparison, compareNumbers, readFilterTerm } from '../../http/filter-term.js';
import type { EmulatorState } from '../../state/store.js';
import type { HistoryRecord } from '../../state/types.js';

/** A predicate over history entries. */
export type HistoryFilter = (entry: HistoryRecord) => boolean;

/** Fields the history list filters on. `accountId` is the community spec's spelling. */
const FILTERS: Record<
  string,
  (state: EmulatorState, operator: Comparison, raw: string) => HistoryFilter
> = {
  accountID: (_state, operator, raw) => {
    const wanted = toInt(raw, 'accountID');
    return (entry) => compareNumbers(entry.accountId, operator, wanted);
  },
  accountId: (state, operator, raw) => FILTERS.accountID!(state, operator, raw),
  deviceID: (_state, operator, raw) => {
    const wanted = toInt(raw, 'deviceID');
    return (entry) => compareNumbers(entry.deviceId, operator, wanted);
  },
  viewedAt: (_state, operator, raw) => {
    const wanted = toInt(raw, 'viewedAt');
    return (entry) => compareNumbers(entry.viewedAt, operator, wanted);
  },
  librarySectionID: (state, operator, raw) => {
    const wanted = toInt(raw, 'librarySectionID');
    return (entry) => {
      const item = state.items.get(entry.ratingKey);
      return item !== undefined && compareNumbers(item.sectionId, operator, wanted);
    };
  },
  // PMS matches the item, its parent or its grandparent, so a show id returns its episodes.
  metadataItemID: (state, operator, raw) => {
    const wanted = String(toInt(raw, 'metadataItemID'));
    return (entry) => {
      const item = state.items.get(entry.ratingKey);
      const ids = [entry.ratingKey, item?.parentRatingKey, item?.grandparentRatingKey];
      const hit = ids.includes(wanted);
      return operator === '!=' ? !hit : hit;
    };
  },
};

/** The filters in a history query; keys that are not filters (paging, sort, X-Plex-*) are skipped. */
export function historyFilters(state: EmulatorState, query: URLSearchParams): HistoryFilter[] {
  const filters: HistoryFilter[] = [];
  for (const [rawKey, rawValue] of query) {
    const { field, op, value } = readFilterTerm(rawKey, rawValue);
    const make = FILTERS[field];
    if (!make) continue;
    if (!op) throw new HttpError(400, `unknown filter operator in ${rawKey}`);
    filters.push(make(state, op, value));
  }
  return filters;
}

/** Sort keys the history list accepts, with how to read each from an entry. */
const SORT_FIELDS: Record<string, (state: EmulatorState, entry: HistoryRecord) => number | string> =
  {
    viewedAt: (_state, entry) => entry.viewedAt,
    accountID: (_state, entry) => entry.accountId,
    deviceID: (_state, entry) => entry.deviceId,
    historyKey: (_state, entry) => entry.historyKey,
    id: (_state, entry) => entry.historyKey,
    ratingKey: (_state, entry) => Number(entry.ratingKey),
    librarySectionID: (state, entry) => state.items.get(entry.ratingKey)?.sectionId ?? 0,
    title: (state, entry) => state.items.get(entry.ratingKey)?.title.toLowerCase() ?? '',
  };

/**
 * Sorts entries by `sort=field[:asc|desc],…` (ascending when no direction is given). Without a
 * sort, entries come in the order they were recorded, as PMS's table returns them.
 */
export function sortHistory(
  state: EmulatorState,
  entries: HistoryRecord[],
  sort: string | null,
): HistoryRecord[] {
  if (sort === null || sort === '') return entries;
  const keys = sort.split(',').map((part) => {
    const [field = '', direction = 'asc'] = part.split(':');
    const read = SORT_FIELDS[field];
    if (!read || (direction !== 'asc' && direction !== 'desc')) {
      throw new HttpError(400, `cannot sort history by ${part}`);
    }
    return { read, sign: direction === 'desc' ? -1 : 1 };
  });
  return [...entries].sort((a, b) => {
    for (const { read, sign } of keys) {
      const left = read(state, a);
      const right = read(state, b);
      if (left < right) return -sign;
      if (left > right) return sign;
    }
    return a.historyKey - b.historyKey;
  });
}
