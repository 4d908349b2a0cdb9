import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  encodePng,
  formatHexColor,
  MAX_PNG_SIDE,
  parseHexColor,
  type Rgb,
  readPngFirstPixel,
  readPngSize,
} from './png.js';

interface Decoded {
  width: number;
  height: number;
  pixel(x: number, y: number): Rgb;
}

/** An independent reader: walks chunks, checks every CRC, inflates and un-filters all rows. */
function decode(png: Buffer): Decoded {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const above = rows[y - 1] ?? Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= 3 ? (line[i - 3] ?? 0) : 0;
      const up = above[i] ?? 0;
      const upLeft = i >= 3 ? (above[i - 3] ?? 0) : 0;
      const value = line[i] ?? 0;
      if (filter === 1) line[i] = (value + left) & 0xff;
      else if (filter === 2) line[i] = (value + up) & 0xff;
      else if (filter === 3) line[i] = (value + Math.floor((left + up) / 2)) & 0xff;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        const predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        line[i] = (value + predictor) & 0xff;
      } else expect(filter).toBe(0);
    }
    rows.push(line);
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const row = rows[y] ?? Buffer.alloc(0);
      return [row[x * 3] ?? -1, row[x * 3 + 1] ?? -1, row[x * 3 + 2] ?? -1];
    },
  };
}

describe('encodePng', () => {
  it('paints a solid image of the exact size in the given colour', () => {
    const png = encodePng(7, 5, { kind: 'solid', color: [200, 16, 64] });
    const image = decode(png);
    expect(image.width).toBe(7);
    expect(image.height).toBe(5);
    for (const [x, y] of [
      [0, 0],
      [6, 0],
      [3, 2],
      [0, 4],
      [6, 4],
    ] as const) {
      expect(image.pixel(x, y)).toEqual([200, 16, 64]);
    }
  });

  it('paints vertical and horizontal gradients end to end', () => {
    const vertical = decode(
      encodePng(3, 5, {
        kind: 'gradient',
        from: [0, 0, 0],
        to: [200, 100, 40],
        direction: 'vertical',
      }),
    );
    expect(vertical.pixel(0, 0)).toEqual([0, 0, 0]);
    expect(vertical.pixel(2, 2)).toEqual([100, 50, 20]);
    expect(vertical.pixel(1, 4)).toEqual([200, 100, 40]);

    const horizontal = decode(
      encodePng(5, 3, {
        kind: 'gradient',
        from: [10, 20, 30],
        to: [50, 60, 70],
        direction: 'horizontal',
      }),
    );
    expect(horizontal.pixel(0, 2)).toEqual([10, 20, 30]);
    expect(horizontal.pixel(2, 1)).toEqual([30, 40, 50]);
    expect(horizontal.pixel(4, 0)).toEqual([50, 60, 70]);
  });

  it('handles 1×1 and the maximum side, and rejects sizes outside 1…MAX_PNG_SIDE', () => {
    expect(decode(encodePng(1, 1, { kind: 'solid', color: [1, 2, 3] })).pixel(0, 0)).toEqual([
      1, 2, 3,
    ]);
    const big = encodePng(MAX_PNG_SIDE, 2, { kind: 'solid', color: [9, 9, 9] });
    expect(readPngSize(big)).toEqual({ width: MAX_PNG_SIDE, height: 2 });
    for (const [w, h] of [
      [0, 10],
      [10, MAX_PNG_SIDE + 1],
      [1.5, 2],
      [Number.NaN, 2],
    ]) {
      expect(() => encodePng(w ?? 0, h ?? 0, { kind: 'solid', color: [0, 0, 0] })).toThrow(
        RangeError,
      );
    }
  });

  it('keeps large solid images small', () => {
    const png = encodePng(2000, 3000, { kind: 'solid', color: [12, 34, 56] });
    expect(png.length).toBeLessThan(40_000);
    expect(readPngSize(png)).toEqual({ width: 2000, height: 3000 });
  });
});

describe('readPngSize and readPngFirstPixel', () => {
  it('read back what the encoder wrote', () => {
    const png = encodePng(640, 360, {
      kind: 'gradient',
      from: [250, 128, 3],
      to: [0, 0, 0],
      direction: 'horizontal',
    });
    expect(readPngSize(png)).toEqual({ width: 640, height: 360 });
    expect(readPngFirstPixel(png)).toEqual([250, 128, 3]);
  });

  it('read an RGBA PNG written by someone else (Paeth-filtered first row)', () => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(2, 0);
    header.writeUInt32BE(1, 4);
    header[8] = 8;
    header[9] = 6;
    const raw = Buffer.from([4, 11, 22, 33, 255, 1, 1, 1, 0]);
    const part = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
      return Buffer.concat([head, data, crc]);
    };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      part('IHDR', header),
      part('tEXt', Buffer.from('Comment\0hi')),
      part('IDAT', deflateSync(raw)),
      part('IEND', Buffer.alloc(0)),
    ]);
    expect(readPngSize(png)).toEqual({ width: 2, height: 1 });
    expect(readPngFirstPixel(png)).toEqual([11, 22, 33]);
  });

  it('answer undefined for bytes that are not a PNG', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]);
    expect(readPngSize(jpeg)).toBeUndefined();
    expect(readPngFirstPixel(jpeg)).toBeUndefined();
    expect(readPngSize(new Uint8Array(3))).toBeUndefined();
  });
});

describe('hex colours', () => {
  it('parse and format #rrggbb', () => {
    expect(parseHexColor('#1A2b3C')).toEqual([26, 43, 60]);
    expect(parseHexColor('ff0000')).toEqual([255, 0, 0]);
    expect(parseHexColor('#fff')).toBeUndefined();
    expect(parseHexColor('red')).toBeUndefined();
    expect(formatHexColor([26, 43, 60])).toBe('#1a2b3c');
  });
});
