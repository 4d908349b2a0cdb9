import { describe, expect, it } from 'vitest';
import { cutPage, readPageRequest } from './paging.js';

describe('readPageRequest', () => {
  it('prefers headers over the query string', () => {
    const headers = new Headers({ 'X-Plex-Container-Start': '5', 'X-Plex-Container-Size': '2' });
    const query = new URLSearchParams('X-Plex-Container-Start=9&X-Plex-Container-Size=9');
    expect(readPageRequest(headers, query)).toEqual({ start: 5, size: 2, limit: undefined });
  });

  it('reads the query string when headers are absent, and Plex `limit`', () => {
    const query = new URLSearchParams('X-Plex-Container-Start=3&X-Plex-Container-Size=0&limit=7');
    expect(readPageRequest(new Headers(), query)).toEqual({ start: 3, size: 0, limit: 7 });
  });

  it('treats missing or malformed values as "not asked"', () => {
    const query = new URLSearchParams('X-Plex-Container-Start=abc&X-Plex-Container-Size=-1');
    expect(readPageRequest(new Headers(), query)).toEqual({
      start: 0,
      size: undefined,
      limit: undefined,
    });
  });
});

describe('cutPage', () => {
  const list = ['a', 'b', 'c', 'd', 'e'];

  it('returns the whole list when no size was asked', () => {
    expect(cutPage(list, { start: 0, size: undefined, limit: undefined })).toEqual({
      items: list,
      offset: 0,
      totalSize: 5,
    });
  });

  it('cuts a window and reports the total', () => {
    expect(cutPage(list, { start: 1, size: 2, limit: undefined })).toEqual({
      items: ['b', 'c'],
      offset: 1,
      totalSize: 5,
    });
  });

  it('answers size 0 with the total only, as a counting query', () => {
    expect(cutPage(list, { start: 0, size: 0, limit: undefined })).toEqual({
      items: [],
      offset: 0,
      totalSize: 5,
    });
  });

  it('caps the list and the total with limit', () => {
    expect(cutPage(list, { start: 2, size: 10, limit: 3 })).toEqual({
      items: ['c'],
      offset: 2,
      totalSize: 3,
    });
  });

  it('clamps a start past the end to an empty page', () => {
    expect(cutPage(list, { start: 50, size: 10, limit: undefined })).toEqual({
      items: [],
      offset: 5,
      totalSize: 5,
    });
  });
});
