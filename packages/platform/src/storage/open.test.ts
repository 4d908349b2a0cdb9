import { describe, expect, it } from 'vitest';
import { freePort } from '../testing/pg-cluster.js';
import { openStorage } from './open.js';
import { redactDatabaseUrl } from './redact.js';

/** The error an open must fail with (a success fails the test). */
async function refusal(opening: Promise<unknown>): Promise<Error> {
  const outcome = await opening.then(
    () => new Error('expected openStorage to fail'),
    (e: unknown) => e as Error,
  );
  expect(outcome.message).not.toBe('expected openStorage to fail');
  return outcome;
}

describe('openStorage', () => {
  it('names the supported URL schemes and never prints the password', async () => {
    const error = await refusal(openStorage({ url: 'mysql://root:hunter2@db:3306/plex' }));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(error.message).toContain('postgres://');
    expect(error.message).toContain('sqlite:');
    expect(error.message).toContain('mysql://root:***@db:3306/plex');
    expect(error.message).not.toContain('hunter2');
  });

  it('says it cannot connect, with the server but not the password', async () => {
    const port = await freePort();
    const url = `postgres://plex:hunter2@127.0.0.1:${port}/plexmcp`;
    const error = await refusal(openStorage({ url }));
    expect(error).toMatchObject({ code: 'CANNOT_CONNECT' });
    expect(error.message).toContain(`postgres://plex:***@127.0.0.1:${port}/plexmcp`);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses a malformed PostgreSQL URL without echoing the password', async () => {
    const error = await refusal(openStorage({ url: 'postgres://plex:hunter2@[bad/db' }));
    expect(error).toMatchObject({ code: 'UNSUPPORTED_URL' });
    expect(error.message).not.toContain('hunter2');
  });
});

describe('redactDatabaseUrl', () => {
  it('masks the password and keeps everything else', () => {
    expect(redactDatabaseUrl('postgresql://u:p%40ss@h:5432/d?sslmode=require')).toBe(
      'postgresql://u:***@h:5432/d?sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });
});
