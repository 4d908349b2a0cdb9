import { describe, expect, it } from 'vitest';
import { createStderrLogger } from './logger.js';

describe('createStderrLogger', () => {
  it('writes lines at or above its level', () => {
    const lines: string[] = [];
    const logger = createStderrLogger('warn', (line) => lines.push(line));
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines).toEqual(['plex-mcp-server: [warn] w\n', 'plex-mcp-server: [error] e\n']);
  });

  it('writes info lines without a level tag', () => {
    const lines: string[] = [];
    createStderrLogger('debug', (line) => lines.push(line)).info('serving');
    expect(lines).toEqual(['plex-mcp-server: serving\n']);
  });
});
