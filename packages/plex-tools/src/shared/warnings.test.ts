import { PlexForbiddenError, PlexTimeoutError } from '@plexmcp/plex-client';
import { describe, expect, it } from 'vitest';
import { Warnings } from './warnings.js';

const refused = () =>
  new PlexForbiddenError('refused GET http://192.168.1.10:32400/updater/status', {
    status: 403,
    method: 'GET',
    url: 'http://192.168.1.10:32400/updater/status',
  });

describe('Warnings', () => {
  it('turns a refused request into null and one warning naming the part and the reason', async () => {
    const warnings = new Warnings();
    expect(await warnings.optional('update status', () => Promise.reject(refused()))).toBeNull();
    expect(await warnings.optional('update status', () => Promise.reject(refused()))).toBeNull();
    expect(await warnings.optional('counts', () => Promise.resolve(3))).toBe(3);
    expect(warnings.attach({ name: 'x' })).toEqual({
      name: 'x',
      warnings: ['update status unavailable: Plex refused (403)'],
    });
  });

  it('never repeats the address, URL or message of the failure', async () => {
    const warnings = new Warnings();
    const timeout = new PlexTimeoutError('timed out at http://192.168.1.10:32400/accounts', {
      method: 'GET',
      url: 'http://192.168.1.10:32400/accounts?X-Plex-Token=REDACTED',
    });
    await warnings.optional('user names', () => Promise.reject(timeout));
    expect(warnings.list).toEqual(['user names unavailable: Plex did not answer in time']);
  });

  it('leaves outputs without warnings when nothing was missing', () => {
    expect(new Warnings().attach({ a: 1 })).toEqual({ a: 1 });
  });

  it('lets bugs and cancellation through', async () => {
    const warnings = new Warnings();
    await expect(
      warnings.optional('x', () => Promise.reject(new TypeError('bug'))),
    ).rejects.toThrow('bug');
    const controller = new AbortController();
    controller.abort();
    const cancelled = new Warnings(controller.signal);
    await expect(cancelled.optional('x', () => Promise.reject(refused()))).rejects.toThrow(
      'refused',
    );
    expect(warnings.list).toEqual([]);
  });
});
