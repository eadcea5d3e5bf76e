/**
 * The BMP and Netpbm decoders of `face:eval`, on files crafted here byte by byte. BMP pixels are
 * checked twice: against the pixels written, and against Skia's own BMP decoder (@napi-rs/canvas),
 * so a misreading shared by the writer and the decoder (channel order, row order) cannot pass.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { decodeBmp } from '../../src/cli/bmp-decoder';
import { ImageDecodeError, sniffImageFormat } from '../../src/cli/image-format';
import { decodePnm } from '../../src/cli/pnm-decoder';
import { encodeBmp, encodePgm, type BmpOptions, type RgbImage } from '../support/image-files';

const text = (s: string) => new TextEncoder().encode(s);

/** A 7×5 image (odd width: every row of a 24-bit BMP needs padding) with distinct pixels. */
function testImage(colours?: number[][]): RgbImage {
  const width = 7, height = 5;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) rgb.set(colours ? colours[i % colours.length]! : [(i * 37) % 256, (i * 91 + 7) % 256, (i * 13 + 200) % 256], i * 3);
  return { width, height, rgb };
}

async function decodeWithSkia(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, width, height).data;
  return Uint8Array.from({ length: width * height * 3 }, (_, i) => rgba[Math.floor(i / 3) * 4 + (i % 3)]!);
}

describe('sniffImageFormat', () => {
  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
    ['WebP', [...text('RIFF\0\0\0\0WEBPVP8 ')], 'webp'],
    ['GIF', [...text('GIF89a')], 'gif'],
    ['TIFF little-endian', [0x49, 0x49, 42, 0], 'tiff'],
    ['TIFF big-endian', [0x4d, 0x4d, 0, 42], 'tiff'],
    ['AVIF', [0, 0, 0, 0x1c, ...text('ftypavif')], 'heif'],
    ['PGM', [...text('P5\n3 2\n255\n')], 'pnm'],
    ['PBM plain', [...text('P1 2 2')], 'pnm'],
    ['text starting with P7', [...text('P7 something')], null],
    ['text starting with BM', [...text('BMW owners club, minutes of the meeting')], null],
    ['empty', [], null],
  ])('%s', (_name, head, format) => {
    expect(sniffImageFormat(Uint8Array.from(head))).toBe(format);
  });

  it('recognises a BMP by its signature and a real header size, whatever the file is called', () => {
    expect(sniffImageFormat(encodeBmp(testImage(), { bitsPerPixel: 24 }).subarray(0, 32))).toBe('bmp');
  });
});

