import { visibleTools } from '@plexmcp/plex-tools';
import { describe, expect, it } from 'vitest';
import { searchTools, searchWords } from './tool-search.js';

const tools = visibleTools({ access: 'delete' });
const best = (query: string, limit = 1) => searchTools(tools, query, limit).map((t) => t.name);

describe('searchWords', () => {
  it('splits snake_case and prose into lower-case stems without filler words', () => {
    expect(searchWords('playlist_add_to')).toEqual(['playlist', 'add']);
    expect(searchWords('Who is watching the Libraries?')).toEqual(['watch', 'library']);
    expect(searchWords('added scheduled')).toEqual(['add', 'schedul']);
  });
});

describe('searchTools', () => {
  it.each([
    ['add movies to a playlist', 'playlist_add_to'],
    ['who is watching now', 'sessions_get_active'],
    ['mark an episode as watched', 'media_set_watched'],
    ['stop a stream', 'sessions_terminate'],
    ['recently added', 'library_get_recently_added'],
    ['server logs', 'server_get_plex_logs'],
    ['new collection', 'collection_create'],
    ['find a movie by title', 'media_search'],
    ['poster', 'playlist_upload_poster'],
  ])('puts the tool a person means first: %s → %s', (query, expected) => {
    expect(best(query)).toEqual([expected]);
  });

  it.each([
    // The player's actions are enum values of an input, which counts for little.
    ['pause the player', 'client_control_playback'],
    ['play a movie on the tv', 'client_start_playback'],
    ['count the items of a library', 'library_get_stats'],
  ])('puts the tool a person means among the first three: %s → %s', (query, expected) => {
    expect(best(query, 3)).toContain(expected);
  });

  it('leaves out tools that match no word and keeps to the limit', () => {
    expect(best('zzzz qqqq', 5)).toEqual([]);
    expect(best('the of a', 5)).toEqual([]);
    expect(best('playlist', 4)).toHaveLength(4);
  });
});
