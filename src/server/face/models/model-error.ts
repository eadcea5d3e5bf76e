/**
 * A failure to obtain, read, convert or install a recognition model, told in both languages. These
 * messages reach an administrator at a terminal (or in a log), so they name the file, the layer or
 * the value that is wrong: a vague "conversion failed" would leave them nothing to act on.
 */
export class FaceModelError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'FaceModelError';
  }
}

export function isFaceModelError(value: unknown): value is FaceModelError {
  return value instanceof FaceModelError;
}