describe('decodePnm', () => {
  it('reads a plain PGM (P2) with comments, scaling maxval 15 to 8 bits', () => {
    const decoded = decodePnm(text('P2\n# a comment\n3 2 # size\n15\n0 15 5\n10 1 # end of row\n 7\n'));
    expect(decoded).toEqual({ width: 3, height: 2, channels: 1, data: Uint8Array.from([0, 255, 85, 170, 17, 119]) });
  });

  it('reads a raw PGM (P5), 8-bit and 16-bit big-endian', () => {
    const grey = [0, 1, 127, 128, 254, 255];
    expect(decodePnm(encodePgm(3, 2, grey))).toEqual({ width: 3, height: 2, channels: 1, data: Uint8Array.from(grey) });
    const wide = decodePnm(encodePgm(3, 2, [0, 257, 32768, 65535, 1000, 65280], 65535));
    expect(Array.from(wide.data)).toEqual([0, 1, 128, 255, 4, 254]);
  });

  it('keeps a raster byte that looks like whitespace (only one separator after maxval)', () => {
    const bytes = new Uint8Array([...text('P5 2 1 255\n'), 0x0a, 0x20]);
    expect(Array.from(decodePnm(bytes).data)).toEqual([10, 32]);
  });

  it('reads plain and raw PPM (P3, P6) as RGB', () => {
    expect(decodePnm(text('P3 2 1 255  255 0 0   0 128 255')).data).toEqual(Uint8Array.from([255, 0, 0, 0, 128, 255]));
    expect(decodePnm(new Uint8Array([...text('P6 1 2 255\n'), 1, 2, 3, 4, 5, 6]))).toEqual({ width: 1, height: 2, channels: 3, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) });
  });

  it('reads PBM (P1 without separators, P4 with padded rows) with 1 as black', () => {
    expect(Array.from(decodePnm(text('P1\n3 2\n010\n1 1 0')).data)).toEqual([255, 0, 255, 0, 0, 255]);
    // 10 pixels a row → 2 bytes a row, the last 6 bits padding.
    const bytes = new Uint8Array([...text('P4 10 1\n'), 0b10100000, 0b01000000]);
    expect(Array.from(decodePnm(bytes).data)).toEqual([0, 255, 0, 255, 255, 255, 255, 255, 255, 0]);
  });

  it.each([
    ['truncated raster', new Uint8Array([...text('P5 3 2 255\n'), 1, 2, 3, 4]), /truncated raster: 6 bytes needed, 4 present/],
    ['truncated header', text('P5 3 2'), /truncated: maxval missing/],
    ['truncated plain raster', text('P2 2 2 255 1 2 3'), /truncated raster: 4 samples needed, 3 present/],
    ['sample above maxval', text('P2 2 1 100 50 101'), /sample 1 is 101, above maxval 100/],
    ['zero width', text('P5 0 2 255\n'), /invalid size 0×2/],
    ['maxval 0', text('P5 1 1 0\n\0'), /maxval must be between 1 and 65535/],
    ['maxval above 65535', text('P5 1 1 65536\n\0'), /maxval is larger than 65535/],
    ['letters where a number belongs', text('P5 wide 2 255\n'), /width: expected a number/],
    ['absurd size', text('P5 100000 100000 255\n'), /larger than/],
    ['not a netpbm file', text('hello'), /not a P1–P6 netpbm file/],
  ])('%s is an ImageDecodeError naming the problem', (_name, bytes, message) => {
    expect(() => decodePnm(bytes)).toThrow(ImageDecodeError);
    expect(() => decodePnm(bytes)).toThrow(message);
  });

  it('never crashes on damaged headers: it decodes or names the problem', () => {
    let seed = 777;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const outcomes = { decoded: 0, refused: 0 };
    for (let n = 0; n < 300; n++) {
      const bytes = encodePgm(6, 4, Array.from({ length: 24 }, (_, i) => i * 10));
      for (let k = 0; k < 2; k++) bytes[random() % 40]! = [0x20, 0x0a, 0x23, 0x30, 0x39, 0x41, random()][random() % 7]!;
      bytes[1] = 0x31 + (random() % 6); // any of P1–P6
      try {
        decodePnm(bytes);
        outcomes.decoded++;
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ImageDecodeError);
        outcomes.refused++;
      }
    }
    expect(outcomes.decoded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('decodeBmp', () => {
  const cases: [string, RgbImage, BmpOptions, number][] = [
    // name, image, options, largest difference allowed from the source (16-bit keeps 5 or 6 bits)
    ['24-bit bottom-up', testImage(), { bitsPerPixel: 24 }, 0],
    ['24-bit top-down', testImage(), { bitsPerPixel: 24, topDown: true }, 0],
    ['32-bit BI_RGB', testImage(), { bitsPerPixel: 32 }, 0],
    ['32-bit top-down', testImage(), { bitsPerPixel: 32, topDown: true }, 0],
    ['32-bit BI_BITFIELDS (RGBA order)', testImage(), { bitsPerPixel: 32, masks: [0x000000ff, 0x0000ff00, 0x00ff0000] }, 0],
    ['32-bit BI_BITFIELDS in a V5 header', testImage(), { bitsPerPixel: 32, masks: [0xff000000, 0x00ff0000, 0x0000ff00], headerSize: 124 }, 0],
    ['8-bit palette', testImage(), { bitsPerPixel: 8 }, 0],
    ['8-bit palette top-down in a V4 header', testImage(), { bitsPerPixel: 8, topDown: true, headerSize: 108 }, 0],
    ['4-bit palette', testImage([[255, 0, 0], [0, 255, 0], [0, 0, 255], [9, 99, 199], [255, 255, 255]]), { bitsPerPixel: 4 }, 0],
    ['1-bit palette', testImage([[0, 0, 0], [255, 255, 255], [255, 255, 255]]), { bitsPerPixel: 1 }, 0],
    ['16-bit 5-5-5', testImage(), { bitsPerPixel: 16 }, 4],
    ['16-bit 5-6-5 bit fields', testImage(), { bitsPerPixel: 16, masks: [0xf800, 0x07e0, 0x001f] }, 4],
  ];

  it.each(cases)('%s: the pixels written, as Skia reads them', async (_name, image, options, tolerance) => {
    const bytes = encodeBmp(image, options);
    const decoded = decodeBmp(bytes);
    expect(decoded).toMatchObject({ width: image.width, height: image.height, channels: 3 });
    for (let i = 0; i < image.rgb.length; i++) expect(Math.abs(decoded.data[i]! - image.rgb[i]!), `sample ${i}`).toBeLessThanOrEqual(tolerance);
    expect(Array.from(decoded.data)).toEqual(Array.from(await decodeWithSkia(bytes, image.width, image.height)));
  });

  it('reads a 2×2 file written out by hand from the format description', () => {
    // 24-bit, bottom-up: the first stored row is the bottom one; pixels are B, G, R; rows padded to 4 bytes.
    const header = [0x42, 0x4d, 70, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 24, 0, ...new Array(24).fill(0)];
    const bottom = [0, 0, 255, 255, 255, 255, 0, 0]; // red, white, padding
    const top = [255, 0, 0, 0, 255, 0, 0, 0]; // blue, green, padding
    expect(Array.from(decodeBmp(Uint8Array.from([...header, ...bottom, ...top])).data)).toEqual([0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255]);
  });

  const good = () => encodeBmp(testImage(), { bitsPerPixel: 24 });
  const patched = (offset: number, write: (view: DataView) => void, bytes = good()) => {
    write(new DataView(bytes.buffer, offset));
    return bytes;
  };
  it.each([
    ['truncated pixel data', () => good().subarray(0, 100), /truncated pixel data: 117 bytes needed, 46 present/],
    ['truncated header', () => good().subarray(0, 30), /truncated header/],
    ['RLE8 compression', () => patched(30, (v) => v.setUint32(0, 1, true), encodeBmp(testImage(), { bitsPerPixel: 8 })), /RLE8 is not supported/],
    ['embedded PNG', () => patched(30, (v) => v.setUint32(0, 5, true)), /embedded PNG is not supported/],
    ['OS/2 header', () => patched(14, (v) => v.setUint32(0, 12, true)), /OS\/2 bitmap header \(12 bytes\) is not supported/],
    ['two colour planes', () => patched(26, (v) => v.setUint16(0, 2, true)), /2 colour planes/],
    ['2 bits per pixel', () => patched(28, (v) => v.setUint16(0, 2, true)), /2 bits per pixel is not supported/],
    ['zero width', () => patched(18, (v) => v.setInt32(0, 0, true)), /invalid size 0×5/],
    ['pixel data offset past the end', () => patched(10, (v) => v.setUint32(0, 1_000_000, true)), /pixel data offset 1000000 is outside the file/],
    ['palette index out of range', () => patched(46, (v) => v.setUint32(0, 2, true), encodeBmp(testImage(), { bitsPerPixel: 8 })), /uses colour \d+ of a 2-colour palette/],
    ['non-contiguous mask', () => encodeBmp(testImage(), { bitsPerPixel: 32, masks: [0xff00ff, 0xff00, 0xff] }), /not contiguous/],
    ['no signature', () => text('not a bitmap at all, just text'), /no "BM" signature/],
  ])('%s is an ImageDecodeError naming the problem', (_name, make, message) => {
    const bytes = make();
    expect(() => decodeBmp(bytes)).toThrow(ImageDecodeError);
    expect(() => decodeBmp(bytes)).toThrow(message);
  });

  it('never crashes on random bytes behind a valid signature: it decodes or names the problem', () => {
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    const outcomes = { decoded: 0, refused: 0 };
    for (let n = 0; n < 300; n++) {
      const bytes = good();
      for (let k = 0; k < 6; k++) bytes[random() % 60]! = random();
      try {
        decodeBmp(bytes);
        outcomes.decoded++;
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ImageDecodeError);
        outcomes.refused++;
      }
    }
    // Both kinds of outcome happened, so both paths were exercised.
    expect(outcomes.decoded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
