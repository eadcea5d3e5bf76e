/**
 * Which image format a file holds, decided from its first bytes and never from its name: face data
 * sets are full of files whose extension lies (a BMP saved as `.jpg`, a `.jfif` that is a JPEG).
 * The decoders behind each format are strict and say why a file cannot be read.
 */

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'bmp', 'pnm'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** How many leading bytes `sniffImageFormat` needs to recognise every format it knows. */
export const SNIFF_BYTES = 32;

/** Pixels as decoded: rows top to bottom, `channels` bytes per pixel (1 = grey, 3 = RGB). */
export interface DecodedPixels {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

/** A file that is not a readable image of a supported kind; the message says what is wrong. */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/** Larger images are refused before any allocation: no face photo comes near it. */
export const MAX_PIXELS = 100_000_000;

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const PNM_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

/** The format of a file from its first bytes (at least SNIFF_BYTES when the file has them), or null. */
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  const b = head;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'gif';
  // Classic TIFF (42) and BigTIFF (43), either byte order.
  if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && (b[2] === 42 || b[2] === 43) && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && (b[3] === 42 || b[3] === 43)))) return 'tiff';
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 4))) return 'heif';
  // "BM" alone is two letters any text could start with: the DIB header size must be a real one too.
  if (b.length >= 18 && b[0] === 0x42 && b[1] === 0x4d) {
    const headerSize = b[14]! | (b[15]! << 8) | (b[16]! << 16) | (b[17]! << 24);
    if (BMP_HEADER_SIZES.has(headerSize)) return 'bmp';
  }
  if (b.length >= 3 && b[0] === 0x50 && b[1]! >= 0x31 && b[1]! <= 0x36 && PNM_WHITESPACE.has(b[2]!)) return 'pnm';
  return null;
}

/** Throws unless width × height is a sane, positive image size. */
export function checkImageSize(format: string, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageDecodeError(`${format}: invalid size ${width}×${height}`);
  }
  if (width * height > MAX_PIXELS) throw new ImageDecodeError(`${format}: ${width}×${height} is larger than ${MAX_PIXELS} pixels`);
}
