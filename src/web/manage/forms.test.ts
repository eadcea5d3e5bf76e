/** Counter, person, priority group, settings, centre and device forms → API bodies. */
import { describe, expect, it } from 'vitest';
import type { Counter } from '../../contracts/api';
import { counterToDraft, draftToCounterInput, emptyCounterDraft } from './counter-form';
import type { Device } from '../../contracts/api';
import {
  deviceToEditDraft,
  draftToConfirmBody,
  draftToDeviceUpdate,
  draftToPrinterBody,
  emptyPairingDraft,
  emptyPrinterDraft,
  lookupFor,
  pairingCodeToLookUp,
  pairingKind,
  type PairingLookup,
} from './device-form';
import { draftToUserInput, emptyPersonDraft } from './person-form';
import { draftToPriorityInput, emptyPriorityDraft } from './priority-form';
import { draftToCentreInput, draftToSettings, newRatingOption, scalePreset, settingsToDraft, type QueueSettings } from './settings-form';

const F1 = '00000000-0000-4000-8000-0000000000f1';
const F2 = '00000000-0000-4000-8000-0000000000f2';
const counter: Counter = {
  id: '00000000-0000-4000-8000-0000000000c1',
  number: 1,
  name: 'Quầy 1',
  active: true,
  state: 'closed',
  pauseReason: null,
  officerId: null,
  officerName: null,
  fields: [{ fieldId: F1, weight: 10 }],
};

describe('counter form', () => {
  it('proposes the next free number', () => {
    expect(emptyCounterDraft([{ number: 1 }, { number: 4 }]).number).toBe('5');
  });

  it('sends only the ticked fields with their weights', () => {
    const draft = counterToDraft(counter);
    draft.links[F2] = { on: true, weight: '3' };
    draft.links['unticked'] = { on: false, weight: 'junk' };
    expect(draftToCounterInput(draft, [counter], counter.id)).toEqual({
      ok: true,
      input: { number: 1, name: 'Quầy 1', active: true, fields: [{ fieldId: F1, weight: 10 }, { fieldId: F2, weight: 3 }] },
    });
  });

  it('checks weights 1–10, the number range and a number already taken', () => {
    const draft = { ...emptyCounterDraft([]), number: '1', name: 'Quầy mới', links: { [F1]: { on: true, weight: '11' } } };
    const result = draftToCounterInput(draft, [counter], null);
    expect(result).toEqual({ ok: false, hints: { number: 'number-taken', weights: { [F1]: 'weight-range' } } });
    expect(draftToCounterInput({ ...draft, number: '1000', links: {} }).ok).toBe(false);
  });
});

describe('person form', () => {
  const base = { ...emptyPersonDraft(), username: ' CanBo7 ', fullName: 'Ngô Văn Bảy' };

  it('requires a password of at least 8 characters for a new account, typed twice', () => {
    expect(draftToUserInput(base, true)).toEqual({ ok: false, hints: { password: 'required' } });
    expect(draftToUserInput({ ...base, password: 'short', passwordAgain: 'short' }, true)).toEqual({ ok: false, hints: { password: 'password-short' } });
    expect(draftToUserInput({ ...base, password: 'long enough', passwordAgain: 'long enougH' }, true)).toEqual({
      ok: false,
      hints: { passwordAgain: 'password-mismatch' },
    });
    const ok = draftToUserInput({ ...base, password: 'long enough', passwordAgain: 'long enough' }, true);
    expect(ok).toEqual({ ok: true, input: { username: 'canbo7', fullName: 'Ngô Văn Bảy', role: 'officer', unitId: null, lang: 'vi', active: true, password: 'long enough' } });
  });

  it('puts the person in the unit chosen, or in none', () => {
    const head = draftToUserInput({ ...base, role: 'manager', unitId: '4f1c2a9e-0000-4000-8000-000000000001' }, false);
    expect(head.ok && head.input.unitId).toBe('4f1c2a9e-0000-4000-8000-000000000001');
    const none = draftToUserInput(base, false);
    expect(none.ok && none.input.unitId).toBeNull();
  });

  it('keeps the password when editing with the field left empty', () => {
    const result = draftToUserInput(base, false);
    expect(result.ok && 'password' in result.input).toBe(false);
  });

  it('rejects user names the server would', () => {
    expect(draftToUserInput({ ...base, username: 'cán bộ' }, false)).toEqual({ ok: false, hints: { username: 'username-format' } });
  });
});

