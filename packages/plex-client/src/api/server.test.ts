import { describe, expect, it } from 'vitest';
import { emulatorClient } from '../testing/emulator-client.js';

describe('server', () => {
  it('reads the identity without needing anything else', async () => {
    const { client, emulator } = emulatorClient({ library: 'empty' });
    const identity = await client.server.identity();
    expect(identity.machineIdentifier).toBe(emulator.machineIdentifier);
    expect(identity.claimed).toBe(true);
  });

  it('reads capabilities with typed values', async () => {
    const { client, sent } = emulatorClient({ library: 'empty', allowMediaDeletion: false });
    const info = await client.server.info();
    expect(info).toMatchObject({
      friendlyName: 'Plex Emulator',
      platform: 'Linux',
      allowMediaDeletion: false,
      myPlexSigninState: 'ok',
    });
    expect(typeof info.transcoderActiveVideoSessions).toBe('number');
    expect(info.Directory.map((d) => d.key)).toContain('library');
    expect(new URL(sent[0]!.url).pathname).toBe('/');
  });
});
