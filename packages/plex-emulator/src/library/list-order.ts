/*
 * The `sort=field[:desc]` parameter of the small list endpoints (`/playlists`, a section's
 * collections): a few fields, titles by default, ties by ratingKey so pages stay stable.
 */

/** What every sortable record here has: playlists and library items alike. */
export interface Titled {
  ratingKey: string;
  title: string;
  titleSort?: string | undefined;
  addedAt: number;
  updatedAt: number;
}

/** Sort keys by the field name a client passes. */
export type SortKeys<T> = Record<string, (entry: T) => string | number>;

/** The plain title order of small lists: the sort title (else the title), lower-cased. */
export function titleKey(entry: Pick<Titled, 'title' | 'titleSort'>): string {
  return (entry.titleSort ?? entry.title).toLowerCase();
}

const COMMON: SortKeys<Titled> = {
  title: titleKey,
  titleSort: titleKey,
  addedAt: (entry) => entry.addedAt,
  updatedAt: (entry) => entry.updatedAt,
};

/**
 * Sorts `list` in place by a `sort` parameter over the common fields and `extra` ones. Unknown
 * fields sort by title, as does a missing parameter.
 */
export function sortByQuery<T extends Titled>(
  list: T[],
  sort: string | null,
  extra: SortKeys<T> = {},
): T[] {
  const [field = 'titleSort', direction] = (sort ?? 'titleSort').split(':');
  const key = extra[field] ?? COMMON[field] ?? titleKey;
  const sign = direction === 'desc' ? -1 : 1;
  return list.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -sign : x > y ? sign : Number(a.ratingKey) - Number(b.ratingKey);
  });
}
