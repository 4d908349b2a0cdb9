import { createPlexEmulator } from '@plexmcp/plex-emulator';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';

/** Runs the example with these arguments and environment; answers its exit code and lines. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out, err };
}

describe('node-tools example', () => {
  it('lists the libraries, finds a film and pages a library with --demo', async () => {
    const { code, out, err } = await run(['--demo']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      'Libraries:',
      '  Movies (movie, 17 items)',
      '  TV Shows (show, 3 items)',
      '  Music (artist, 3 items)',
      'Search "charade":',
      '  1002  Charade (1963)  movie  in Movies',
      'Movies, oldest 5 of 17:',
      '  1014  Sherlock Holmes (1916)  movie',
      '  1011  The Kid (1921)  movie',
      '  1004  Nosferatu (1922)  movie',
      '  1015  Sherlock Holmes (1922)  movie',
      '  1006  Sherlock Jr. (1924)  movie',
    ]);
  });

  it('talks to the Plex server PLEX_URL and PLEX_TOKEN name', async () => {
    const emulator = createPlexEmulator({ library: 'demo' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    try {
      const env = { PLEX_URL: served.url, PLEX_TOKEN: emulator.token };
      const { code, out } = await run(['night of the living', '--library', 'TV Shows'], env);
      expect(code).toBe(0);
      expect(out).toContain('Search "night of the living":');
      expect(out).toContain('  1000  Night of the Living Dead (1968)  movie  in Movies');
      expect(out).toContain('TV Shows, oldest 3 of 3:');
      // A change on that server shows in the next run: the script reads it, not a demo of its own.
      emulator.state.items.get('1000')!.title = 'Night of the Living Dead (restored)';
      const again = await run(['night of the living'], env);
      expect(again.out).toContain(
        '  1000  Night of the Living Dead (restored) (1968)  movie  in Movies',
      );
    } finally {
      await emulator.close();
    }
  });

  it('says what a tool error means and exits 1', async () => {
    const { code, err } = await run(['--demo', '--library', 'Films']);
    expect(code).toBe(1);
    expect(err).toEqual([
      'NOT_FOUND: No library with id or name "Films"; find them with library_list. Libraries: "Movies" (id 1), "TV Shows" (id 2), "Music" (id 3).',
    ]);
  });

  it('reports a wrong token as UNAUTHORIZED without printing it', async () => {
    const emulator = createPlexEmulator({ library: 'demo' });
    const served = await emulator.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { code, out, err } = await run([], {
        PLEX_URL: served.url,
        PLEX_TOKEN: 'not-the-token-123',
      });
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err.join('\n')).toMatch(/^UNAUTHORIZED: /);
      expect(err.join('\n')).not.toContain('not-the-token-123');
    } finally {
      await emulator.close();
    }
  });

  it('asks for PLEX_URL and PLEX_TOKEN (or --demo) when it has neither', async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toEqual(['Set PLEX_URL and PLEX_TOKEN, or pass --demo to use an emulated Plex.']);
  });
});
