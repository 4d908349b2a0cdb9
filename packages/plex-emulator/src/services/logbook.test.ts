import { describe, expect, it } from 'vitest';
import type { LogBook } from '../state/store.js';
import { appendLog } from './logbook.js';

function emptyBook(): LogBook {
  return {
    'Plex Media Server.log': [],
    'Plex Media Scanner.log': [],
    'Plex Transcoder Statistics.log': [],
    'Plex Update Service.log': [],
  };
}

describe('appendLog', () => {
  it('keeps the newest lines once the cap is passed, trimming in batches', () => {
    const logs = emptyBook();
    const lines = logs['Plex Media Server.log'];
    for (let i = 0; i < 5500; i++)
      appendLog(logs, 'Plex Media Server.log', 'DEBUG', `line ${i}`, i);
    expect(lines).toHaveLength(5500);
    appendLog(logs, 'Plex Media Server.log', 'INFO', 'line 5500', 5500);
    expect(lines).toHaveLength(5000);
    expect(lines[0]).toEqual({ at: 501, level: 'DEBUG', message: 'line 501' });
    expect(lines.at(-1)).toEqual({ at: 5500, level: 'INFO', message: 'line 5500' });
  });
});
