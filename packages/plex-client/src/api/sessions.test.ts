import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlexClient } from '../client.js';
import { emulatorClient } from '../testing/emulator-client.js';
import { clientAs } from '../testing/lookups.js';

const PLEX = 'http://plex.test:32400';
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => msw.resetHandlers());
afterAll(() => msw.close());

describe('sessions.active', () => {
  it('reads who watches what, where and how, with normalised ids', async () => {
    const { client, emulator, sent } = emulatorClient();
    const sessions = await client.sessions.active();
    expect(new URL(sent.at(-1)?.url ?? '').pathname).toBe('/status/sessions');
    expect(sessions).toHaveLength(emulator.state.sessions.size);

    const movie = sessions.find((session) => session.type === 'movie');
    expect(movie).toMatchObject({
      title: 'Charade',
      librarySectionID: 1,
      User: { id: '1', title: 'Demo Owner' },
      Player: {
        machineIdentifier: 'roku-lr-7f3a',
        title: 'Living Room TV',
        local: true,
        userID: 1,
      },
      Session: { location: 'lan' },
    });
    expect(typeof movie?.sessionKey).toBe('string');
    expect(typeof movie?.Session?.bandwidth).toBe('number');
    expect(typeof movie?.viewOffset).toBe('number');
    expect(movie?.TranscodeSession).toBeUndefined();
    expect(movie?.Media[0]?.Part[0]?.Stream.length).toBeGreaterThan(0);
    expect(typeof movie?.Media[0]?.id).toBe('number');

    const episode = sessions.find((session) => session.type === 'episode');
    expect(episode).toMatchObject({
      librarySectionID: 2,
      User: { id: '3' },
      Session: { location: 'wan' },
      TranscodeSession: { videoDecision: 'transcode' },
    });
    expect(episode?.grandparentTitle).toBeTruthy();
    expect(typeof episode?.TranscodeSession?.progress).toBe('number');
  });

  it('shows other accounts only their own sessions', async () => {
    const { emulator } = emulatorClient();
    const mine = await clientAs(emulator, 3).sessions.active();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((session) => session.User?.id === '3')).toBe(true);
  });
});

describe('sessions.terminate', () => {
  it('stops the stream by Session.id with a reason', async () => {
    const { client, sent } = emulatorClient();
    const [first, second] = await client.sessions.active();
    await client.sessions.terminate(first?.Session?.id ?? '', {
      reason: 'Server maintenance at 3am',
    });
    const url = new URL(sent.at(-1)?.url ?? '');
    expect(url.pathname).toBe('/status/sessions/terminate');
    expect(url.searchParams.get('sessionId')).toBe(first?.Session?.id);
    expect(url.searchParams.get('reason')).toBe('Server maintenance at 3am');

    const left = await client.sessions.active();
    expect(left.map((session) => session.sessionKey)).toEqual([second?.sessionKey]);
  });

  it('is NOT_FOUND for an unknown session and FORBIDDEN for a shared user', async () => {
    const { client, emulator } = emulatorClient();
    await expect(client.sessions.terminate('no-such-session')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [session] = await client.sessions.active();
    await expect(
      clientAs(emulator, 3).sessions.terminate(session?.Session?.id ?? ''),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(client.sessions.terminate('')).rejects.toBeInstanceOf(TypeError);
  });
});

describe('sessions payload tolerance', () => {
  it('parses string and number ids alike and defaults omitted arrays', async () => {
    msw.use(
      http.get(`${PLEX}/status/sessions`, () =>
        HttpResponse.json({
          MediaContainer: {
            size: 3,
            Metadata: [
              {
                ratingKey: 17,
                key: '/library/metadata/17',
                type: 'movie',
                title: 'Serenity',
                librarySectionID: '1',
                sessionKey: 12,
                viewOffset: '1834000',
                Media: [
                  {
                    id: '33',
                    selected: true,
                    Part: [
                      { id: '33', decision: 'transcode', Stream: [{ id: '101', streamType: 1 }] },
                    ],
                  },
                ],
                User: { id: 1, title: 'Owner' },
                Player: { machineIdentifier: 'abc', state: 'playing', local: 1, userID: '1' },
                Session: { id: '93h7e00ncblxncqw9lkfaoxi', bandwidth: '4200', location: 'lan' },
                TranscodeSession: { progress: '27.5', throttled: '0', speed: 3.1 },
              },
              {
                ratingKey: '67085',
                key: '/library/metadata/67085',
                type: 'track',
                title: 'Track',
                librarySectionID: 3,
                sessionKey: '203',
                User: { id: '1', title: 'Owner' },
                Player: { machineIdentifier: 'abc', state: 'paused', local: true, userID: 1 },
              },
              {
                ratingKey: '9',
                key: '/livetv/sessions/7a1c',
                type: 'episode',
                title: 'Live',
                sessionKey: '5',
                Player: { state: 'buffering' },
              },
            ],
          },
        }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    const [movie, track, live] = await client.sessions.active();

    expect(movie).toMatchObject({
      ratingKey: '17',
      librarySectionID: 1,
      sessionKey: '12',
      viewOffset: 1834000,
      User: { id: '1' },
      Player: { local: true, userID: 1 },
      Session: { bandwidth: 4200 },
      TranscodeSession: { progress: 27.5, throttled: false },
    });
    expect(movie?.Media[0]?.id).toBe(33);
    expect(movie?.Media[0]?.Part[0]?.Stream[0]?.id).toBe(101);
    expect(movie?.Genre).toEqual([]);

    expect(track).toMatchObject({ librarySectionID: 3, sessionKey: '203', Media: [] });
    expect(track?.Session).toBeUndefined();
    expect(track?.TranscodeSession).toBeUndefined();

    expect(live).toMatchObject({ sessionKey: '5', Player: { state: 'buffering' } });
    expect(live?.librarySectionID).toBeUndefined();
    expect(live?.User).toBeUndefined();
  });

  it('names the field path when a session cannot be read', async () => {
    msw.use(
      http.get(`${PLEX}/status/sessions`, () =>
        HttpResponse.json({
          MediaContainer: { Metadata: [{ ratingKey: '1', key: '/k', type: 'movie', title: 'x' }] },
        }),
      ),
    );
    const client = createPlexClient({ baseUrl: PLEX, token: 'tok-1234', retry: false });
    await expect(client.sessions.active()).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      path: 'MediaContainer.Metadata.0.sessionKey',
    });
  });
});
