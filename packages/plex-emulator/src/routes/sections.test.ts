import { describe, expect, it } from 'vitest';
import { Router } from '../http/router.js';
import { sectionRoutes } from './sections.js';

describe('sectionRoutes', () => {
  const router = new Router().add(sectionRoutes);

  it('leaves collections and the metadata edit to their own route files', () => {
    expect(router.match('GET', '/library/sections/1/collections').kind).toBe('not-found');
    // PUT on /all is the bulk metadata edit (routes/metadata.ts): here the path is GET-only.
    expect(router.match('PUT', '/library/sections/1/all').kind).toBe('method-not-allowed');
  });

  it('reads `all` and `refresh` as keywords, not section ids', () => {
    const all = router.match('GET', '/library/sections/all/refresh');
    const one = router.match('GET', '/library/sections/1/refresh');
    const post = router.match('POST', '/library/sections/refresh');
    if (all.kind !== 'found' || one.kind !== 'found' || post.kind !== 'found') {
      throw new Error('refresh routes missing');
    }
    expect(all.params).toEqual({});
    expect(one.params).toEqual({ id: '1' });
    expect(post.route.handler).toBe(all.route.handler);
    expect(router.match('GET', '/library/sections/all').kind).toBe('found');
  });

  it('answers every section endpoint it declares', () => {
    const paths = [
      ['GET', '/library/sections'],
      ['GET', '/library/sections/1'],
      ['GET', '/library/sections/1/prefs'],
      ['GET', '/library/sections/1/all'],
      ['GET', '/library/sections/1/genre'],
      ['GET', '/library/sections/1/firstCharacter'],
      ['GET', '/library/sections/1/onDeck'],
      ['GET', '/library/sections/1/recentlyAdded'],
      ['GET', '/library/onDeck'],
      ['GET', '/library/recentlyAdded'],
      ['DELETE', '/library/sections/1/refresh'],
      ['PUT', '/library/sections/1/emptyTrash'],
      ['PUT', '/library/optimize'],
      ['PUT', '/library/clean/bundles'],
    ] as const;
    for (const [method, path] of paths) expect(router.match(method, path).kind, path).toBe('found');
  });
});
