import { describe, expect, it } from 'vitest';
import { QueryError } from './errors.js';
import { parseBoolean, parseDate, parseNumber, parseResolution } from './values.js';

const NOW = 1_763_812_800;

describe('parseDate', () => {
  it('takes Unix seconds as they are', () => {
    expect(parseDate('1700000000', NOW, 'addedAt')).toBe(1_700_000_000);
  });

  it('resolves relative times against now, in every unit Plex accepts', () => {
    expect(parseDate('-30d', NOW, 'addedAt')).toBe(NOW - 30 * 86_400);
    expect(parseDate('-2w', NOW, 'addedAt')).toBe(NOW - 14 * 86_400);
    expect(parseDate('-6h', NOW, 'addedAt')).toBe(NOW - 6 * 3600);
    expect(parseDate('-15m', NOW, 'addedAt')).toBe(NOW - 15 * 60);
    expect(parseDate('-1mon', NOW, 'addedAt')).toBe(NOW - 30 * 86_400);
    expect(parseDate('-3y', NOW, 'addedAt')).toBe(NOW - 3 * 365 * 86_400);
    expect(parseDate('-3600', NOW, 'addedAt')).toBe(NOW - 3600);
    expect(parseDate('+2h', NOW, 'addedAt')).toBe(NOW + 7200);
  });

  it('reads an unsigned relative time as "ago", as python-plexapi means it', () => {
    expect(parseDate('30d', NOW, 'addedAt')).toBe(NOW - 30 * 86_400);
  });

  it('takes calendar dates at UTC midnight', () => {
    expect(parseDate('2021-01-01', NOW, 'addedAt')).toBe(Date.UTC(2021, 0, 1) / 1000);
  });

  it('refuses anything else with a 400', () => {
    expect(() => parseDate('yesterday', NOW, 'addedAt')).toThrow(QueryError);
    expect(() => parseDate('2021-13-45', NOW, 'addedAt')).toThrow(/addedAt/);
  });
});

describe('scalar values', () => {
  it('parses numbers, including fractional ratings', () => {
    expect(parseNumber('7.5', 'rating')).toBe(7.5);
    expect(() => parseNumber('', 'year')).toThrow(QueryError);
    expect(() => parseNumber('nineteen', 'year')).toThrow(QueryError);
  });

  it('parses booleans as 1/0 or true/false', () => {
    expect(parseBoolean('1', 'unwatched')).toBe(true);
    expect(parseBoolean('TRUE', 'unwatched')).toBe(true);
    expect(parseBoolean('0', 'unwatched')).toBe(false);
    expect(parseBoolean('false', 'unwatched')).toBe(false);
    expect(() => parseBoolean('yes', 'unwatched')).toThrow(QueryError);
  });

  it('maps resolutions to Plex buckets', () => {
    expect(['4K', '2160', '1080p', '720', '480', '576', 'sd'].map(parseResolution)).toEqual([
      '4k',
      '4k',
      '1080',
      '720',
      '480',
      'sd',
      'sd',
    ]);
  });
});
