import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size.js';

describe('imageSize', () => {
  it('reads a PNG header', () => {
    const png = new Uint8Array(24);
    const view = new DataView(png.buffer);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    view.setUint32(12, 0x49484452);
    view.setUint32(16, 500);
    view.setUint32(20, 750);
    expect(imageSize(png)).toEqual({ width: 500, height: 750 });
  });

  it('walks JPEG segments to the frame header', () => {
    const jpeg = new Uint8Array([
      0xff,
      0xd8, // SOI
      0xff,
      0xe0,
      0x00,
      0x04,
      0x00,
      0x00, // APP0, 2 bytes of payload
      0xff,
      0xc0,
      0x00,
      0x0b,
      0x08,
      0x01,
      0x2c,
      0x01,
      0xf4,
      0x03,
      0x00, // SOF0 300x500
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 500, height: 300 });
  });

  it('gives up on anything else', () => {
    expect(imageSize(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0x00, 0x00, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });
});
