/**
 * Windows BMP images, common in older face data sets and not read by sharp. Supported: the
 * BITMAPINFOHEADER and its successors (V2, V3, V4, V5), 1/4/8-bit palettes, 16/24/32-bit pixels with
 * BI_RGB or BI_BITFIELDS (and BI_ALPHABITFIELDS) masks, bottom-up and top-down rows, rows padded to
 * 4 bytes. Not supported, with a message saying so: the OS/2 headers and compressed pixels (RLE,
 * embedded JPEG/PNG). Alpha is dropped: a face photo has nothing behind it worth compositing.
 */
import { checkImageSize, ImageDecodeError, type DecodedPixels } from './image-format';

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Record<number, string> = { 1: 'RLE8', 2: 'RLE4', 4: 'embedded JPEG', 5: 'embedded PNG', 11: 'CMYK', 12: 'CMYK RLE8', 13: 'CMYK RLE4' };

function fail(message: string): never {
  throw new ImageDecodeError(`BMP: ${message}`);
}

interface Channel {
  shift: number;
  /** The channel's largest value (its mask shifted down). */
  max: number;
}

/** A colour mask as a shift and a width; the mask must be one run of set bits. */
function channelOf(mask: number, name: string): Channel {
  if (mask === 0) fail(`the ${name} mask is empty`);
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  if ((max & (max + 1)) !== 0) fail(`the ${name} mask 0x${mask.toString(16)} is not contiguous`);
  if (max > 0xffff) fail(`the ${name} mask 0x${mask.toString(16)} is wider than 16 bits`);
  return { shift, max };
}

export function decodeBmp(bytes: Uint8Array): DecodedPixels {
  if (bytes.length < 18 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) fail('not a BMP file (no "BM" signature)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12 || headerSize === 16 || headerSize === 64) fail(`OS/2 bitmap header (${headerSize} bytes) is not supported`);
  if (headerSize < 40) fail(`unknown header size ${headerSize}`);
  if (bytes.length < 14 + headerSize) fail(`truncated header: ${14 + headerSize} bytes needed, ${bytes.length} present`);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const planes = view.getUint16(26, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const colorsUsed = view.getUint32(46, true);
  if (planes !== 1) fail(`${planes} colour planes (must be 1)`);
  if (rawHeight === -0x80000000) fail('invalid height');
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  checkImageSize('BMP', width, height);

  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    fail(`${COMPRESSION_NAMES[compression] ?? `compression ${compression}`} is not supported`);
  }
  const paletted = bitsPerPixel === 1 || bitsPerPixel === 4 || bitsPerPixel === 8;
  if (!paletted && bitsPerPixel !== 16 && bitsPerPixel !== 24 && bitsPerPixel !== 32) fail(`${bitsPerPixel} bits per pixel is not supported`);
  if (compression !== BI_RGB && bitsPerPixel !== 16 && bitsPerPixel !== 32) fail(`bit-field masks with ${bitsPerPixel} bits per pixel`);

  // Masks sit inside V2+ headers, or right after a 40-byte header.
  let afterHeader = 14 + headerSize;
  let masks: [number, number, number] | null = null;
  if (compression !== BI_RGB) {
    if (headerSize >= 52) {
      masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
    } else {
      const maskBytes = compression === BI_ALPHABITFIELDS ? 16 : 12;
      if (bytes.length < afterHeader + maskBytes) fail('truncated: colour masks missing');
      masks = [view.getUint32(afterHeader, true), view.getUint32(afterHeader + 4, true), view.getUint32(afterHeader + 8, true)];
      afterHeader += maskBytes;
    }
  } else if (bitsPerPixel === 16) {
    masks = [0x7c00, 0x03e0, 0x001f]; // 5-5-5, the BI_RGB default
  } else if (bitsPerPixel === 32) {
    masks = [0xff0000, 0x00ff00, 0x0000ff];
  }

  let palette: Uint8Array | null = null;
  if (paletted) {
    const most = 1 << bitsPerPixel;
    const count = colorsUsed === 0 ? most : colorsUsed;
    if (count > most) fail(`${count} palette colours for ${bitsPerPixel} bits per pixel`);
    if (bytes.length < afterHeader + count * 4) fail(`truncated palette: ${count} colours announced`);
    palette = bytes.subarray(afterHeader, afterHeader + count * 4); // B, G, R, reserved
  }

  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  const lastRowBytes = Math.ceil((bitsPerPixel * width) / 8);
  if (pixelOffset < afterHeader + (palette?.length ?? 0) || pixelOffset > bytes.length) fail(`pixel data offset ${pixelOffset} is outside the file`);
  const needed = stride * (height - 1) + lastRowBytes;
  if (bytes.length - pixelOffset < needed) fail(`truncated pixel data: ${needed} bytes needed, ${bytes.length - pixelOffset} present`);

  const out = new Uint8Array(width * height * 3);
  const channels = masks ? masks.map((m, i) => channelOf(m, ['red', 'green', 'blue'][i]!)) : null;
  const scale = (value: number, c: Channel) => {
    const v = (value >>> c.shift) & c.max;
    return c.max === 255 ? v : Math.round((v * 255) / c.max);
  };

  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    let o = y * width * 3;
    for (let x = 0; x < width; x++, o += 3) {
      if (palette) {
        const bitOffset = x * bitsPerPixel;
        const byte = bytes[row + (bitOffset >> 3)]!;
        const index = bitsPerPixel === 8 ? byte : (byte >> (8 - bitsPerPixel - (bitOffset & 7))) & ((1 << bitsPerPixel) - 1);
        if (index * 4 >= palette.length) fail(`pixel (${x}, ${y}) uses colour ${index} of a ${palette.length / 4}-colour palette`);
        out[o] = palette[index * 4 + 2]!;
        out[o + 1] = palette[index * 4 + 1]!;
        out[o + 2] = palette[index * 4]!;
      } else if (bitsPerPixel === 24) {
        const p = row + x * 3;
        out[o] = bytes[p + 2]!;
        out[o + 1] = bytes[p + 1]!;
        out[o + 2] = bytes[p]!;
      } else {
        const value = bitsPerPixel === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        out[o] = scale(value, channels![0]!);
        out[o + 1] = scale(value, channels![1]!);
        out[o + 2] = scale(value, channels![2]!);
      }
    }
  }
  return { width, height, channels: 3, data: out };
}
