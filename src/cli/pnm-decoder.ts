/**
 * Netpbm images (PBM, PGM, PPM; plain P1–P3 and raw P4–P6, maxval up to 65535), common in face
 * data sets and not read by the prebuilt libvips that sharp ships. Strict: a header or raster that
 * does not follow the format is an ImageDecodeError naming the problem, never a guess.
 * Samples are scaled to 8 bits (v · 255 / maxval, rounded); in PBM 1 is black.
 */
import { checkImageSize, ImageDecodeError, type DecodedPixels } from './image-format';

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

class Reader {
  position = 0;
  constructor(readonly bytes: Uint8Array, readonly format: string) {}

  fail(message: string): never {
    throw new ImageDecodeError(`${this.format}: ${message}`);
  }

  /** Skips whitespace and `#` comments (to the end of the line). */
  skipSpace(): void {
    const b = this.bytes;
    while (this.position < b.length) {
      const c = b[this.position]!;
      if (c === 0x23) {
        while (this.position < b.length && b[this.position] !== 0x0a && b[this.position] !== 0x0d) this.position++;
      } else if (isSpace(c)) {
        this.position++;
      } else {
        return;
      }
    }
  }

  /** A decimal number after optional whitespace and comments, at most `max`. */
  integer(what: string, max: number): number {
    this.skipSpace();
    const b = this.bytes;
    if (this.position >= b.length) this.fail(`truncated: ${what} missing`);
    if (!isDigit(b[this.position]!)) this.fail(`${what}: expected a number, found byte 0x${b[this.position]!.toString(16).padStart(2, '0')}`);
    let value = 0;
    while (this.position < b.length && isDigit(b[this.position]!)) {
      value = value * 10 + (b[this.position]! - 0x30);
      if (value > max) this.fail(`${what} is larger than ${max}`);
      this.position++;
    }
    return value;
  }
}

/** Decodes a PBM/PGM/PPM file (P1–P6). */
export function decodePnm(bytes: Uint8Array): DecodedPixels {
  if (bytes.length < 3 || bytes[0] !== 0x50 || bytes[1]! < 0x31 || bytes[1]! > 0x36) throw new ImageDecodeError('PNM: not a P1–P6 netpbm file');
  const kind = bytes[1]! - 0x30; // 1..6
  const format = `PNM P${kind}`;
  const r = new Reader(bytes, format);
  r.position = 2;
  if (r.position < bytes.length && !isSpace(bytes[r.position]!) && bytes[r.position] !== 0x23) r.fail('no whitespace after the magic number');
  const width = r.integer('width', 0x7fffffff);
  const height = r.integer('height', 0x7fffffff);
  checkImageSize(format, width, height);
  const bitmap = kind === 1 || kind === 4;
  const maxval = bitmap ? 1 : r.integer('maxval', 65535);
  if (maxval < 1) r.fail('maxval must be between 1 and 65535');
  const channels: 1 | 3 = kind === 3 || kind === 6 ? 3 : 1;
  const samples = width * height * channels;
  const out = new Uint8Array(samples);
  const scale = (v: number) => (maxval === 255 ? v : Math.round((v * 255) / maxval));

  if (kind >= 4) {
    // Exactly one whitespace byte separates the header from the raster (which may start with a
    // byte that looks like whitespace, so nothing more is skipped).
    if (r.position >= bytes.length) r.fail('truncated: no raster');
    if (!isSpace(bytes[r.position]!)) r.fail('no whitespace between the header and the raster');
    let p = r.position + 1;
    if (kind === 4) {
      const rowBytes = Math.ceil(width / 8);
      if (bytes.length - p < rowBytes * height) r.fail(`truncated raster: ${rowBytes * height} bytes needed, ${bytes.length - p} present`);
      for (let y = 0; y < height; y++, p += rowBytes) {
        for (let x = 0; x < width; x++) out[y * width + x] = (bytes[p + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 0 : 255;
      }
      return { width, height, channels, data: out };
    }
    const wide = maxval > 255;
    const needed = samples * (wide ? 2 : 1);
    if (bytes.length - p < needed) r.fail(`truncated raster: ${needed} bytes needed, ${bytes.length - p} present`);
    for (let i = 0; i < samples; i++) {
      const v = wide ? (bytes[p]! << 8) | bytes[p + 1]! : bytes[p]!;
      p += wide ? 2 : 1;
      if (v > maxval) r.fail(`sample ${i} is ${v}, above maxval ${maxval}`);
      out[i] = scale(v);
    }
    return { width, height, channels, data: out };
  }

  if (kind === 1) {
    // Plain PBM: one character per pixel, whitespace between them optional.
    for (let i = 0; i < samples; i++) {
      r.skipSpace();
      const c = bytes[r.position];
      if (c === undefined) r.fail(`truncated raster: ${samples} pixels needed, ${i} present`);
      if (c !== 0x30 && c !== 0x31) r.fail(`pixel ${i}: expected 0 or 1`);
      out[i] = c === 0x31 ? 0 : 255;
      r.position++;
    }
    return { width, height, channels, data: out };
  }

  for (let i = 0; i < samples; i++) {
    r.skipSpace();
    if (r.position >= bytes.length) r.fail(`truncated raster: ${samples} samples needed, ${i} present`);
    const v = r.integer(`sample ${i}`, 65535);
    if (v > maxval) r.fail(`sample ${i} is ${v}, above maxval ${maxval}`);
    out[i] = scale(v);
  }
  return { width, height, channels, data: out };
}
