import * as v from 'valibot';

/**
 * Most items any array input may hold. Each item can cost a Plex request (5,000 item ids were
 * 5,001 requests in a row), and 500 matches the largest page a list tool answers.
 */
export const MAX_ARRAY_ITEMS = 500;

/** An array input of `item`s, refused beyond MAX_ARRAY_ITEMS with a message that names the cap. */
export function boundedArray<TItem extends v.GenericSchema>(item: TItem) {
  return v.pipe(
    v.array(item),
    v.maxLength(
      MAX_ARRAY_ITEMS,
      (issue) =>
        `At most ${MAX_ARRAY_ITEMS} items per call (got ${issue.received}); split the list over several calls`,
    ),
  );
}
