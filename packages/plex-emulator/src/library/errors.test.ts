import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/context.js';
import { QueryError } from './errors.js';

describe('QueryError', () => {
  it('is a 400 HttpError, so routes answer Plex 400 page without catching it', () => {
    const error = new QueryError('unknown filter field foo');
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('unknown filter field foo');
    expect(error.name).toBe('QueryError');
  });
});