describe('priority group form', () => {
  it('weight is 1–600 minutes and codes are unique', () => {
    const draft = { ...emptyPriorityDraft(), code: 'nct', nameVi: 'Người cao tuổi', nameEn: 'Elderly' };
    expect(draftToPriorityInput(draft)).toEqual({ ok: true, input: { code: 'NCT', nameVi: 'Người cao tuổi', nameEn: 'Elderly', weight: 30, active: true } });
    expect(draftToPriorityInput({ ...draft, weight: '0' })).toEqual({ ok: false, hints: { weight: 'priority-weight-range' } });
    expect(draftToPriorityInput(draft, [{ id: 'x', code: 'NCT' }])).toEqual({ ok: false, hints: { code: 'code-taken' } });
    expect(draftToPriorityInput(draft, [{ id: 'x', code: 'NCT' }], 'x').ok).toBe(true);
  });
});

const settings: QueueSettings = {
  fairnessQuota: 2,
  transferKeepsArrivalTime: true,
  noShowToleranceMinutes: 30,
  announceRepeat: 2,
  speechRate: 0.9,
  resultsSlideQuietMinutes: 2,
  resultsSlideWhileWaiting: false,
  ratingScale: scalePreset(3).map((o) => ({ value: Number(o.value), labelVi: o.labelVi, labelEn: o.labelEn, reportsAs: o.reportsAs })),
  ratingTimeoutSeconds: 120,
  slipFooter: ['Vui lòng chú ý màn hình và loa gọi số'],
  publicBaseUrl: '',
  ratingCriteria: [{ key: 'attitude', labelVi: 'Thái độ của cán bộ', labelEn: 'Staff attitude' }],
};

describe('settings form', () => {
  it('round-trips the settings', () => {
    expect(draftToSettings(settingsToDraft(settings))).toEqual({ ok: true, settings });
  });

  it('takes the quiet minutes before the results slide as a whole number from 0 to 120', () => {
    const draft = settingsToDraft(settings);
    expect(draftToSettings({ ...draft, resultsSlideQuietMinutes: '0', resultsSlideWhileWaiting: true })).toMatchObject({
      ok: true,
      settings: { resultsSlideQuietMinutes: 0, resultsSlideWhileWaiting: true },
    });
    expect(draftToSettings({ ...draft, resultsSlideQuietMinutes: '121' })).toMatchObject({ ok: false, hints: { resultsSlideQuietMinutes: 'whole-range' } });
    expect(draftToSettings({ ...draft, resultsSlideQuietMinutes: '' })).toMatchObject({ ok: false, hints: { resultsSlideQuietMinutes: 'required' } });
  });

  it('the 5-level preset maps to the 3 report levels, best first', () => {
    const draft = { ...settingsToDraft(settings), ratingScale: scalePreset(5) };
    const result = draftToSettings(draft);
    expect(result.ok && result.settings.ratingScale.map((o) => [o.value, o.labelVi, o.reportsAs])).toEqual([
      [5, 'Rất hài lòng', 'very-satisfied'],
      [4, 'Hài lòng', 'satisfied'],
      [3, 'Bình thường', 'satisfied'],
      [2, 'Không hài lòng', 'dissatisfied'],
      [1, 'Rất không hài lòng', 'dissatisfied'],
    ]);
  });

  it('sorts options best first and drops empty trailing footer lines', () => {
    const draft = settingsToDraft(settings);
    draft.ratingScale.reverse();
    draft.slipFooter = 'Dòng 1\nDòng 2\n\n';
    draft.publicBaseUrl = 'http://192.168.1.10:3000/';
    const result = draftToSettings(draft);
    expect(result.ok && result.settings.ratingScale.map((o) => o.value)).toEqual([3, 2, 1]);
    expect(result.ok && result.settings.slipFooter).toEqual(['Dòng 1', 'Dòng 2']);
    expect(result.ok && result.settings.publicBaseUrl).toBe('http://192.168.1.10:3000');
  });

  it('points out duplicate values, missing labels, a scale of one and bad numbers', () => {
    const draft = settingsToDraft(settings);
    draft.ratingScale[1] = { ...draft.ratingScale[1]!, value: '3' };
    draft.ratingScale[2] = { ...draft.ratingScale[2]!, labelEn: '' };
    draft.fairnessQuota = '0';
    draft.speechRate = '2,5';
    draft.slipFooter = '1\n2\n3\n4\n5';
    draft.publicBaseUrl = '192.168.1.10';
    const result = draftToSettings(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...result.hints.options!]).toEqual([
      [1, 'value-duplicate'],
      [2, 'label-required'],
    ]);
    expect(result.hints).toMatchObject({ fairnessQuota: 'whole-range', speechRate: 'rate-range', slipFooter: 'footer-lines', publicBaseUrl: 'url' });
    const one = { ...settingsToDraft(settings), ratingScale: scalePreset(3).slice(0, 1) };
    expect(!draftToSettings(one).ok && (draftToSettings(one) as { hints: { ratingScale?: string } }).hints.ratingScale).toBe('scale-size');
  });

  it('a new option takes the lowest unused value', () => {
    expect(newRatingOption(scalePreset(3)).value).toBe('4');
    expect(newRatingOption([]).value).toBe('1');
  });

  it('centre: address may be empty (null)', () => {
    expect(draftToCentreInput({ code: ' X1 ', name: 'UBND', shortName: 'UBND', address: ' ' })).toEqual({
      ok: true,
      input: { code: 'X1', name: 'UBND', shortName: 'UBND', address: null },
    });
    expect(draftToCentreInput({ code: '', name: 'UBND', shortName: '', address: '' })).toEqual({ ok: false, hints: { code: 'required', shortName: 'required' } });
  });
});

