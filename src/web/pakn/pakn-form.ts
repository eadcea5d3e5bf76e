/**
 * What the public PAKN page decides without React: reading the address (?code=, ?dossier=, ?from=),
 * checking the form before it is sent (the server checks again), and building the request body.
 */
import type { FilePaknInput, PaknCategory, PaknKind, PaknSubjectKind } from '../../contracts/pakn';
import { PAKN_CODE_PATTERN } from '../../contracts/pakn';

export interface PaknFormState {
  kind: PaknKind;
  category: PaknCategory | '';
  subjectKind: PaknSubjectKind;
  dossierCode: string;
  counterNumber: string;
  officerId: string;
  content: string;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  /** The honeypot: hidden from people, filled by form-filling robots. */
  website: string;
}

export const CONTENT_MAX = 4000;

/** The form as the address opens it: a dossier code from the slip's QR selects "about a dossier". */
export function initialForm(search: string): PaknFormState {
  const params = new URLSearchParams(search);
  const dossier = (params.get('dossier') ?? '').trim().toUpperCase();
  return {
    kind: 'complaint',
    category: '',
    subjectKind: dossier ? 'dossier' : 'centre',
    dossierCode: dossier,
    counterNumber: '',
    officerId: '',
    content: '',
    anonymous: false,
    name: '',
    phone: '',
    email: '',
    website: '',
  };
}

/** Where the citizen came from: the kiosk's QR says ?from=kiosk, a slip's QR ?from=qr. */
export function sourceFromSearch(search: string): FilePaknInput['source'] {
  const from = new URLSearchParams(search).get('from');
  return from === 'kiosk' ? 'kiosk' : from === 'qr' ? 'qr' : 'public';
}

/** "pa-261203-7kq2 mx9d" → "PA-261203-7KQ2MX9D". */
export function normalisePaknCode(input: string): string {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  return compact;
}

export function isPaknCode(code: string): boolean {
  return PAKN_CODE_PATTERN.test(code);
}

export function codeFromSearch(search: string): string {
  return normalisePaknCode(new URLSearchParams(search).get('code') ?? '');
}

export type FormProblem =
  | 'needCategory'
  | 'needDossier'
  | 'needCounter'
  | 'needOfficer'
  | 'contentShort'
  | 'contentLong'
  | 'needName'
  | 'needContact'
  | 'badPhone'
  | 'badEmail';

const PHONE = /^(\+84|0)\d{8,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The first thing to fix, in the order the form shows the fields; null when it can be sent. */
export function problemOf(f: PaknFormState): FormProblem | null {
  if (!f.category) return 'needCategory';
  if (f.subjectKind === 'dossier' && !f.dossierCode.trim()) return 'needDossier';
  if (f.subjectKind === 'counter' && !f.counterNumber) return 'needCounter';
  if (f.subjectKind === 'officer' && !f.officerId) return 'needOfficer';
  const content = f.content.trim();
  if (content.length < 10) return 'contentShort';
  if (content.length > CONTENT_MAX) return 'contentLong';
  if (!f.anonymous) {
    if (f.name.trim().length < 2) return 'needName';
    const phone = f.phone.replace(/[\s.()-]/g, '');
    if (!phone && !f.email.trim()) return 'needContact';
    if (phone && !PHONE.test(phone)) return 'badPhone';
    if (f.email.trim() && !EMAIL.test(f.email.trim())) return 'badEmail';
  }
  return null;
}

/** The request body; an anonymous filing sends no contact at all, whatever was typed before. */
export function toRequest(f: PaknFormState, source: FilePaknInput['source']): FilePaknInput {
  const subject: FilePaknInput['subject'] =
    f.subjectKind === 'dossier'
      ? { kind: 'dossier', dossierCode: f.dossierCode.trim().toUpperCase() }
      : f.subjectKind === 'counter'
        ? { kind: 'counter', counterNumber: Number(f.counterNumber) }
        : f.subjectKind === 'officer'
          ? { kind: 'officer', officerId: f.officerId }
          : { kind: 'centre' };
  return {
    kind: f.kind,
    category: f.category as PaknCategory,
    subject,
    content: f.content.trim(),
    anonymous: f.anonymous,
    ...(f.anonymous ? {} : { contact: { name: f.name.trim(), phone: f.phone.trim(), email: f.email.trim() } }),
    source,
    ...(f.website ? { website: f.website } : {}),
  };
}
