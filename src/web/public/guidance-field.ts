/**
 * The queue field a citizen picks to be guided (Hướng dẫn): its ticket also carries a QR code to the
 * public procedure catalogue, so the citizen can read the documents to prepare on their phone while
 * waiting — the kiosk itself is touchless. Recognised by the code "HD" or "hướng dẫn" in its name.
 * Pure.
 */
import type { Field } from '../../contracts/api';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();

export function isGuidanceField(field: Pick<Field, 'code' | 'nameVi'> | null | undefined): boolean {
  if (!field) return false;
  return field.code.toUpperCase() === 'HD' || /\bhuong dan\b/u.test(fold(field.nameVi));
}

/** The catalogue's address on the same server the ticket's tracking link points at. */
export function catalogueUrlBeside(trackUrl: string): string {
  try {
    return new URL('/thu-tuc', trackUrl).href;
  } catch {
    return '/thu-tuc';
  }
}
