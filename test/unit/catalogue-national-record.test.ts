import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSteps } from '../../src/core/catalogue/default-steps';
import { draftFingerprint } from '../../src/core/catalogue/draft-fingerprint';
import { detectCutoff, parseNationalRecord } from '../../src/core/catalogue/national-record';
import type { ImportWarning, ProcedureDraft } from '../../src/core/catalogue/procedure';
import type { ProcessingTime } from '../../src/core/calendar/calendar-types';

const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

function record(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ma_thu_tuc: '1.000001',
    ten_thu_tuc: 'Thủ tục thử',
    so_quyet_dinh: '1/QĐ-UBND',
    cap_thuc_hien: 'Cấp xã',
    linh_vuc: 'Hộ tịch',
    co_quan_thuc_hien: 'Ủy ban Nhân dân\u00a0xã,\u00a0 phường.',
    co_quan_co_tham_quyen: '',
    trinh_tu_thuc_hien: 'Bước 1: nộp hồ sơ.',
    cach_thuc_thuc_hien: `${HEADER}Trực tiếp3 Ngày làm việcMiễn phí`,
    thanh_phan_ho_so: '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫu1 bản chính',
    can_cu_phap_ly: '',
    ket_qua_xu_ly: 'Giấy xác nhậnMã: KQ.1Từ khóaKhông có thông tin',
    ...overrides,
  };
}

function parse(overrides: Record<string, unknown> = {}) {
  return parseNationalRecord(record(overrides), 'test.json');
}

function rulesOf(cachThuc: string) {
  const { draft } = parse({ cach_thuc_thuc_hien: `${HEADER}${cachThuc}` });
  return draft!.rules.map((r) => [r.channel, r.amount, r.unit, r.feeDong]);
}

describe('parseNationalRecord: processing time and fee per channel', () => {
  it.each([
    ['working days', 'Trực tiếp7 Ngày làm việcMiễn phí', [['direct', 7, 'working-days', 0]]],
    ['calendar days', 'Trực tiếp15 NgàyMiễn phí', [['direct', 15, 'days', 0]]],
    ['hours', 'Trực tuyến8 GiờMiễn phí', [['online', 8, 'hours', 0]]],
    ['same day', 'Trực tiếpTrong ngàyMiễn phí', [['direct', 1, 'same-day', 0]]],
    ['"ngay trong ngày"', 'Trực tiếpngay trong ngàyMiễn phí', [['direct', 1, 'same-day', 0]]],
    ['bare number → working days', 'Trực tiếp5Miễn phí', [['direct', 5, 'working-days', 0]]],
    ['no time', 'Trực tiếpKhông có thông tin8,000 VNĐ', [['direct', null, 'working-days', 8000]]],
    ['missing time glued to a fee', 'Trực tuyến120,000 VNĐ', [['online', null, 'working-days', 120000]]],
    ['dotted thousands in đồng', 'Trực tiếp2 Ngày làm việc8.000 đồng', [['direct', 2, 'working-days', 8000]]],
    ['fee with a note that agrees', 'Trực tiếp2 Ngày làm việc70,000 VNĐ(70.000 đồng/Giấy chứng nhận)', [['direct', 2, 'working-days', 70000]]],
    ['fee with a note that disagrees', 'Trực tiếp2 Ngày làm việc120 VNĐ(20.000 vnđ /tờ khai)', [['direct', 2, 'working-days', null]]],
    ['fee set by the provincial council', 'Trực tiếp15 NgàyMiễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh)', [['direct', 15, 'days', null]]],
    ['free with a "Không" note', 'Trực tiếp2 Ngày làm việcMiễn phí(Không)', [['direct', 2, 'working-days', 0]]],
    ['USD is not đồng', 'Trực tiếpKhông có thông tin10 USD(/bản)', [['direct', null, 'working-days', null]]],
    [
      'times differ per channel',
      'Trực tuyến20 NgàyMiễn phíDịch vụ bưu chính20 NgàyMiễn phíTrực tiếp15 NgàyMiễn phí',
      [['online', 20, 'days', 0], ['postal', 20, 'days', 0], ['direct', 15, 'days', 0]],
    ],
    [
      'a channel name inside a description is not a new row',
      'Trực tuyếnKhông có thông tin8,000 VNĐ(8.000 đồng/bản)Trực tiếp thực hiện hoặc ủy quyền Dịch vụ bưu chính3 Ngày làm việc8,000 VNĐ',
      [['online', null, 'working-days', 8000], ['postal', 3, 'working-days', 8000]],
    ],
  ])('%s', (_label, cachThuc, expected) => {
    expect(rulesOf(cachThuc)).toEqual(expected);
  });

  it('keeps the published fee text and the description after it', () => {
    const { draft } = parse({
      cach_thuc_thuc_hien: `${HEADER}Trực tiếp7 Ngày làm việc20,000 Việt Nam Đồng(Trường hợp nộp trực tiếp thu 20.000 đồng/lần.)Nộp tại Công an xã.`,
    });
    expect(draft!.rules[0]).toMatchObject({
      feeDong: 20000,
      feeText: '20,000 Việt Nam Đồng (Trường hợp nộp trực tiếp thu 20.000 đồng/lần.)',
      description: 'Nộp tại Công an xã.',
    });
  });

  it('warns, without skipping, when a time has no unit', () => {
    const { draft, warnings } = parse({ cach_thuc_thuc_hien: `${HEADER}Trực tuyến5Miễn phíTrực tiếp5Miễn phí` });
    expect(draft).not.toBeNull();
    expect(warnings).toEqual([
      expect.objectContaining({
        field: 'cach_thuc_thuc_hien',
        skipped: false,
        message: expect.stringMatching(/"5" không ghi đơn vị \(Trực tuyến, Trực tiếp\); tạm hiểu là ngày làm việc/u),
      }),
    ]);
  });

  it('reads a bare "1" with the 15:00 rule as same-day with that cut-off', () => {
    const { draft } = parse({
      cach_thuc_thuc_hien: `${HEADER}Trực tiếp1Miễn phí`,
      trinh_tu_thuc_hien:
        'Trường hợp hồ sơ đầy đủ thì tiếp nhận; nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả cho người yêu cầu trong ngày làm việc tiếp theo.',
    });
    expect(draft!.cutoff).toBe('15:00');
    expect(draft!.rules[0]).toMatchObject({ amount: 1, unit: 'same-day' });
  });
});

