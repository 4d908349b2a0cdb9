import { describe, expect, it } from 'vitest';
import { DEMO } from '../../data/demo.js';
import { call, testEmulator } from '../../testing/harness.js';

type Setting = { id: string; type: string; value: unknown; default: unknown; enumValues?: string };

describe('GET /library/sections/{id}/prefs', () => {
  it('lists the section settings with JSON-typed values', async () => {
    const { status, json } = await call(testEmulator(), '/library/sections/1/prefs');
    expect(status).toBe(200);
    const settings: Setting[] = json.MediaContainer.Setting;
    expect(json.MediaContainer.size).toBe(settings.length);
    expect(settings[0]).toEqual({
      id: 'hidden',
      label: 'Visibility',
      summary: 'Restrict where content from this library should appear.',
      type: 'int',
      default: 0,
      value: 0,
      hidden: false,
      advanced: false,
      group: '',
      enumValues:
        '0:Include in home screen and global search|1:Exclude from home screen|2:Exclude from home screen and global search',
    });
    const byId = new Map(settings.map((setting) => [setting.id, setting]));
    expect(byId.get('enableCinemaTrailers')).toMatchObject({
      type: 'bool',
      value: true,
      default: true,
    });
    expect(byId.get('collectionMode')).toMatchObject({ type: 'int', value: 0, default: 2 });
    expect(byId.has('episodeSort')).toBe(false);
  });

  it('lists TV settings for TV sections', async () => {
    const { json } = await call(testEmulator(), '/library/sections/2/prefs');
    const byId = new Map((json.MediaContainer.Setting as Setting[]).map((s) => [s.id, s]));
    expect(byId.get('episodeSort')).toMatchObject({ type: 'int', value: -1 });
    expect(byId.get('showOrdering')).toMatchObject({ type: 'text', value: 'aired' });
    expect(byId.has('enableCinemaTrailers')).toBe(false);
  });

  it('reflects the section current values, including unknown prefs', async () => {
    const emulator = testEmulator();
    const section = emulator.state.sections.get(DEMO.sections.movies);
    if (!section) throw new Error('demo section missing');
    section.prefs.collectionMode = '1';
    section.prefs.customThing = 'on';
    section.hidden = 1;
    const { json } = await call(emulator, '/library/sections/1/prefs');
    const byId = new Map((json.MediaContainer.Setting as Setting[]).map((s) => [s.id, s]));
    expect(byId.get('collectionMode')?.value).toBe(1);
    expect(byId.get('hidden')?.value).toBe(1);
    expect(byId.get('customThing')).toMatchObject({ type: 'text', value: 'on' });
  });

  it('answers 404 for an unknown section', async () => {
    expect((await call(testEmulator(), '/library/sections/42/prefs')).status).toBe(404);
  });
});
