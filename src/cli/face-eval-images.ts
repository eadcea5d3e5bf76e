/**
 * The images of a `face:eval` folder: which files count as images, and their pixels. The format is
 * decided by content, never by name: JPEG/PNG/WebP/GIF/TIFF/AVIF through sharp (EXIF orientation
 * applied), BMP and PBM/PGM/PPM through our own decoders (the prebuilt libvips reads neither).
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { decodeBmp } from './bmp-decoder';
import { ImageDecodeError, sniffImageFormat, SNIFF_BYTES, type DecodedPixels } from './image-format';
import { decodePnm } from './pnm-decoder';

/** Files listed by name; any other file is listed too when its first bytes are those of an image. */
const IMAGE_EXTENSIONS = /\.(jpe?g|jfif|png|webp|bmp|dib|pgm|ppm|pnm|pbm|gif|tiff?|avif)$/i;

export interface EvalImage {
  index: number;
  identity: string;
  file: string;
  multiFace: boolean;
}

function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(SNIFF_BYTES);
    return head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** An image by its name, or a file without an image name whose content is one (e.g. no extension). */
function isImageFile(file: string, name: string): boolean {
  if (IMAGE_EXTENSIONS.test(name)) return true;
  try {
    return sniffImageFormat(readHead(file)) !== null;
  } catch {
    return false;
  }
}

/**
 * One subfolder per identity; subfolders starting with "_" hold scenes with several faces. A file
 * named like an image is listed even when it is not one: it is then a failure to enrol, with its reason.
 */
export function listEvalImages(dir: string): EvalImage[] {
  const images: EvalImage[] = [];
  // statSync follows symbolic links: a folder of links to a data set works too.
  const folders = readdirSync(dir).filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory()).sort();
  for (const folder of folders) {
    const files = readdirSync(join(dir, folder))
      .filter((name) => !name.startsWith('.') && statSync(join(dir, folder, name)).isFile() && isImageFile(join(dir, folder, name), name))
      .sort();
    for (const file of files) images.push({ index: images.length, identity: folder, file: join(dir, folder, file), multiFace: folder.startsWith('_') });
  }
  return images;
}

/**
 * RGBA pixels upright (EXIF orientation applied), longest side at most `maxSide`. The format is
 * decided by content; an ImageDecodeError says why a file cannot be read.
 */
export async function decodeImage(file: string, maxSide: number): Promise<{ data: Buffer; width: number; height: number }> {
  const bytes = new Uint8Array(readFileSync(file));
  const format = sniffImageFormat(bytes.subarray(0, SNIFF_BYTES));
  if (format === null) {
    const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ImageDecodeError(bytes.length === 0 ? 'empty file' : `not an image of a supported format (first bytes: ${head})`);
  }
  let image: ReturnType<typeof sharp>;
  if (format === 'bmp' || format === 'pnm') {
    const decoded: DecodedPixels = format === 'bmp' ? decodeBmp(bytes) : decodePnm(bytes);
    image = sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } });
  } else {
    image = sharp(bytes).rotate();
  }
  const { data, info } = await image
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw new ImageDecodeError(`${format}: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (info.channels !== 4) throw new ImageDecodeError(`${format}: decoded to ${info.channels} channels instead of RGBA`);
  return { data, width: info.width, height: info.height };
}
