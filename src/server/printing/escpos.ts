/**
 * The ticket slip as an ESC/POS byte stream for a 58 mm or 80 mm thermal printer.
 *
 * How Vietnamese gets onto the paper — two text modes:
 *
 * - 'raster' (default): every text line is drawn with DejaVu Sans (shipped inside the
 *   `dejavu-fonts-ttf` package, nothing fetched at run time) by Skia (`@napi-rs/canvas`, a prebuilt
 *   binary from npm), thresholded to 1 bit and sent as GS v 0 raster images, 384 dots wide on 58 mm
 *   paper and 576 on 80 mm. GS v 0 is the image command that Epson and the cheap clones (Xprinter,
 *   Zjiang) all implement alike — Epson's newer GS ( L is missing on many clones — so the slip looks
 *   the same everywhere and any letter with any stacked tone mark prints, whatever character tables
 *   the firmware has. The cost is a larger stream (30–50 kB), which a network printer receives in a
 *   fraction of a second.
 * - 'codepage': text is sent as characters in TCVN-3 (TCVN 5712 VN3), the only code page with
 *   precomposed Vietnamese letters that printers carry. It exists on Epson firmware as two tables
 *   (lower case and capitals, ESC t 30 and 31), and clones number their tables differently or lack
 *   them (the public ESC/POS printer database lists Zjiang POS-5890 with CP1258 only, at 27 and 94,
 *   and ZJ-5870 with no Vietnamese table at all), so the table numbers are configurable and the mode is
 *   opt-in for printers that have been checked. CP1258 is not offered: it writes tone marks as
 *   separate combining characters, which a character-cell printer prints in a cell of their own
 *   beside the letter instead of on it. Characters without a TCVN-3 code lose their marks.
 *
 * The QR code is sent as native GS ( k model 2 commands by default (sharp, small), or as a raster
 * image for printers without a QR engine (`qrMode: 'raster'`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import { layoutTicketSlip, type SlipBlock, type SlipTextRole, type TicketSlip } from './ticket-slip';

export type PaperWidthMm = 58 | 80;
export type PrinterTextMode = 'raster' | 'codepage';
export type PrinterQrMode = 'native' | 'raster';

export interface EscPosSlipOptions {
  paperWidthMm: PaperWidthMm;
  /** Default 'raster'; see the top of this file for why. */
  textMode?: PrinterTextMode;
  /** Default 'native' (GS ( k); 'raster' for printers without a QR engine. */
  qrMode?: PrinterQrMode;
  /** ESC t numbers of the TCVN-3 lower-case and capitals tables; Epson's are 30 and 31. */
  tcvn3Tables?: { lowercase: number; capitals: number };
  /** Default 'partial', which every cutter does; Epson printers turn a full cut into a partial one. */
  cut?: 'partial' | 'full';
}

/** Printable width in dots at 203 dpi (8 dots/mm). */
export const PAPER_WIDTH_DOTS: Record<PaperWidthMm, number> = { 58: 384, 80: 576 };

/** Font A is 12 × 24 dots on both widths. */
const FONT_A_COLUMNS: Record<PaperWidthMm, number> = { 58: 32, 80: 48 };

/** QR module size in dots: about 0.6–0.75 mm, which phone cameras read easily at arm's length. */
const QR_MODULE_DOTS: Record<PaperWidthMm, number> = { 58: 5, 80: 6 };

/** Slips link to a short tracking page; a longer payload means a dense, hard-to-scan code. */
const MAX_QR_BYTES = 512;

/** Printers with small buffers garble very tall raster images; bands keep every command small. */
const MAX_RASTER_BAND_ROWS = 255;

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** A 1-bit image in the layout GS v 0 expects: rows of width/8 bytes, leftmost dot in the top bit, 1 = black. */
export interface MonoBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface RenderedLine {
  role: SlipTextRole;
  text: string;
  /** Position of the line's box inside its image, in dots. */
  top: number;
  height: number;
}

export type RenderedPart =
  | { kind: 'image'; bitmap: MonoBitmap; lines: RenderedLine[] }
  | { kind: 'qr'; data: string; moduleDots: number };

export interface RenderedSlip {
  widthDots: number;
  parts: RenderedPart[];
}

