/**
 * Writers of the BMP and Netpbm files that face data sets contain and sharp cannot write, built byte
 * by byte from the format descriptions so tests can craft exactly the variant they need (palette
 * depth, row order, bit-field masks, plain or raw Netpbm, 16-bit samples).
 */

export interface RgbImage {
  width: number;
  height: number;
  /** width × height × 3 bytes, RGB, rows top to bottom. */
  rgb: Uint8Array;
}

export interface BmpOptions {
  bitsPerPixel: 1 | 4 | 8 | 16 | 24 | 32;
  /** Rows stored top to bottom (negative height) instead of the usual bottom-up. */
  topDown?: boolean;
  /** 16/32-bit: write BI_BITFIELDS masks [red, green, blue] after a 40-byte header. */
  masks?: [number, number, number];
  /** Header size: 40 (BITMAPINFOHEADER, default), 108 (V4) or 124 (V5). */
  headerSize?: 40 | 108 | 124;
}

/** The distinct colours of an image as a palette (B, G, R, 0) and each pixel's index. */
function paletteOf(image: RgbImage, most: number): { palette: number[]; indices: number[] } {
  const palette: number[] = [];
  const keys = new Map<number, number>();
  const indices: number[] = [];
  for (let i = 0; i < image.width * image.height; i++) {
    const key = (image.rgb[i * 3]! << 16) | (image.rgb[i * 3 + 1]! << 8) | image.rgb[i * 3 + 2]!;
    let index = keys.get(key);
    if (index === undefined) {
      index = keys.size;
      if (index >= most) throw new RangeError(`more than ${most} colours`);
      keys.set(key, index);
      palette.push(image.rgb[i * 3 + 2]!, image.rgb[i * 3 + 1]!, image.rgb[i * 3]!, 0);
    }
    indices.push(index);
  }
  return { palette, indices };
}

/** Packs a channel value (0–255) into a mask, scaling to the mask's width. */
function pack(value: number, mask: number): number {
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return (Math.round((value * max) / 255) << shift) >>> 0;
}

export function encodeBmp(image: RgbImage, options: BmpOptions): Uint8Array {
  const { width, height } = image;
  const bpp = options.bitsPerPixel;
  const headerSize = options.headerSize ?? 40;
  const paletted = bpp <= 8;
  const { palette, indices } = paletted ? paletteOf(image, 1 << bpp) : { palette: [], indices: [] };
  const masks = options.masks ?? null;
  const maskBytes = masks && headerSize === 40 ? 12 : 0;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const pixelOffset = 14 + headerSize + maskBytes + palette.length;
  const bytes = new Uint8Array(pixelOffset + stride * height);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42;
  bytes[1] = 0x4d;
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, headerSize, true);
  view.setInt32(18, width, true);
  view.setInt32(22, options.topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bpp, true);
  view.setUint32(30, masks ? 3 : 0, true);
  view.setUint32(34, stride * height, true);
  view.setUint32(46, paletted ? palette.length / 4 : 0, true);
  if (masks) masks.forEach((m, i) => view.setUint32(54 + i * 4, m, true)); // inside a V4/V5 header or right after a 40-byte one
  bytes.set(palette, 14 + headerSize + maskBytes);
  const defaultMasks: [number, number, number] = bpp === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0xff00, 0xff];
  const [rm, gm, bm] = masks ?? defaultMasks;
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (options.topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const [r, g, b] = [image.rgb[i * 3]!, image.rgb[i * 3 + 1]!, image.rgb[i * 3 + 2]!];
      if (paletted) {
        const bit = x * bpp;
        bytes[row + (bit >> 3)]! |= indices[i]! << (8 - bpp - (bit & 7));
      } else if (bpp === 24) {
        bytes.set([b, g, r], row + x * 3);
      } else {
        const value = (pack(r, rm) | pack(g, gm) | pack(b, bm)) >>> 0;
        if (bpp === 16) view.setUint16(row + x * 2, value, true);
        else view.setUint32(row + x * 4, value, true);
      }
    }
  }
  return bytes;
}

/** A raw PGM (P5) of grey values, 8-bit or 16-bit (big-endian) samples. */
export function encodePgm(width: number, height: number, grey: ArrayLike<number>, maxval = 255): Uint8Array {
  const header = new TextEncoder().encode(`P5\n# written by a test\n${width} ${height}\n${maxval}\n`);
  const wide = maxval > 255;
  const bytes = new Uint8Array(header.length + width * height * (wide ? 2 : 1));
  bytes.set(header);
  for (let i = 0; i < width * height; i++) {
    if (wide) {
      bytes[header.length + i * 2] = grey[i]! >> 8;
      bytes[header.length + i * 2 + 1] = grey[i]! & 0xff;
    } else {
      bytes[header.length + i] = grey[i]!;
    }
  }
  return bytes;
}
