import type { PlexError } from '../errors/plex-error.js';

/** The error a promise rejects with, for inspection; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<PlexError> {
  try {
    await promise;
  } catch (error) {
    return error as PlexError;
  }
  throw new Error('expected the request to fail');
}
