import { describe, expect, it } from 'vitest';
import { createPlexClient } from './client.js';
import { createPlexSignIn } from './sign-in.js';
import { emulatorClient } from './testing/emulator-client.js';

describe('createPlexSignIn', () => {
  it('runs the PIN flow without sending any token, then the token works', async () => {
    const { emulator } = emulatorClient();
    const sent: Request[] = [];
    const signIn = createPlexSignIn({
      plexTvUrl: `http://plex.test:32400${emulator.plexTvPath}`,
      clientIdentifier: 'sign-in-test',
      fetch: async (input, init) => {
        const request = new Request(input, init);
        sent.push(request.clone());
        return emulator.fetch(request);
      },
    });
    const pin = await signIn.createPin({ strong: true });
    expect(pin.linkUrl).toContain(pin.code);
    expect((await signIn.checkPin(pin.id)).authToken).toBeUndefined();

    // The person approves the PIN while we poll (the emulator links it to the owner).
    const polled = signIn.pollPin(pin.id, { intervalMs: 5 });
    await emulator.fetch(
      new Request(`http://plex.test:32400${emulator.plexTvPath}/api/v2/pins/link`, {
        method: 'PUT',
        headers: {
          'X-Plex-Token': emulator.token,
          'X-Plex-Client-Identifier': 'browser',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: `code=${pin.code}`,
      }),
    );
    const token = await polled;
    expect(token).toBe(emulator.token);
    for (const request of sent) {
      expect(request.headers.has('X-Plex-Token')).toBe(false);
      expect(request.headers.get('X-Plex-Client-Identifier')).toBe('sign-in-test');
    }

    const client = createPlexClient({
      baseUrl: 'http://plex.test:32400',
      token,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    });
    expect((await client.server.identity()).machineIdentifier).toBe(emulator.machineIdentifier);
  });

  it('says where to get a token when createPlexClient has none', () => {
    expect(() => createPlexClient({ baseUrl: 'http://127.0.0.1:32400', token: '' })).toThrow(
      'createPlexSignIn gets one',
    );
  });
});