/** The slip as bytes for the printer. */
export async function buildTicketSlipEscPos(slip: TicketSlip, options: EscPosSlipOptions): Promise<Buffer> {
  const paper = checkPaperWidth(options.paperWidthMm);
  const qrMode = options.qrMode ?? 'native';
  const out = new ByteWriter();
  out.push(ESC, 0x40); // ESC @: forget whatever a previous job left set
  out.push(ESC, 0x61, 1); // ESC a 1: centre the QR code and code-page text

  if ((options.textMode ?? 'raster') === 'raster') {
    const rendered = await renderTicketSlipRaster(slip, { paperWidthMm: paper, qrMode });
    for (const part of rendered.parts) {
      if (part.kind === 'image') writeRaster(out, part.bitmap);
      else writeNativeQr(out, part.data, part.moduleDots);
    }
  } else {
    writeCodePageSlip(out, slip, paper, qrMode, options.tcvn3Tables ?? { lowercase: 30, capitals: 31 });
  }

  out.push(ESC, 0x64, 4); // ESC d 4: the cutter sits above the head; feed the last line past it
  out.push(GS, 0x56, options.cut === 'full' ? 0 : 1); // GS V
  return out.toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Raster mode

interface RasterStyle {
  face: FontFace;
  size: number;
  inverted?: boolean;
}

type FontFace = 'regular' | 'bold' | 'condensed' | 'condensed-bold';

interface PaperStyles {
  text: Record<Exclude<SlipTextRole, 'number'>, RasterStyle>;
  numberMaxSize: number;
  sideMargin: number;
}

/**
 * Sizes in dots (8 per mm). Body text is 24 dots like the printer's own font A on 80 mm; 58 mm uses
 * the condensed face so the usual labels still fit on one line at a readable size. The number is as
 * big as the width allows, up to digits about 15 mm tall, so a citizen can compare it with the
 * display board without bringing the slip to their eyes.
 */
const RASTER_STYLES: Record<PaperWidthMm, PaperStyles> = {
  80: {
    text: {
      centre: { face: 'bold', size: 26 },
      address: { face: 'regular', size: 21 },
      title: { face: 'bold', size: 32 },
      priority: { face: 'bold', size: 26, inverted: true },
      info: { face: 'regular', size: 24 },
      caption: { face: 'regular', size: 21 },
      footer: { face: 'regular', size: 21 },
    },
    numberMaxSize: 170,
    sideMargin: 12,
  },
  58: {
    text: {
      centre: { face: 'condensed-bold', size: 23 },
      address: { face: 'condensed', size: 20 },
      title: { face: 'bold', size: 28 },
      priority: { face: 'condensed-bold', size: 23, inverted: true },
      info: { face: 'condensed', size: 20 },
      caption: { face: 'condensed', size: 19 },
      footer: { face: 'condensed', size: 19 },
    },
    numberMaxSize: 130,
    sideMargin: 8,
  },
};

/** Anti-aliased edges darker than this become dots; above 50 % grey so thin strokes survive. */
const INK_THRESHOLD = 150;

type CanvasModule = typeof import('@napi-rs/canvas');
type Context2D = ReturnType<ReturnType<CanvasModule['createCanvas']>['getContext']>;

const FONT_FILES: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  'condensed-bold': 'DejaVuSansCondensed-Bold.ttf',
};

/** Our own family names, so a system font of the same name can never stand in. */
const FONT_FAMILY: Record<FontFace, string> = {
  regular: 'Motcua Slip Regular',
  bold: 'Motcua Slip Bold',
  condensed: 'Motcua Slip Condensed',
  'condensed-bold': 'Motcua Slip Condensed Bold',
};

let canvasModule: Promise<CanvasModule> | undefined;

/** Loads Skia and the fonts once; a failure is reported, not cached, so a fixed install recovers. */
function loadCanvas(): Promise<CanvasModule> {
  canvasModule ??= import('@napi-rs/canvas').then(
    (mod) => {
      const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      for (const face of Object.keys(FONT_FILES) as FontFace[]) {
        if (!mod.GlobalFonts.has(FONT_FAMILY[face])) {
          const key = mod.GlobalFonts.registerFromPath(join(fontDir, FONT_FILES[face]), FONT_FAMILY[face]);
          if (!key) throw new Error(`cannot load font ${join(fontDir, FONT_FILES[face])}`);
        }
      }
      return mod;
    },
    (error: unknown) => {
      throw new Error(`raster slips need the @napi-rs/canvas package: ${String(error)}`, { cause: error });
    },
  );
  canvasModule.catch(() => {
    canvasModule = undefined;
  });
  return canvasModule;
}

