import { describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { PlexNotFoundError } from '../errors/not-found-error.js';
import { emulatorClient } from '../testing/emulator-client.js';

describe('logs.download', () => {
  it('downloads the ZIP with the token in a header only', async () => {
    const { client, emulator, sent } = emulatorClient();
    const zip = await client.logs.download();

    const request = sent.at(-1);
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/diagnostics/logs');
    expect(url.search).toBe('');
    expect(request?.headers.get('X-Plex-Token')).toBe(emulator.token);
    expect(request?.headers.get('Accept')).toContain('application/zip');

    expect(zip).toBeInstanceOf(Uint8Array);
    // A local file header first, an end-of-central-directory record last.
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const tail = zip.slice(-22);
    expect([...tail.slice(0, 4)]).toEqual([0x50, 0x4b, 0x05, 0x06]);
    // File names are stored uncompressed in the archive.
    const text = new TextDecoder('latin1').decode(zip);
    expect(text).toContain('Plex Media Server.log');
    expect(text).not.toContain(emulator.token);
  });

  it('is FORBIDDEN for a managed user', async () => {
    const { emulator } = emulatorClient();
    const client = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      token: emulator.state.accounts.get(2)?.serverToken ?? '',
      retry: false,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    });
    await expect(client.logs.download()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });
});

describe('logs.read', () => {
  it('reads the server log from the archive, with a request made earlier in it', async () => {
    const { client, emulator, sent } = emulatorClient();
    await client.libraries.items(1, { limit: 1, sort: 'titleSort' });
    const log = await client.logs.read('server');

    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/diagnostics/logs');
    expect(log.file).toBe('Plex Media Server.log');
    expect(log.lines).toHaveLength(log.totalLines);
    const request = log.lines.find((line) =>
      line.includes('GET /library/sections/1/all?sort=titleSort'),
    );
    expect(request).toMatch(/DEBUG - Request: .*\(Signed-in Token \(demo_owner\)\)$/);
    expect(log.lines.join('\n')).not.toContain(emulator.token);
    // No line endings left in the lines, and no empty last line.
    expect(log.lines.some((line) => /[\r\n]/.test(line))).toBe(false);
    expect(log.lines.at(-1)).not.toBe('');
  });

  it('keeps only the last N lines', async () => {
    const { client } = emulatorClient();
    const all = await client.logs.read('scanner');
    expect(all.totalLines).toBeGreaterThan(3);

    const tail = await client.logs.read('scanner', { lines: 3 });
    expect(tail.lines).toEqual(all.lines.slice(-3));
    expect(tail.totalLines).toBe(all.totalLines);
    expect((await client.logs.read('scanner', { lines: 0 })).lines).toEqual([]);
    const more = await client.logs.read('scanner', { lines: all.totalLines + 10 });
    expect(more.lines).toEqual(all.lines);
  });

  it.each([
    ['server', 'Plex Media Server.log'],
    ['scanner', 'Plex Media Scanner.log'],
    ['transcoder', 'Plex Transcoder Statistics.log'],
    ['updater', 'Plex Update Service.log'],
  ] as const)('maps %s to %s', async (kind, file) => {
    const { client, emulator } = emulatorClient();
    const log = await client.logs.read(kind);
    expect(log.file).toBe(file);
    expect(log.lines).toHaveLength(emulator.state.logs[file].length);
  });

  it('reads a file by its name, and lists the files', async () => {
    const { client } = emulatorClient();
    const log = await client.logs.read('Plex Update Service.log', { lines: 1 });
    expect(log.file).toBe('Plex Update Service.log');
    expect(log.lines).toHaveLength(1);
    expect((await client.logs.files()).sort()).toEqual([
      'Plex Media Scanner.log',
      'Plex Media Server.log',
      'Plex Transcoder Statistics.log',
      'Plex Update Service.log',
    ]);
  });

  it('is NOT_FOUND for an unknown file, naming the kinds and files that exist', async () => {
    const { client } = emulatorClient();
    const error = await client.logs.read('plugins').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlexNotFoundError);
    const message = (error as PlexNotFoundError).message;
    expect(message).toContain('no "plugins"');
    expect(message).toContain('server, scanner, transcoder, updater');
    for (const file of [
      'Plex Media Server.log',
      'Plex Media Scanner.log',
      'Plex Transcoder Statistics.log',
      'Plex Update Service.log',
    ]) {
      expect(message).toContain(`"${file}"`);
    }
    // Not a prototype key either.
    await expect(client.logs.read('constructor')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a bad line count before downloading', async () => {
    const { client, sent } = emulatorClient();
    await expect(client.logs.read('server', { lines: -1 })).rejects.toThrow(TypeError);
    await expect(client.logs.read('server', { lines: 1.5 })).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });
});