describe('detectCutoff', () => {
  it.each([
    ['nếu tiếp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.', '15:00'],
    ['nếu thời điểm nhận hồ sơ sau 15 giờ cùng ngày thì có thể hoàn thành việc đăng ký trong ngày làm việc tiếp theo.', '15:00'],
    ['nhận hồ sơ sau 14h30 thì trả kết quả trong ngày làm việc tiếp theo', '14:30'],
    // About the letter on completeness, not about the result.
    ['Trường hợp cơ quan tiếp nhận hồ sơ sau 16 giờ thì văn bản trả lời được gửi trong ngày làm việc tiếp theo.', null],
    ['Niêm yết sau 15 giờ.', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(detectCutoff(text)).toBe(expected);
  });
});

describe('parseNationalRecord: malformed and out-of-scope records are skipped', () => {
  it.each([
    ['not an object', [1, 2], 'record'],
    ['null', null, 'record'],
    ['code too short', record({ ma_thu_tuc: '1.0011' }), 'ma_thu_tuc'],
    ['code with lower-case suffix', record({ ma_thu_tuc: '1.000948.h38' }), 'ma_thu_tuc'],
    ['code missing', record({ ma_thu_tuc: undefined }), 'ma_thu_tuc'],
    ['empty name', record({ ten_thu_tuc: '  ' }), 'ten_thu_tuc'],
    ['number where text belongs', record({ thanh_phan_ho_so: 42 }), 'thanh_phan_ho_so'],
    ['no channel row', record({ cach_thuc_thuc_hien: `${HEADER}Không có thông tin` }), 'cach_thuc_thuc_hien'],
    ['customs', record({ linh_vuc: 'Hải quan' }), 'linh_vuc'],
    ['tax', record({ linh_vuc: 'Thuế' }), 'linh_vuc'],
  ])('%s', (_label, input, field) => {
    const { draft, warnings } = parseNationalRecord(input, 'bad.json');
    expect(draft).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ source: 'bad.json', field, skipped: true });
    expect(warnings[0]!.message).toMatch(/^Bỏ qua/u);
  });

  it('names the rule a bad code breaks', () => {
    const { warnings } = parse({ ma_thu_tuc: 'ABC' });
    expect(warnings[0]!.message).toContain('"1.001193"');
    expect(warnings[0]!.message).toContain('"ABC"');
  });

  it('accepts a provincial suffix', () => {
    expect(parse({ ma_thu_tuc: '1.000948.H38' }).draft?.code).toBe('1.000948.H38');
  });
});

