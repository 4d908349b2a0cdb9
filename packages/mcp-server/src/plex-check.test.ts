import { describe, expect, it } from 'vitest';
import { checkPlex } from './plex-check.js';
import { createStderrLogger } from './server/logger.js';
import { emulatedPlex } from './testing/emulated-plex.js';

/** A stderr logger (the real one, token masking included) whose lines land in an array. */
function capture(secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createStderrLogger('debug', (line) => lines.push(line), secrets);
  return { lines, logger };
}

const PLEX_URL = 'http://user:pa55@plex.test:32400/?X-Plex-Token=in-the-url';

describe('checkPlex', () => {
  it('names the server and its version when Plex answers', async () => {
    const { emulator, plex } = emulatedPlex();
    const { lines, logger } = capture();
    await checkPlex({ plex, plexUrl: PLEX_URL, logger });
    const info = await plex.server.info();
    expect(lines).toEqual([
      `plex-mcp-server: Plex reachable: ${info.friendlyName} (Plex Media Server ${info.version})\n`,
    ]);
    expect(lines[0]).not.toContain(emulator.token);
  });

  it('says a refused token was refused and how to get a new one, without printing it', async () => {
    const token = 'wrong-token-Zq81xTbp';
    const { plex } = emulatedPlex({}, { token });
    const { lines, logger } = capture([token]);
    await checkPlex({ plex, plexUrl: PLEX_URL, logger });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^plex-mcp-server: \[warn\] .*refused the token/);
    expect(lines[0]).toContain('plex-mcp-server login');
    expect(lines[0]).not.toContain(token);
  });

  it('names PLEX_URL, redacted, when Plex does not answer, and does not reject', async () => {
    const { emulator, plex } = emulatedPlex();
    emulator.faults.set({ unreachable: true });
    const { lines, logger } = capture();
    await expect(checkPlex({ plex, plexUrl: PLEX_URL, logger })).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^plex-mcp-server: \[warn\] /);
    expect(lines[0]).toContain('PLEX_URL=http://plex.test:32400/?X-Plex-Token=REDACTED');
    expect(lines[0]).toContain('tools will fail until it answers');
    expect(lines[0]).not.toContain('pa55');
    expect(lines[0]).not.toContain('in-the-url');
  });
});
