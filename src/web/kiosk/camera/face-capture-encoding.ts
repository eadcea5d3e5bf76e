/**
 * The template as the API takes it (contracts/api.ts `FaceCapture.template`): base64 of float32
 * little-endian values. Pure, so the kiosk machine can hold the string and tests can check it.
 */
export function encodeTemplate(template: ArrayLike<number>): string {
  const bytes = new Uint8Array(template.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < template.length; i++) view.setFloat32(i * 4, template[i]!, true);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The inverse, for tests and diagnostics. */
export function decodeTemplate(base64: string): Float32Array {
  const binary = atob(base64);
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const values = new Float32Array(binary.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}
