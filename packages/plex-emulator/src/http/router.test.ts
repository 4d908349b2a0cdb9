import { describe, expect, it } from 'vitest';
import { emptyOk } from './responses.js';
import { Router } from './router.js';

const handler = () => emptyOk();

describe('Router', () => {
  const router = new Router().add([
    { method: 'GET', path: '/:/prefs', handler },
    { method: ['GET', 'PUT'], path: '/library/sections/{id}/all', handler },
    { method: 'GET', path: '/library/metadata/{ids}/children', handler },
    { method: 'GET', path: '/library/metadata/{ids}/{slot}/{stamp}', handler },
  ]);

  it('matches literal colon segments that Plex paths use', () => {
    expect(router.match('GET', '/:/prefs').kind).toBe('found');
  });

  it('extracts and decodes placeholders', () => {
    const match = router.match('GET', '/library/metadata/10%2C11/children');
    expect(match).toMatchObject({ kind: 'found', params: { ids: '10,11' } });
  });

  it('accepts a trailing slash as PMS does', () => {
    expect(router.match('PUT', '/library/sections/2/all/')).toMatchObject({
      kind: 'found',
      params: { id: '2' },
    });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('DELETE', '/library/sections/2/all').kind).toBe('method-not-allowed');
    expect(router.match('GET', '/library/nothing').kind).toBe('not-found');
  });

  it('does not let a placeholder swallow several segments', () => {
    expect(router.match('GET', '/library/metadata/1/thumb/2/3').kind).toBe('not-found');
    expect(router.match('GET', '/library/metadata/1/thumb/2')).toMatchObject({
      params: { ids: '1', slot: 'thumb', stamp: '2' },
    });
  });
});
