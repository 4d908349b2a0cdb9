import { describe, expect, it } from 'vitest';
import { hiddenToolReason } from './hidden-tool.js';

describe('hiddenToolReason', () => {
  it('names the setting that hides a real tool', () => {
    expect(hiddenToolReason('media_delete')).toBe(
      'media_delete is hidden on this server: it needs delete access (start the server with --access delete).',
    );
    expect(hiddenToolReason('media_set_watched', { access: 'read' })).toBe(
      'media_set_watched is hidden on this server: it needs write access (start the server with --access write).',
    );
    expect(hiddenToolReason('media_delete', { access: 'delete', readOnly: true })).toBe(
      'media_delete is hidden on this server: it needs delete access and the server runs with --read-only.',
    );
    expect(hiddenToolReason('media_search', { toolsets: ['library'] })).toBe(
      'media_search is hidden on this server: its module (media) is not in --toolsets.',
    );
    expect(hiddenToolReason('media_delete', { toolsets: ['library'] })).toBe(
      'media_delete is hidden on this server: it needs delete access (start the server with --access delete); and its module (media) is not in --toolsets.',
    );
  });

  it('says nothing of names that are no tool, or tools nothing hides', () => {
    expect(hiddenToolReason('nope')).toBeUndefined();
    expect(hiddenToolReason('media_search')).toBeUndefined();
    expect(hiddenToolReason('media_delete', { access: 'delete' })).toBeUndefined();
  });
});