function cssFont(style: RasterStyle): string {
  return `${style.size}px "${FONT_FAMILY[style.face]}"`;
}

/** The slip as it will be printed in raster mode: images of text with the QR code between them. */
export async function renderTicketSlipRaster(
  slip: TicketSlip,
  options: { paperWidthMm: PaperWidthMm; qrMode?: PrinterQrMode },
): Promise<RenderedSlip> {
  const paper = checkPaperWidth(options.paperWidthMm);
  const canvas = await loadCanvas();
  const widthDots = PAPER_WIDTH_DOTS[paper];
  const moduleDots = QR_MODULE_DOTS[paper];
  const parts: RenderedPart[] = [];
  let pending: SlipBlock[] = [];
  const flush = (): void => {
    if (pending.length > 0) parts.push(renderBlocks(canvas, pending, paper));
    pending = [];
  };
  for (const block of layoutTicketSlip(slip)) {
    if (block.kind !== 'qr') {
      pending.push(block);
      continue;
    }
    flush();
    checkQrData(block.data);
    parts.push(
      options.qrMode === 'raster'
        ? { kind: 'image', bitmap: qrBitmap(block.data, moduleDots, widthDots), lines: [] }
        : { kind: 'qr', data: block.data, moduleDots },
    );
  }
  flush();
  return { widthDots, parts };
}