describe('device forms', () => {
  const C = '00000000-0000-4000-8000-0000000000c1';
  const P = '00000000-0000-4000-8000-0000000000p1';

  it('a rating screen needs a counter; the code may be typed with spaces', () => {
    expect(draftToConfirmBody({ ...emptyPairingDraft('rating'), code: '123 456' })).toEqual({ ok: false, hints: { counterId: 'counter-required' } });
    expect(draftToConfirmBody({ ...emptyPairingDraft('rating'), code: '123 456', counterId: C, printerId: P })).toEqual({
      ok: true,
      body: { code: '123456', counterId: C },
    });
  });

  it('a kiosk may have a printer; a display sends only code and name', () => {
    expect(draftToConfirmBody({ ...emptyPairingDraft('kiosk'), code: '000123', printerId: P, counterId: C })).toEqual({ ok: true, body: { code: '000123', printerId: P } });
    expect(draftToConfirmBody({ ...emptyPairingDraft('display'), code: '000123', name: ' Sảnh ', counterId: C, printerId: P })).toEqual({
      ok: true,
      body: { code: '000123', name: 'Sảnh' },
    });
    expect(draftToConfirmBody({ ...emptyPairingDraft('display'), code: '12345' })).toEqual({ ok: false, hints: { code: 'pairing-code-format' } });
  });

  it('re-assigning: a kiosk can drop its printer, a rating screen cannot drop its counter', () => {
    const draft = { name: '', counterId: '', printerId: '', host: '', port: '', paperWidthMm: '80' as const };
    expect(draftToDeviceUpdate({ kind: 'kiosk' }, { ...draft, name: 'Kiosk 1' })).toEqual({ ok: true, body: { name: 'Kiosk 1', printerId: null } });
    expect(draftToDeviceUpdate({ kind: 'rating' }, { ...draft, name: 'Đánh giá' })).toEqual({ ok: false, hints: { counterId: 'counter-required' } });
    expect(draftToDeviceUpdate({ kind: 'display' }, { ...draft, name: 'Bảng', counterId: C, printerId: P, host: 'junk host' })).toEqual({
      ok: true,
      body: { name: 'Bảng' },
    });
  });

  it('a printer can be moved to another address, port and paper width', () => {
    const printer: Device = {
      id: P,
      kind: 'printer',
      name: 'Máy in sảnh',
      counterId: null,
      printerId: null,
      host: '192.168.1.50',
      port: 9100,
      paperWidthMm: 80,
      pairedAt: null,
      lastSeenAt: null,
      revoked: false,
    };
    const draft = deviceToEditDraft(printer);
    expect(draft).toMatchObject({ host: '192.168.1.50', port: '9100', paperWidthMm: '80' });
    expect(draftToDeviceUpdate(printer, { ...draft, host: ' 192.168.1.60 ', port: '9101', paperWidthMm: '58' })).toEqual({
      ok: true,
      body: { name: 'Máy in sảnh', host: '192.168.1.60', port: 9101, paperWidthMm: 58 },
    });
    expect(draftToDeviceUpdate(printer, { ...draft, name: ' ', host: 'http://x', port: '0' })).toEqual({
      ok: false,
      hints: { name: 'required', host: 'host-format', port: 'port-range' },
    });
    expect(draftToDeviceUpdate(printer, { ...draft, host: '', port: '' })).toEqual({ ok: false, hints: { host: 'required', port: 'required' } });
  });

  it('printer: host, port 9100 by default, 58 or 80 mm', () => {
    expect(draftToPrinterBody({ ...emptyPrinterDraft(), name: 'Máy in sảnh', host: '192.168.1.50', paperWidthMm: '58' })).toEqual({
      ok: true,
      body: { name: 'Máy in sảnh', host: '192.168.1.50', port: 9100, paperWidthMm: 58 },
    });
    expect(draftToPrinterBody({ ...emptyPrinterDraft(), name: 'X', host: 'http://printer', port: '70000' })).toEqual({
      ok: false,
      hints: { host: 'host-format', port: 'port-range' },
    });
  });
});

