import { describe, expect, it } from 'vitest';
import { imageType } from './image-type.js';

const bytes = (text: string, ...head: number[]) =>
  new Uint8Array([...head, ...Buffer.from(text, 'latin1')]);

describe('imageType', () => {
  it('tells PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(imageType(bytes('PNG\r\n\x1a\n', 0x89))).toBe('image/png');
    expect(imageType(bytes('', 0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(imageType(bytes('GIF89a'))).toBe('image/gif');
    expect(imageType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses everything else, whatever the file is called', () => {
    expect(imageType(bytes('PLEX_TOKEN=hunter2'))).toBeUndefined();
    expect(imageType(new Uint8Array(12))).toBeUndefined();
    expect(imageType(new Uint8Array())).toBeUndefined();
    // Half a mark is no mark: a WAV file is RIFF too, and a truncated PNG signature is not PNG.
    expect(imageType(bytes('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(imageType(bytes('PNG', 0x89))).toBeUndefined();
  });
});