/** The slip as a PNG of exactly the dots the printer would burn, for previews on screen. */
export async function renderTicketSlipPreviewPng(
  slip: TicketSlip,
  options: { paperWidthMm: PaperWidthMm },
): Promise<Buffer> {
  const canvasLib = await loadCanvas();
  const rendered = await renderTicketSlipRaster(slip, { paperWidthMm: options.paperWidthMm, qrMode: 'raster' });
  const bitmaps = rendered.parts.flatMap((part) => (part.kind === 'image' ? [part.bitmap] : []));
  const height = bitmaps.reduce((sum, bitmap) => sum + bitmap.height, 0);
  const canvas = canvasLib.createCanvas(rendered.widthDots, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(rendered.widthDots, Math.max(1, height));
  let row = 0;
  for (const bitmap of bitmaps) {
    const bytesPerRow = bitmap.width / 8;
    for (let y = 0; y < bitmap.height; y += 1, row += 1) {
      for (let x = 0; x < bitmap.width; x += 1) {
        const black = (bitmap.data[y * bytesPerRow + (x >> 3)] >> (7 - (x & 7))) & 1;
        const offset = (row * rendered.widthDots + x) * 4;
        const value = black ? 0 : 255;
        image.data[offset] = value;
        image.data[offset + 1] = value;
        image.data[offset + 2] = value;
        image.data[offset + 3] = 255;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

interface DrawOp {
  role: SlipTextRole;
  text: string;
  font: string;
  inverted: boolean;
  top: number;
  height: number;
  baseline: number;
}

function renderBlocks(canvasLib: CanvasModule, blocks: readonly SlipBlock[], paper: PaperWidthMm): RenderedPart {
  const styles = RASTER_STYLES[paper];
  const width = PAPER_WIDTH_DOTS[paper];
  const usable = width - 2 * styles.sideMargin;
  const measureCtx = canvasLib.createCanvas(8, 8).getContext('2d');
  const ops: DrawOp[] = [];
  const rules: number[] = [];
  let y = 4;

  for (const block of blocks) {
    if (block.kind === 'rule') {
      y += 8;
      rules.push(y);
      y += 2 + 10;
      continue;
    }
    if (block.kind !== 'text') continue;
    if (block.role === 'number') {
      const style = fitNumberStyle(measureCtx, block.text, styles.numberMaxSize, usable);
      measureCtx.font = cssFont(style);
      for (const line of wrapText((s) => measureCtx.measureText(s).width, block.text, usable)) {
        const metrics = measureCtx.measureText(line);
        const ascent = Math.ceil(metrics.actualBoundingBoxAscent);
        const descent = Math.ceil(metrics.actualBoundingBoxDescent);
        const pad = Math.round(style.size * 0.08);
        const height = ascent + descent + 2 * pad;
        ops.push({ role: 'number', text: line, font: cssFont(style), inverted: false, top: y, height, baseline: y + pad + ascent });
        y += height;
      }
      y += 6;
      continue;
    }
    const style = styles.text[block.role];
    measureCtx.font = cssFont(style);
    const box = lineBox(measureCtx, style);
    // White-on-black text needs black around its marks, or a hook above a capital touches the edge.
    const inset = style.inverted ? Math.round(style.size * 0.4) : 0;
    const pad = style.inverted ? 3 : 0;
    for (const line of wrapBalanced((s) => measureCtx.measureText(s).width, block.text, usable - 2 * inset)) {
      ops.push({
        role: block.role,
        text: line,
        font: cssFont(style),
        inverted: style.inverted === true,
        top: y,
        height: box.height + 2 * pad,
        baseline: y + pad + box.ascent,
      });
      y += box.height + 2 * pad;
    }
    y += block.role === 'title' || block.role === 'centre' ? 4 : 2;
  }
  const height = y + 4;

  const canvas = canvasLib.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  for (const ruleY of rules) {
    for (let x = styles.sideMargin; x < width - styles.sideMargin; x += 12) {
      ctx.fillRect(x, ruleY, Math.min(8, width - styles.sideMargin - x), 2);
    }
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (const op of ops) {
    ctx.font = op.font;
    if (op.inverted) {
      const textWidth = ctx.measureText(op.text).width;
      const boxWidth = Math.min(width - 2 * styles.sideMargin, Math.ceil(textWidth) + 2 * Math.round(op.height * 0.35));
      ctx.fillStyle = '#000';
      ctx.fillRect(Math.round((width - boxWidth) / 2), op.top, boxWidth, op.height);
      ctx.fillStyle = '#fff';
      ctx.fillText(op.text, width / 2, op.baseline);
      ctx.fillStyle = '#000';
    } else {
      ctx.fillText(op.text, width / 2, op.baseline);
    }
  }
  const bitmap = thresholdToBitmap(ctx, width, height);
  return {
    kind: 'image',
    bitmap,
    lines: ops.map(({ role, text, top, height: lineHeight }) => ({ role, text, top, height: lineHeight })),
  };
}

const lineBoxCache = new Map<string, { ascent: number; height: number }>();

/**
 * One box height per style, tall enough for the highest stacked capital (Ỗ, Ấ) and the lowest dot
 * below (ự, g), so lines keep an even rhythm and no mark is clipped.
 */
function lineBox(ctx: Context2D, style: RasterStyle): { ascent: number; height: number } {
  const key = cssFont(style);
  let box = lineBoxCache.get(key);
  if (!box) {
    const metrics = ctx.measureText('ỖẤỰẪÝgjyự');
    const ascent = Math.ceil(metrics.actualBoundingBoxAscent) + 1;
    const descent = Math.ceil(metrics.actualBoundingBoxDescent) + 1;
    box = { ascent, height: ascent + descent + Math.round(style.size * 0.12) };
    lineBoxCache.set(key, box);
  }
  return box;
}

function fitNumberStyle(ctx: Context2D, text: string, maxSize: number, usable: number): RasterStyle {
  const style: RasterStyle = { face: 'bold', size: maxSize };
  ctx.font = cssFont(style);
  const width = ctx.measureText(text).width;
  if (width > usable) style.size = Math.max(40, Math.floor((maxSize * usable) / width));
  return style;
}

/**
 * Word wrap into as few lines as greedy wrapping needs, but with lines of similar length, so a long
 * centre name does not end in one orphaned word.
 */
export function wrapBalanced(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const greedy = wrapText(measure, text, maxWidth);
  if (greedy.length < 2) return greedy;
  const longestWord = Math.max(...text.split(' ').map((word) => Math.ceil(measure(word))));
  // Below the longest word, words would be split between letters.
  let low = Math.min(maxWidth, Math.max(Math.floor(maxWidth / greedy.length), longestWord));
  let high = maxWidth;
  let best = greedy;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const attempt = wrapText(measure, text, mid);
    if (attempt.length <= greedy.length) {
      best = attempt;
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return best;
}

/** Greedy word wrap; a word wider than the line is broken between letters. */
export function wrapText(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = word;
    while (measure(current) > maxWidth) {
      const chars = Array.from(current);
      let fit = 1;
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= maxWidth) fit += 1;
      lines.push(chars.slice(0, fit).join(''));
      current = chars.slice(fit).join('');
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function thresholdToBitmap(ctx: Context2D, width: number, height: number): MonoBitmap {
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const bytesPerRow = width / 8;
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 4;
      const luminance = (rgba[offset] * 299 + rgba[offset + 1] * 587 + rgba[offset + 2] * 114) / 1000;
      if (luminance < INK_THRESHOLD) data[y * bytesPerRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return { width, height, data };
}

/** The QR code drawn dot by dot, centred, with the standard four-module quiet zone above and below. */
function qrBitmap(data: string, moduleDots: number, width: number): MonoBitmap {
  const modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  let scale = moduleDots;
  while (scale > 1 && modules.size * scale > width) scale -= 1;
  const side = modules.size * scale;
  const quiet = 4 * scale;
  const height = side + 2 * quiet;
  const left = Math.floor((width - side) / 2);
  const bytesPerRow = width / 8;
  const out = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) {
        const px = left + x;
        out[(quiet + y) * bytesPerRow + (px >> 3)] |= 0x80 >> (px & 7);
      }
    }
  }
  return { width, height, data: out };
}

function writeRaster(out: ByteWriter, bitmap: MonoBitmap): void {
  const bytesPerRow = bitmap.width / 8;
  for (let top = 0; top < bitmap.height; top += MAX_RASTER_BAND_ROWS) {
    const rows = Math.min(MAX_RASTER_BAND_ROWS, bitmap.height - top);
    // GS v 0 m xL xH yL yH: m = 0 is normal density; x counts bytes, y counts rows.
    out.push(GS, 0x76, 0x30, 0, bytesPerRow & 0xff, bytesPerRow >> 8, rows & 0xff, rows >> 8);
    out.append(bitmap.data.subarray(top * bytesPerRow, (top + rows) * bytesPerRow));
  }
}

// ---------------------------------------------------------------------------------------------
// QR code (GS ( k, function 165–169 for model 2)

function checkQrData(data: string): Buffer {
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length === 0 || bytes.length > MAX_QR_BYTES) {
    throw new RangeError(`the slip's tracking URL must be 1–${MAX_QR_BYTES} bytes long, got ${bytes.length}`);
  }
  return bytes;
}

function writeNativeQr(out: ByteWriter, data: string, moduleDots: number): void {
  const bytes = checkQrData(data);
  const qr = (...params: number[]): void => {
    out.push(GS, 0x28, 0x6b, params.length & 0xff, params.length >> 8, ...params);
  };
  out.push(ESC, 0x4a, 12); // a little paper above the code
  qr(0x31, 0x41, 0x32, 0x00); // model 2
  qr(0x31, 0x43, moduleDots); // module size
  qr(0x31, 0x45, 0x31); // error correction M: survives a crease without making the code denser
  const length = bytes.length + 3;
  out.push(GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30);
  out.append(bytes);
  qr(0x31, 0x51, 0x30); // print
  out.push(ESC, 0x4a, 12);
}

// ---------------------------------------------------------------------------------------------
// Code-page mode (TCVN-3)

/** TCVN-3 lower-case table (Epson ESC t 30): runs of consecutive codes. */
const TCVN3_LOWERCASE_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa8, 'ăâêôơưđ'],
  [0xb5, 'àảãáạ'],
  [0xbb, 'ằẳẵắ'],
  [0xc6, 'ặầẩẫấậè'],
  [0xce, 'ẻẽéẹềểễếệìỉ'],
  [0xdc, 'ĩíịò'],
  [0xe1, 'ỏõóọồổỗốộờởỡớợù'],
  [0xf1, 'ủũúụừửữứựỳỷỹýỵ'],
];

/** TCVN-3 capitals table (Epson ESC t 31): the same codes show capitals, plus Ă Â Đ of their own. */
const TCVN3_CAPITALS_RUNS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'ĂÂ'],
  [0xa7, 'Đ'],
  [0xaa, 'ÊÔƠƯ'],
  [0xb5, 'ÀẢÃÁẠ'],
  [0xbb, 'ẰẲẴẮ'],
  [0xc6, 'ẶẦẨẪẤẬÈ'],
  [0xce, 'ẺẼÉẸỀỂỄẾỆÌỈ'],
  [0xdc, 'ĨÍỊÒ'],
  [0xe1, 'ỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙ'],
  [0xf1, 'ỦŨÚỤỪỬỮỨỰỲỶỸÝỴ'],
];

function codeMap(runs: ReadonlyArray<readonly [number, string]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [first, letters] of runs) Array.from(letters).forEach((letter, i) => map.set(letter, first + i));
  return map;
}

