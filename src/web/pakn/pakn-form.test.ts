import { describe, expect, it } from 'vitest';
import { codeFromSearch, initialForm, isPaknCode, problemOf, sourceFromSearch, toRequest, type PaknFormState } from './pakn-form';

const filled = (more: Partial<PaknFormState> = {}): PaknFormState => ({
  ...initialForm(''),
  category: 'attitude',
  content: 'Cán bộ quầy 2 không hướng dẫn rõ ràng.',
  name: 'Trần Thị Bình',
  phone: '0912 345 678',
  ...more,
});

describe('the public PAKN form', () => {
  it('a slip QR with ?dossier= opens the form about that dossier; ?from= tells the source', () => {
    const f = initialForm('?dossier=000.00.16.h26-261126-0001&from=qr');
    expect(f).toMatchObject({ subjectKind: 'dossier', dossierCode: '000.00.16.H26-261126-0001' });
    expect(initialForm('').subjectKind).toBe('centre');
    expect([sourceFromSearch('?from=kiosk'), sourceFromSearch('?from=qr'), sourceFromSearch('?from=x')]).toEqual(['kiosk', 'qr', 'public']);
  });

  it('says the first thing to fix, in the order of the fields', () => {
    expect(problemOf({ ...filled(), category: '' })).toBe('needCategory');
    expect(problemOf(filled({ subjectKind: 'dossier', dossierCode: ' ' }))).toBe('needDossier');
    expect(problemOf(filled({ subjectKind: 'counter' }))).toBe('needCounter');
    expect(problemOf(filled({ content: 'ngắn' }))).toBe('contentShort');
    expect(problemOf(filled({ name: '' }))).toBe('needName');
    expect(problemOf(filled({ phone: '', email: '' }))).toBe('needContact');
    expect(problemOf(filled({ phone: '12345' }))).toBe('badPhone');
    expect(problemOf(filled({ phone: '', email: 'a@b' }))).toBe('badEmail');
    expect(problemOf(filled())).toBeNull();
    expect(problemOf(filled({ anonymous: true, name: '', phone: '' }))).toBeNull();
  });

  it('an anonymous filing sends no contact, even one typed before the box was ticked', () => {
    const body = toRequest(filled({ anonymous: true }), 'kiosk');
    expect(body).not.toHaveProperty('contact');
    expect(body).toMatchObject({ anonymous: true, source: 'kiosk', subject: { kind: 'centre' } });
    expect(toRequest(filled({ subjectKind: 'counter', counterNumber: '4' }), 'public').subject).toEqual({ kind: 'counter', counterNumber: 4 });
  });

  it('reads and checks the code to follow', () => {
    expect(codeFromSearch('?code=pa-261203-7kq2mx9d')).toBe('PA-261203-7KQ2MX9D');
    expect(isPaknCode('PA-261203-7KQ2MX9D')).toBe(true);
    expect(isPaknCode('PA-261203-7KQ2MX9')).toBe(false);
    expect(isPaknCode('PA-261203-7KQ2MX9I')).toBe(false);
  });
});