describe('parseNationalRecord: documents, agency and text fields', () => {
  it('splits the flattened table into documents with their copies', () => {
    const { draft, warnings } = parse({
      thanh_phan_ho_so:
        '* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký theo mẫu;1 bản chính' +
        '- Giấy chứng sinh (nếu có)1 bản chính,1 bản sao' +
        '- Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).MauKX1079.docx1 bản chính' +
        'Trường hợp nộp trực tuyến thì không phải nộp bản giấy.0 bản chính',
    });
    expect(draft!.documents).toEqual([
      { name: 'Tờ khai đăng ký theo mẫu', copies: '1 bản chính', mandatory: true },
      { name: 'Giấy chứng sinh (nếu có)', copies: '1 bản chính, 1 bản sao', mandatory: false },
      {
        name: 'Đơn đề nghị theo Mẫu số 01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).',
        copies: '1 bản chính',
        mandatory: true,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps text it cannot split as one document and says so', () => {
    const text = 'Bước 1. Người lao động lập hồ sơ và nộp cho cơ quan BHXH.';
    const { draft, warnings } = parse({ thanh_phan_ho_so: text });
    expect(draft!.documents).toEqual([{ name: text, copies: '', mandatory: true }]);
    expect(warnings).toEqual([expect.objectContaining({ field: 'thanh_phan_ho_so', skipped: false })]);
  });

  it('normalises the agency and falls back to the competent agency', () => {
    expect(parse().draft!.agency).toBe('Ủy ban Nhân dân xã, phường');
    const fallback = parse({ co_quan_thuc_hien: 'Không có thông tin', co_quan_co_tham_quyen: ' Công an cấp Xã ' });
    expect(fallback.draft!.agency).toBe('Công an cấp Xã');
    const none = parse({ co_quan_thuc_hien: 'Không có thông tin' });
    expect(none.draft!.agency).toBe('');
    expect(none.warnings).toEqual([expect.objectContaining({ field: 'co_quan_thuc_hien', skipped: false })]);
  });

  it('drops the portal\'s result code from the result text', () => {
    expect(parse().draft!.resultText).toBe('Giấy xác nhận');
  });

  it('gives the draft the default five steps summing to the direct channel time', () => {
    const { draft } = parse({ cach_thuc_thuc_hien: `${HEADER}Trực tuyến2 Ngày làm việcMiễn phíTrực tiếp3 Ngày làm việcMiễn phí` });
    expect(draft!.steps.map((s) => s.code)).toEqual(['assign', 'appraise', 'submit', 'sign', 'issue']);
    expect(draft!.steps.reduce((sum, s) => sum + s.allowanceHours, 0)).toBe(24);
  });

  it('leaves steps empty, with a warning, when no channel states a time', () => {
    const { draft, warnings } = parse({ cach_thuc_thuc_hien: `${HEADER}Trực tiếpKhông có thông tin8,000 VNĐ` });
    expect(draft!.steps).toEqual([]);
    expect(warnings.map((w) => w.field)).toContain('steps');
  });
});

describe('defaultSteps', () => {
  const hours = (time: ProcessingTime, perDay?: number) => defaultSteps(time, perDay).map((s) => s.allowanceHours);
  it.each<[string, ProcessingTime, number[]]>([
    ['1 working day like Hanoi QĐ 663', { amount: 1, unit: 'working-days' }, [1, 4, 1, 1, 1]],
    ['same day = one working day of hours', { amount: 1, unit: 'same-day', cutoff: '15:00' }, [1, 4, 1, 1, 1]],
    ['3 working days', { amount: 3, unit: 'working-days' }, [3, 12, 3, 3, 3]],
    ['5 working days', { amount: 5, unit: 'working-days' }, [4, 22, 5, 5, 4]],
    ['15 working days: reception and signing are capped', { amount: 15, unit: 'working-days' }, [4, 96, 8, 8, 4]],
    ['15 calendar days ≈ 11 working days', { amount: 15, unit: 'days' }, [4, 64, 8, 8, 4]],
    ['5 hours', { amount: 5, unit: 'hours' }, [1, 1, 1, 1, 1]],
    ['2 hours in quarter hours', { amount: 2, unit: 'hours' }, [0.25, 1, 0.25, 0.25, 0.25]],
  ])('%s', (_label, time, expected) => {
    expect(hours(time)).toEqual(expected);
  });

  it.each<[ProcessingTime, number, number]>([
    [{ amount: 1, unit: 'working-days' }, 8, 8],
    [{ amount: 7, unit: 'days' }, 8, 40],
    [{ amount: 20, unit: 'days' }, 8, 120],
    [{ amount: 45, unit: 'working-days' }, 8, 360],
    [{ amount: 3, unit: 'working-days' }, 4, 12],
    [{ amount: 24, unit: 'hours' }, 8, 24],
    [{ amount: 1, unit: 'hours' }, 8, 1],
  ])('%j with %i h/day adds up to %i h', (time, perDay, total) => {
    const steps = defaultSteps(time, perDay);
    expect(steps.reduce((sum, s) => sum + s.allowanceHours, 0)).toBeCloseTo(total, 9);
    const appraise = steps.find((s) => s.code === 'appraise')!.allowanceHours;
    expect(steps.every((s) => s.allowanceHours <= appraise)).toBe(true);
  });

  it('assigns the one-stop desk, the specialist and the leader', () => {
    expect(defaultSteps({ amount: 1, unit: 'working-days' }).map((s) => [s.name, s.unit])).toEqual([
      ['Tiếp nhận, phân công', 'Bộ phận Một cửa'],
      ['Thẩm định, xử lý', 'Công chức chuyên môn'],
      ['Trình ký', 'Công chức chuyên môn'],
      ['Ký duyệt', 'Lãnh đạo UBND'],
      ['Phát hành, trả kết quả', 'Bộ phận Một cửa'],
    ]);
  });

  it('refuses a time of zero', () => {
    expect(() => defaultSteps({ amount: 0, unit: 'working-days' })).toThrow(/VALIDATION_FAILED/u);
  });
});

describe('draftFingerprint', () => {
  const draft = parse().draft!;
  it('ignores where the draft came from and the order of keys', () => {
    const moved: ProcedureDraft = { ...draft, source: 'elsewhere.xlsx:7' };
    const reordered = Object.fromEntries(Object.entries(draft).reverse()) as unknown as ProcedureDraft;
    expect(draftFingerprint(moved)).toBe(draftFingerprint(draft));
    expect(draftFingerprint(reordered)).toBe(draftFingerprint(draft));
  });

  it.each<[string, (d: ProcedureDraft) => ProcedureDraft]>([
    ['a new time', (d) => ({ ...d, rules: [{ ...d.rules[0]!, amount: 4 }] })],
    ['a new fee', (d) => ({ ...d, rules: [{ ...d.rules[0]!, feeDong: 8000 }] })],
    ['a new decision', (d) => ({ ...d, decision: '2/QĐ-UBND' })],
    ['a new cut-off', (d) => ({ ...d, cutoff: '15:00' })],
    ['documents in another order', (d) => ({ ...d, documents: [...d.documents, { name: 'Ảnh', copies: '', mandatory: false }].reverse() })],
  ])('changes with %s', (_label, change) => {
    expect(draftFingerprint(change(draft))).not.toBe(draftFingerprint(draft));
  });
});

describe('the 588 national records in shared/data/tthc', () => {
  // Beside the repository, never copied into it (see ../shared/data/tthc/SOURCE.md).
  const root = join(new URL('../..', import.meta.url).pathname, '../shared/data/tthc/records');
  const drafts = new Map<string, ProcedureDraft>();
  const warnings: ImportWarning[] = [];
  let total = 0;
  for (const ministry of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, ministry)).sort()) {
      total += 1;
      const result = parseNationalRecord(JSON.parse(readFileSync(join(root, ministry, file), 'utf8')), file);
      if (result.draft) drafts.set(result.draft.code, result.draft);
      warnings.push(...result.warnings);
    }
  }
  const skipped = warnings.filter((w) => w.skipped);

  it('imports every People\'s Committee procedure and skips only customs and tax', () => {
    expect(total).toBe(588);
    expect(drafts.size).toBe(353);
    // Central agencies' procedures tagged "Cấp xã" on the portal (SOURCE.md): 124 customs, 111 tax.
    expect(skipped.filter((w) => w.message.includes('"Hải quan"'))).toHaveLength(124);
    expect(skipped.filter((w) => w.message.includes('"Thuế"'))).toHaveLength(111);
    expect(skipped).toHaveLength(235);
  });

  it('counts the guesses it had to make', () => {
    const count = (pattern: RegExp) => warnings.filter((w) => !w.skipped && pattern.test(w.message)).length;
    // Numbers without a unit (portal cells like "Trực tiếp5Miễn phí"), read as working days.
    expect(count(/không ghi đơn vị .*tạm hiểu là ngày làm việc/u)).toBe(44);
    // "1" next to the after-15:00 rule: civil-status procedures resolved the same day.
    expect(count(/nên hiểu là giải quyết trong ngày/u)).toBe(8);
    expect(count(/Không có thời hạn giải quyết/u)).toBe(23);
    expect(count(/Không có cơ quan thực hiện/u)).toBe(137);
    expect(count(/Không tách được thành phần hồ sơ/u)).toBe(22);
    // 46 extra rows in 18 records, e.g. 2.000815 lists a consulate's 10 USD beside the commune's fee.
    expect(count(/có nhiều dòng/u)).toBe(46);
    expect(count(/không có một mức rõ ràng/u)).toBe(100);
  });

  it('1.001193 Đăng ký khai sinh: same day, after 15:00 the next working day, free', () => {
    const birth = drafts.get('1.001193')!;
    expect(birth.name).toBe('Thủ tục đăng ký khai sinh');
    expect(birth.cutoff).toBe('15:00');
    expect(birth.rules.map((r) => [r.channel, r.amount, r.unit, r.feeDong])).toEqual([
      ['online', 1, 'same-day', 0],
      ['postal', 1, 'same-day', 0],
      ['direct', 1, 'same-day', 0],
    ]);
    expect(birth.steps.map((s) => s.allowanceHours)).toEqual([1, 4, 1, 1, 1]);
    expect(birth.documents.map((d) => d.name)).toContainEqual(expect.stringMatching(/^Tờ khai đăng ký khai sinh theo mẫu/u));
  });

  it('1.013225 GPXD cấp III, IV: 15 days direct, 20 online and postal, fee set by the province', () => {
    const permit = drafts.get('1.013225')!;
    expect(permit.rules.map((r) => [r.channel, r.amount, r.unit, r.feeDong])).toEqual([
      ['online', 20, 'days', null],
      ['postal', 20, 'days', null],
      ['direct', 15, 'days', null],
    ]);
    expect(permit.rules[2]!.feeText).toContain('Hội đồng nhân dân cấp tỉnh');
    expect(permit.agency).toBe('Uỷ ban Nhân dân cấp xã, phường, thị trấn');
  });

  it.each([
    ['1.012753', [['online', 17, 'working-days'], ['postal', 30, 'working-days'], ['direct', 20, 'working-days']]],
    ['1.004222', [['online', 7, 'working-days'], ['direct', 7, 'working-days']]],
  ])('%s keeps per-channel times', (code, expected) => {
    expect(drafts.get(code)!.rules.map((r) => [r.channel, r.amount, r.unit])).toEqual(expected);
  });

  it('1.004222 Đăng ký thường trú: 20.000 đ at the counter, 10.000 đ online', () => {
    expect(drafts.get('1.004222')!.rules.map((r) => [r.channel, r.feeDong])).toEqual([
      ['online', 10000],
      ['direct', 20000],
    ]);
  });

  it('2.000635 Cấp bản sao trích lục: 8.000 đ, no time published', () => {
    const copy = drafts.get('2.000635')!;
    expect(copy.rules.every((r) => r.feeDong === 8000 && r.amount === null)).toBe(true);
    expect(copy.cutoff).toBe('15:00');
  });

  it('never skips an imported record\'s steps silently', () => {
    for (const draft of drafts.values()) {
      const timed = draft.rules.some((r) => r.amount !== null);
      expect(draft.steps.length === 5).toBe(timed);
    }
  });
});
