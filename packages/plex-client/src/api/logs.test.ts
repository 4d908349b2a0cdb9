import { describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
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