const TCVN3_LOWERCASE = codeMap(TCVN3_LOWERCASE_RUNS);
const TCVN3_CAPITALS = codeMap(TCVN3_CAPITALS_RUNS);

/**
 * One line of text as TCVN-3 bytes, switching between the two tables with ESC t where needed.
 * `table` is the table in force before the line; the result says which one is in force after it.
 */
export function encodeTcvn3(
  text: string,
  tables: { lowercase: number; capitals: number },
  table: number | null = null,
): { bytes: Buffer; table: number | null } {
  const out: number[] = [];
  let current = table;
  for (const char of text.normalize('NFC')) {
    const lower = TCVN3_LOWERCASE.get(char);
    const capital = TCVN3_CAPITALS.get(char);
    if (lower !== undefined || capital !== undefined) {
      const wanted = lower !== undefined ? tables.lowercase : tables.capitals;
      if (current !== wanted) {
        out.push(ESC, 0x74, wanted);
        current = wanted;
      }
      out.push((lower ?? capital)!);
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) {
      out.push(code);
      continue;
    }
    const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace('đ', 'd').replace('Đ', 'D');
    const plainCode = plain.length === 1 ? plain.charCodeAt(0) : -1;
    out.push(plainCode >= 0x20 && plainCode < 0x7f ? plainCode : 0x3f);
  }
  return { bytes: Buffer.from(out), table: current };
}

