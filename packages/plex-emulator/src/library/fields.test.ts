import { describe, expect, it } from 'vitest';
import { DEMO } from '../data/demo.js';
import type { ItemRecord, ItemType } from '../state/types.js';
import { testEmulator } from '../testing/harness.js';
import {
  dateSeconds,
  FIELDS,
  fieldDef,
  resolutionBucket,
  TYPE_FIELDS,
  typeHasField,
} from './fields.js';

describe('field registry', () => {
  it('only lists known fields per type', () => {
    for (const [type, keys] of Object.entries(TYPE_FIELDS) as [ItemType, string[]][]) {
      for (const key of keys) expect(FIELDS[key], `${type}.${key}`).toBeDefined();
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(typeHasField('movie', 'genre')).toBe(true);
    expect(typeHasField('track', 'genre')).toBe(false);
    expect(fieldDef('toString')).toBeUndefined();
  });

  it('reads item values the way filters compare them', () => {
    const { state } = testEmulator();
    const env = { state, accountId: 1 };
    const notld = state.items.get(DEMO.movies.nightOfTheLivingDead.ratingKey) as ItemRecord;
    const read = (key: string) => {
      const field = FIELDS[key];
      if (!field) throw new Error(key);
      return 'values' in field ? field.values(notld) : field.value(notld, env);
    };
    expect(read('decade')).toBe(1960);
    expect(read('originallyAvailableAt')).toBe(Date.UTC(1968, 9, 1) / 1000);
    expect(read('actor')).toContain('Duane Jones');
    expect(read('resolution')).toEqual(['4k', '1080']);
    expect(read('viewCount')).toBe(2);
    expect(read('id')).toBe(Number(notld.ratingKey));
    expect(read('duplicate')).toBe(true);
    expect(read('trash')).toBe(false);
  });

  it('converts dates and resolutions', () => {
    expect(dateSeconds('1970-01-02')).toBe(86_400);
    expect(dateSeconds(undefined)).toBeUndefined();
    expect(dateSeconds('not a date')).toBeUndefined();
    expect(resolutionBucket('1080p')).toBe('1080');
    expect(resolutionBucket('576')).toBe('sd');
  });
});
