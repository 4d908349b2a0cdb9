import { describe, expect, it } from 'vitest';
import { isPlexError } from './any-plex-error.js';
import { PlexNotFoundError } from './not-found-error.js';
import { PLEX_ERROR_BRAND, PlexError, type PlexErrorCode } from './plex-error.js';
import { PlexUnauthorizedError } from './unauthorized-error.js';

/**
 * What another copy of this package throws (an app's own install next to one nested under
 * plex-tools or bundled elsewhere): the same shape and the same registry symbol, but a class
 * this copy has never seen.
 */
class OtherCopyPlexError extends Error {
  readonly code: PlexErrorCode;
  readonly status: number | undefined;
  readonly method = 'GET';
  readonly url = 'http://plex.test:32400/library/metadata/1';

  constructor(code: PlexErrorCode, status?: number) {
    super(`Plex said ${code}`);
    this.name = 'PlexError';
    this.code = code;
    this.status = status;
  }
}
Object.defineProperty(OtherCopyPlexError.prototype, Symbol.for('plexmcp.PlexError'), {
  value: true,
});

const details = { method: 'GET', url: 'http://plex.test:32400/x', status: 404 };

describe('PlexError brand', () => {
  it('is the registry symbol every copy of the package shares', () => {
    expect(PLEX_ERROR_BRAND).toBe(Symbol.for('plexmcp.PlexError'));
    expect(new PlexNotFoundError('gone', details)[PLEX_ERROR_BRAND]).toBe(true);
  });

  it('recognises an error from another copy, which the prototype chain does not', () => {
    const foreign = new OtherCopyPlexError('UNAUTHORIZED', 401);
    expect(Object.prototype.isPrototypeOf.call(PlexError.prototype, foreign)).toBe(false);
    expect(isPlexError(foreign)).toBe(true);
    expect(PlexError.isPlexError(foreign)).toBe(true);
    expect(foreign instanceof PlexError).toBe(true);
  });

  it('recognises this copy’s errors, and subclasses still check their own class', () => {
    const notFound = new PlexNotFoundError('gone', details);
    expect(isPlexError(notFound)).toBe(true);
    expect(notFound instanceof PlexError).toBe(true);
    expect(notFound instanceof PlexNotFoundError).toBe(true);
    expect(notFound instanceof PlexUnauthorizedError).toBe(false);
    expect(new OtherCopyPlexError('NOT_FOUND', 404) instanceof PlexNotFoundError).toBe(false);
  });

  it('does not recognise look-alikes without the brand', () => {
    const plain = Object.assign(new Error('nope'), { name: 'PlexError', code: 'NOT_FOUND' });
    for (const value of [plain, { code: 'NOT_FOUND' }, null, undefined, 'PlexError', 404]) {
      expect(isPlexError(value)).toBe(false);
      expect(value instanceof PlexError).toBe(false);
    }
    // A brand must be exactly `true`, not merely present.
    expect(isPlexError({ [PLEX_ERROR_BRAND]: 'yes' })).toBe(false);
  });

  it('keeps the brand out of what an error prints and serialises', () => {
    const error = new PlexNotFoundError('gone', details);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.stringify(error)).not.toContain('plexmcp');
  });
});
