import { describe, expect, it } from 'vitest';
import { toolHarness } from '../testing/harness.js';
import { candidateLine, candidateList } from './listing.js';

describe('candidate lists in AMBIGUOUS messages', () => {
  it('joins lines and caps them with "and N more"', () => {
    const lines = Array.from({ length: 13 }, (_, i) =>
      candidateLine(String(i), `T${i}`, [2000 + i]),
    );
    expect(candidateList(lines.slice(0, 2))).toBe('0 T0 (2000); 1 T1 (2001)');
    const capped = candidateList(lines);
    expect(capped).toMatch(/^0 T0 \(2000\); .*; 9 T9 \(2009\); and 3 more$/);
    expect(candidateLine('7', 'Untyped', [undefined, ''])).toBe('7 Untyped');
  });

  it('names media candidates with year, type and library in the text', async () => {
    const h = toolHarness();
    const result = await h.call('media_get_details', { media: 'Sherlock Holmes' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'AMBIGUOUS',
        message:
          '2 items match "Sherlock Holmes": 1014 Sherlock Holmes (1916, movie, Movies); 1015 Sherlock Holmes (1922, movie, Movies). Call again with media set to one id.',
      },
    });
  });

  it('names players, playlists and collections the same way', async () => {
    const h = toolHarness();
    const ipad = h.emulator.state.players.get('ipad-kt-19c2');
    if (!ipad) throw new Error('no iPad');
    ipad.name = 'Living Room TV';
    const players = await h.call('client_get_details', { client: 'Living Room TV' });
    expect(players.ok ? '' : players.error.message).toMatch(
      /^2 players are named "Living Room TV": roku-lr-7f3a Living Room TV \([^)]+\); ipad-kt-19c2 Living Room TV \([^)]+\)\. Call again with client set to one id\.$/,
    );

    const copy = await h.plex.playlists.create({
      title: 'Piano Evenings',
      type: 'audio',
      ratingKeys: ['1048'],
    });
    const playlists = await h.call('playlist_get_contents', { playlist: 'Piano Evenings' });
    expect(playlists.ok ? '' : playlists.error.message).toMatch(
      new RegExp(
        `^2 playlists are titled "Piano Evenings": 1074 Piano Evenings \\(audio, \\d+ items\\); ${copy.ratingKey} Piano Evenings \\(audio, 1 items\\)\\. Call again with its id as playlist\\.$`,
      ),
    );

    await h.plex.collections.create({
      sectionId: 2,
      title: 'Film Noir',
      type: 'show',
      ratingKeys: ['1039'],
    });
    const collections = await h.call('collection_get_contents', { collection: 'Film Noir' });
    expect(collections.ok ? '' : collections.error.message).toMatch(
      /^2 collections are titled "Film Noir": 1018 Film Noir \(Movies, \d+ items\); \d+ Film Noir \(TV Shows, 1 items\)\. Call again with its id as collection/,
    );
  });
});