interface CodePageStyle {
  bold: boolean;
  /** Character magnification, 1–8, for both width and height. */
  scale: number;
  reverse?: boolean;
}

const CODEPAGE_STYLES: Record<Exclude<SlipTextRole, 'number'>, CodePageStyle> = {
  centre: { bold: true, scale: 1 },
  address: { bold: false, scale: 1 },
  title: { bold: true, scale: 2 },
  priority: { bold: true, scale: 1, reverse: true },
  info: { bold: false, scale: 1 },
  caption: { bold: false, scale: 1 },
  footer: { bold: false, scale: 1 },
};

function writeCodePageSlip(
  out: ByteWriter,
  slip: TicketSlip,
  paper: PaperWidthMm,
  qrMode: PrinterQrMode,
  tables: { lowercase: number; capitals: number },
): void {
  for (const value of [tables.lowercase, tables.capitals]) {
    if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`code table ${value} is not 0–255`);
  }
  const columns = FONT_A_COLUMNS[paper];
  // FS . leaves the double-byte Chinese mode that many clones start in, in which bytes above 0x7f
  // would pair up into Chinese characters; ESC R 0 keeps ASCII punctuation as ASCII.
  out.push(FS, 0x2e, ESC, 0x52, 0);
  let table: number | null = null;
  for (const block of layoutTicketSlip(slip)) {
    if (block.kind === 'rule') {
      out.append(Buffer.from('-'.repeat(columns), 'ascii'));
      out.push(LF);
      continue;
    }
    if (block.kind === 'qr') {
      if (qrMode === 'raster') {
        checkQrData(block.data);
        writeRaster(out, qrBitmap(block.data, QR_MODULE_DOTS[paper], PAPER_WIDTH_DOTS[paper]));
      } else {
        writeNativeQr(out, block.data, QR_MODULE_DOTS[paper]);
      }
      continue;
    }
    const style: CodePageStyle =
      block.role === 'number'
        ? { bold: true, scale: Math.max(1, Math.min(8, Math.floor(columns / Math.max(1, Array.from(block.text).length)))) }
        : CODEPAGE_STYLES[block.role];
    out.push(ESC, 0x45, style.bold ? 1 : 0);
    out.push(GS, 0x21, ((style.scale - 1) << 4) | (style.scale - 1));
    if (style.reverse) out.push(GS, 0x42, 1);
    const perLine = Math.max(1, Math.floor(columns / style.scale));
    for (const line of wrapText((s) => Array.from(s).length, block.text, perLine)) {
      const encoded = encodeTcvn3(line, tables, table);
      table = encoded.table;
      out.append(encoded.bytes);
      out.push(LF);
    }
    if (style.reverse) out.push(GS, 0x42, 0);
    out.push(GS, 0x21, 0, ESC, 0x45, 0);
  }
}

// ---------------------------------------------------------------------------------------------

function checkPaperWidth(paper: number): PaperWidthMm {
  if (paper !== 58 && paper !== 80) throw new RangeError(`paper width must be 58 or 80 mm, got ${paper}`);
  return paper;
}

class ByteWriter {
  private readonly chunks: Uint8Array[] = [];

  push(...bytes: number[]): void {
    this.chunks.push(Uint8Array.from(bytes));
  }

  append(bytes: Uint8Array): void {
    this.chunks.push(bytes);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
