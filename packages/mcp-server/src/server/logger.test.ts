import { describe, expect, it } from 'vitest';
import { createStderrLogger, logToolFailure } from './logger.js';

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

describe('the operator log', () => {
  it('keeps each entry on one line, whatever a caller put in it', () => {
    const lines: string[] = [];
    const logger = createStderrLogger('debug', (line) => lines.push(line));
    logger.warn('refused GET /x\nplex-mcp-server: forged\r\u001b[31m from 127.0.0.1');
    expect(lines).toEqual([
      'plex-mcp-server: [warn] refused GET /x\\nplex-mcp-server: forged\\u000d\\u001b[31m from 127.0.0.1\n',
    ]);
  });

  it('masks the configured token, plain and URL-encoded, and any X-Plex-Token value', () => {
    const lines: string[] = [];
    const token = 'tok/en+with=symbols-0123';
    const logger = createStderrLogger('debug', (line) => lines.push(line), [token]);
    logger.warn(`token ${token} and ${encodeURIComponent(token)}`);
    logger.warn('GET /x?X-Plex-Token=abcdef123 and X-Plex-Token%3Dzyxwvu987');
    const text = lines.join('');
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));
    expect(text).not.toContain('abcdef123');
    expect(text).not.toContain('zyxwvu987');
  });

  it("warns about Plex refusing the server's token and the server's trouble, not a caller's mistakes", () => {
    const lines: string[] = [];
    const logger = createStderrLogger('warn', (line) => lines.push(line));
    logToolFailure(logger, 'library_list', {
      code: 'UNAUTHORIZED',
      message: 'Plex refused the token.',
      logDetail: 'plex UNAUTHORIZED 401 GET http://plex.lan:32400/library/sections',
    });
    logToolFailure(logger, 'media_search', { code: 'INVALID_INPUT', message: 'query: required' });
    expect(lines).toEqual([
      'plex-mcp-server: [warn] library_list failed: UNAUTHORIZED: Plex refused the token. [plex UNAUTHORIZED 401 GET http://plex.lan:32400/library/sections]\n',
    ]);
  });
});