describe('pairing: the kind of screen comes from the code', () => {
  const C = '00000000-0000-4000-8000-0000000000c1';
  const rating: PairingLookup = { state: 'found', code: '123456', pending: { kind: 'rating', name: null, expiresAt: '2026-01-01T00:15:00.000Z' } };

  it('looks a code up only once all six digits are typed', () => {
    expect(pairingCodeToLookUp('12345')).toBeNull();
    expect(pairingCodeToLookUp('123 456')).toBe('123456');
    expect(pairingCodeToLookUp('123-456')).toBe('123456');
    expect(pairingCodeToLookUp('1234567')).toBeNull();
    expect(pairingCodeToLookUp('12345a')).toBeNull();
  });

  it('an answer counts only while its code is the one typed', () => {
    expect(lookupFor(rating, '123 456')).toBe(rating);
    expect(lookupFor(rating, '12345')).toEqual({ state: 'idle' });
    expect(lookupFor(rating, '123457')).toEqual({ state: 'idle' });
    const failed: PairingLookup = { state: 'failed', code: '000000', message: 'Mã ghép nối không đúng hoặc đã được dùng.' };
    expect(lookupFor(failed, '000000')).toBe(failed);
  });

  it('the detected kind decides what the confirmation needs', () => {
    const draft = { ...emptyPairingDraft(), code: '123456' };
    expect(draft.kind).toBeNull();
    expect(pairingKind(draft, { state: 'idle' })).toBeNull();
    expect(pairingKind(draft, { state: 'checking', code: '123456' })).toBeNull();
    const kind = pairingKind(draft, rating);
    expect(kind).toBe('rating');
    expect(pairingKind({ ...draft, code: '654321' }, rating)).toBeNull();
    expect(draftToConfirmBody({ ...draft, kind })).toEqual({ ok: false, hints: { counterId: 'counter-required' } });
    expect(draftToConfirmBody({ ...draft, kind, counterId: C })).toEqual({ ok: true, body: { code: '123456', counterId: C } });
    // Without a known kind nothing is sent.
    expect(draftToConfirmBody(draft)).toEqual({ ok: false, hints: { kind: 'kind-required' } });
  });
});
