import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Dossier, DossierStep } from '../../src/core/dossier/dossier-types';
import { AppError } from '../../src/core/shared/app-error';
import {
  DOSSIER_FORM_TITLES,
  DOSSIER_FORMS_SCRIPT_CSP_SOURCE,
  renderDossierForm,
  stepResult,
  type DossierFormCode,
  type DossierFormInput,
} from '../../src/server/printing/dossier-forms.html';

const LOOKUP_URL = 'https://motcua.hadong.example/lookup?code=000.00.16.H26-251203-0001';

function step(overrides: Partial<DossierStep> = {}): DossierStep {
  return {
    code: 'appraise',
    name: 'Thẩm định hồ sơ',
    unit: 'Phòng Tư pháp',
    allowanceHours: 8,
    startedAt: null,
    dueAt: null,
    finishedAt: null,
    officerId: null,
    officerName: null,
    note: null,
    ...overrides,
  };
}

function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: 'd-1',
    code: '000.00.16.H26-251203-0001',
    status: 'in-progress',
    procedureVersionId: 'pv-1',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'direct',
    processingTime: { amount: 3, unit: 'working-days' },
    applicant: {
      fullName: 'Nguyễn Thị Lan',
      idNumber: '001190012345',
      address: 'Số 5 Quang Trung, phường Hà Đông, Hà Nội',
      phone: '0912345678',
      email: 'lan@example.vn',
    },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', copies: 'Bản chính: 1', mandatory: true, received: true },
      { name: 'Giấy chứng sinh', copies: 'Bản chính: 1', mandatory: true, received: true },
      { name: 'Giấy chứng nhận kết hôn của cha mẹ', copies: 'Bản sao: 1', mandatory: false, received: false },
    ],
    ticketId: null,
    receivedById: 'u-1',
    // 08:05 on Wednesday 3 December 2025 in Hà Nội.
    receivedAt: new Date('2025-12-03T01:05:00Z'),
    createdAt: new Date('2025-12-03T01:00:00Z'),
    // 17:00 on Friday 5 December 2025 in Hà Nội.
    dueAt: new Date('2025-12-05T10:00:00Z'),
    extendedDueAt: null,
    apology: null,
    guidance: null,
    supplements: [],
    steps: [],
    finishedAt: null,
    returnedAt: null,
    returnedTo: null,
    refusal: null,
    stop: null,
    withdrawnAt: null,
    timeliness: null,
    ...overrides,
  };
}

function input(d: Dossier = dossier(), overrides: Partial<DossierFormInput> = {}): DossierFormInput {
  return {
    centre: {
      name: 'Trung tâm Phục vụ hành chính công phường Hà Đông',
      parentAgency: 'UBND phường Hà Đông',
      agencyCode: '000.00.16.H26',
      address: 'Số 1 Quang Trung, phường Hà Đông',
    },
    dossier: d,
    legalTimeText: '03 ngày làm việc',
    lookupUrl: LOOKUP_URL,
    officerName: 'Trần Văn Bình',
    place: 'Hà Đông',
    book: { volume: '02/2025', number: 1375 },
    ...overrides,
  };
}

const NOW = new Date('2025-12-05T04:00:00Z');

/** What a reader of the printed page sees: the visible text, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.:;)])/g, '$1')
    .trim();
}

/** The text of every element carrying the class, in order. */
function textsOfClass(html: string, className: string): string[] {
  const pattern = new RegExp(`<(\\w+) class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  return [...html.matchAll(pattern)].map((match) => textOf(match[2]!));
}

function pageRule(html: string): string {
  return /@page \{ size: [^;]+;/.exec(html)![0];
}

async function expectNotFound(code: DossierFormCode, d: Dossier): Promise<void> {
  const error = await renderDossierForm(code, input(d), NOW).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('NOT_FOUND');
}

describe('Form 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('shows the common header, the applicant, the documents and both times in local time', async () => {
    const html = await renderDossierForm('01', input(), NOW);
    const text = textOf(html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(pageRule(html)).toBe('@page { size: A5 portrait;');
    for (const line of [
      'Mẫu số 01',
      'UBND PHƯỜNG HÀ ĐÔNG',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HÀ ĐÔNG',
      'Số: 1375/TTPVHCC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Đông, ngày 03 tháng 12 năm 2025',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.16.H26-251203-0001',
      'Ông/bà/tổ chức: Nguyễn Thị Lan',
      'Số định danh cá nhân/CCCD: 001190012345',
      'Địa chỉ: Số 5 Quang Trung, phường Hà Đông, Hà Nội',
      'Số điện thoại: 0912345678',
      'Email: lan@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      'Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 03 tháng 12 năm 2025',
      'Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 05 tháng 12 năm 2025',
      'Vào Sổ theo dõi hồ sơ, Quyển số 02/2025, Số thứ tự 1375',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
    ]) {
      expect(text).toContain(line);
    }
    expect(textsOfClass(html, 'form-title')).toEqual(['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ']);
    expect(textsOfClass(html, 'dossier-code')).toEqual(['000.00.16.H26-251203-0001']);
    expect(textsOfClass(html, 'appointment')).toEqual(['17 giờ 00 phút, ngày 05 tháng 12 năm 2025']);
    expect(textsOfClass(html, 'signature-name')).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình']);
  });

  it('ticks only the documents that were received', async () => {
    const html = await renderDossierForm('01', input(), NOW);
    const rows = [...html.matchAll(/<tr class="document-row">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
    expect(rows).toEqual([
      '1 Tờ khai đăng ký khai sinh Bản chính: 1 ✓',
      '2 Giấy chứng sinh Bản chính: 1 ✓',
      '3 Giấy chứng nhận kết hôn của cha mẹ Bản sao: 1',
    ]);
  });

  it('writes the local date, not the UTC one, for a dossier received just after midnight', async () => {
    // 00:30 on 4 December in Hà Nội is still 3 December in UTC.
    const d = dossier({ receivedAt: new Date('2025-12-03T17:30:00Z'), dueAt: new Date('2026-01-05T01:00:00Z') });
    const text = textOf(await renderDossierForm('01', input(d), NOW));
    expect(text).toContain('Thời gian nhận hồ sơ: 00 giờ 30 phút, ngày 04 tháng 12 năm 2025');
    expect(text).toContain('Hà Đông, ngày 04 tháng 12 năm 2025');
    // Decree 30/2020 pads January and February, and days below 10.
    expect(text).toContain('Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 00 phút, ngày 05 tháng 01 năm 2026');
  });

  it('leaves dotted blanks for what is not known, to be filled by hand', async () => {
    const d = dossier({ applicant: { fullName: 'Lê Văn C', idNumber: null, address: null, phone: null, email: null } });
    const html = await renderDossierForm('01', input(d, { book: undefined, officerName: null }), NOW);
    const text = textOf(html);
    expect(text).toContain('Số định danh cá nhân/CCCD: ……………');
    expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số ……………, Số thứ tự ……………');
    expect(text).toContain('Số: ……………/TTPVHCC');
    expect(textsOfClass(html, 'signature-name')).toEqual(['Lê Văn C', '']);
  });

  it('carries the lookup URL as an inline QR code', async () => {
    const html = await renderDossierForm('01', input(), NOW);
    const expected = await QRCode.toString(LOOKUP_URL, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    const modules = /<path stroke="#000000" d="([^"]+)"/.exec(expected)![1]!;
    expect(html).toContain('<svg role="img" aria-label="Mã QR tra cứu hồ sơ"');
    expect(html).toContain(modules);
    const other = await QRCode.toString('https://elsewhere.example/', { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    expect(html).not.toContain(/<path stroke="#000000" d="([^"]+)"/.exec(other)![1]!);
  });

  it('is refused for a dossier that was never received', async () => {
    await expectNotFound('01', dossier({ receivedAt: null, status: 'incomplete' }));
  });
});

describe('Form 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  const counterGuidance = {
    at: new Date('2025-12-02T02:15:00Z'),
    items: [
      { name: 'Giấy chứng sinh', reason: 'Chưa có bản chính' },
      { name: 'Tờ khai đăng ký khai sinh', reason: 'Thiếu chữ ký của người đi khai' },
    ],
  };

  it('numbers every missing item from the counter guidance with its reason', async () => {
    const d = dossier({ status: 'incomplete', receivedAt: null, dueAt: null, guidance: counterGuidance });
    const html = await renderDossierForm('02', input(d), NOW);
    expect(pageRule(html)).toBe('@page { size: A5 portrait;');
    expect(textsOfClass(html, 'form-title')).toEqual(['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ']);
    expect(textsOfClass(html, 'missing-item')).toEqual([
      '1. Giấy chứng sinh — Lý do: Chưa có bản chính',
      '2. Tờ khai đăng ký khai sinh — Lý do: Thiếu chữ ký của người đi khai',
    ]);
    const text = textOf(html);
    expect(text).toContain('Hồ sơ của: Nguyễn Thị Lan');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh');
    expect(text).toContain('Hà Đông, ngày 02 tháng 12 năm 2025');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
  });

  it('lists the latest request of the processing unit once the dossier is in processing', async () => {
    const d = dossier({
      status: 'supplement-requested',
      guidance: counterGuidance,
      supplements: [
        { requestedAt: new Date('2025-12-03T08:00:00Z'), items: [{ name: 'Sổ hộ khẩu', reason: 'Cũ' }], completedAt: new Date('2025-12-04T02:00:00Z') },
        { requestedAt: new Date('2025-12-08T03:00:00Z'), items: [{ name: 'Giấy xác nhận cư trú', reason: 'Hết hạn' }], completedAt: null },
      ],
    });
    const html = await renderDossierForm('02', input(d), NOW);
    expect(textsOfClass(html, 'missing-item')).toEqual(['1. Giấy xác nhận cư trú — Lý do: Hết hạn']);
    expect(textOf(html)).toContain('Hà Đông, ngày 08 tháng 12 năm 2025');
  });

  it('is refused when nothing was asked for', async () => {
    await expectNotFound('02', dossier());
    await expectNotFound('02', dossier({ guidance: { at: new Date('2025-12-02T02:15:00Z'), items: [] } }));
  });
});

describe('Form 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  it('states the legal reason', async () => {
    const reason = 'Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường theo Điều 13 Luật Hộ tịch 2014.';
    const d = dossier({ status: 'refused', refusal: { at: new Date('2025-12-03T02:00:00Z'), reason } });
    const html = await renderDossierForm('03', input(d), NOW);
    expect(textsOfClass(html, 'form-title')).toEqual(['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ']);
    expect(textsOfClass(html, 'refusal-reason')).toEqual([reason]);
    expect(textOf(html)).toContain('từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau');
  });

  it('is refused for a dossier that was not refused', async () => {
    await expectNotFound('03', dossier());
  });
});

describe('Form 04 — Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', () => {
  it('gives the dates, the reason, the apology and the new date, for the head of the agency to sign', async () => {
    const d = dossier({
      extendedDueAt: new Date('2026-02-10T09:00:00Z'),
      apology: {
        issuedAt: new Date('2026-02-04T02:00:00Z'),
        reason: 'Cần xác minh thông tin tại nơi cư trú trước đây',
        newDueAt: new Date('2026-02-10T09:00:00Z'),
      },
    });
    const html = await renderDossierForm('04', input(d), NOW);
    expect(textsOfClass(html, 'form-title')).toEqual(['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT']);
    const text = textOf(html);
    expect(text).toContain('Hà Đông, ngày 04 tháng 02 năm 2026');
    expect(text).toContain('Kính gửi: Ông/bà Nguyễn Thị Lan');
    expect(text).toContain('Ngày 03 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công phường Hà Đông tiếp nhận hồ sơ');
    expect(textsOfClass(html, 'original-appointment')).toEqual(['17 giờ 00 phút, ngày 05 tháng 12 năm 2025']);
    expect(textsOfClass(html, 'delay-reason')).toEqual(['Cần xác minh thông tin tại nơi cư trú trước đây']);
    expect(text).toContain('thành thật xin lỗi');
    expect(textsOfClass(html, 'new-appointment')).toEqual(['16 giờ 00 phút, ngày 10 tháng 02 năm 2026']);
    expect(text).toContain('THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT HỒ SƠ');
  });

  it('is refused without an apology', async () => {
    await expectNotFound('04', dossier());
  });
});

describe('Form 05 — Thông báo dừng giải quyết hồ sơ', () => {
  it('states why processing stopped', async () => {
    const d = dossier({ status: 'stopped', stop: { at: new Date('2026-03-05T03:00:00Z'), reason: 'Người nộp hồ sơ có đơn đề nghị dừng giải quyết' } });
    const html = await renderDossierForm('05', input(d), NOW);
    expect(pageRule(html)).toBe('@page { size: A5 portrait;');
    expect(textsOfClass(html, 'form-title')).toEqual(['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ']);
    expect(textsOfClass(html, 'stop-reason')).toEqual(['Người nộp hồ sơ có đơn đề nghị dừng giải quyết']);
    expect(textOf(html)).toContain('Hà Đông, ngày 05 tháng 3 năm 2026');
  });

  it('is refused for a dossier still being processed', async () => {
    await expectNotFound('05', dossier());
  });
});

describe('Form 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ', () => {
  // Every step is due at 17:00 on Thursday 4 December 2025 (10:00 UTC) unless stated.
  const due = new Date('2025-12-04T10:00:00Z');
  const steps = [
    step({ code: 'assign', name: 'Phân công thụ lý', unit: 'Phòng Tư pháp', startedAt: new Date('2025-12-03T01:30:00Z'), dueAt: due, finishedAt: new Date('2025-12-03T09:00:00Z'), officerName: 'Phạm Thu Hà' }),
    // 00:30 on 4 December local is 3 December in UTC: the same local day as the due date, so not early.
    step({ code: 'appraise', name: 'Thẩm định', unit: 'Phòng Tư pháp', startedAt: new Date('2025-12-03T09:00:00Z'), dueAt: due, finishedAt: new Date('2025-12-03T17:30:00Z'), officerName: 'Đỗ Minh Quân', note: 'Đã xác minh' }),
    step({ code: 'submit', name: 'Trình ký', unit: 'Văn phòng UBND', startedAt: new Date('2025-12-03T17:30:00Z'), dueAt: due, finishedAt: new Date('2025-12-04T10:01:00Z') }),
    step({ code: 'sign', name: 'Ký duyệt', unit: 'Lãnh đạo UBND', startedAt: new Date('2025-12-04T10:01:00Z'), dueAt: new Date('2025-12-05T03:00:00Z') }),
    step({ code: 'issue', name: 'Phát hành', unit: 'Văn thư', dueAt: new Date('2025-12-05T10:00:00Z') }),
  ];

  it('judges each step against its own due time, on A4', async () => {
    const html = await renderDossierForm('06', input(dossier({ steps })), NOW);
    expect(pageRule(html)).toBe('@page { size: A4 portrait;');
    expect(textsOfClass(html, 'form-title')).toEqual(['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ']);
    const rows = [...html.matchAll(/<tr class="step-row"[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => textsOfClass(row, 'step-result')[0])).toEqual(['Trước hạn', 'Đúng hạn', 'Quá hạn', 'Quá hạn', '']);
    const text = textOf(html);
    expect(text).toContain('Mã hồ sơ: 000.00.16.H26-251203-0001');
    expect(text).toContain('(Kèm theo hồ sơ của: Nguyễn Thị Lan)');
    expect(text).toContain('Ngày nhận hồ sơ: 08 giờ 05 phút, ngày 03 tháng 12 năm 2025');
    expect(text).toContain('Ngày hẹn trả kết quả: 17 giờ 00 phút, ngày 05 tháng 12 năm 2025');
    for (const heading of ['TÊN CƠ QUAN', 'THỜI GIAN GIAO, NHẬN HỒ SƠ', 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ', 'GHI CHÚ']) {
      expect(text).toContain(heading);
    }
  });

  it('shows who handed the dossier to whom, and when, in local time', async () => {
    const html = await renderDossierForm('06', input(dossier({ steps })), NOW);
    const rows = [...html.matchAll(/<tr class="step-row"[\s\S]*?<\/tr>/g)].map((m) => textOf(m[0]));
    expect(rows[0]).toBe(
      '1. Giao: Trung tâm Phục vụ hành chính công phường Hà Đông Nhận: Phòng Tư pháp Phân công thụ lý 08 giờ 30 phút, ngày 03 tháng 12 năm 2025 Người giao Người nhận Phạm Thu Hà Trước hạn',
    );
    expect(rows[1]).toBe(
      '2. Giao: Phòng Tư pháp Nhận: Phòng Tư pháp Thẩm định 16 giờ 00 phút, ngày 03 tháng 12 năm 2025 Người giao Người nhận Phạm Thu Hà Đỗ Minh Quân Đúng hạn Đã xác minh',
    );
    expect(rows[2]).toContain('00 giờ 30 phút, ngày 04 tháng 12 năm 2025');
    expect(rows[4]).toContain('Phát hành ……………giờ……………phút, ngày……………tháng……………năm……………');
  });

  it('turns an unfinished step late only once its due time has passed', () => {
    const open = { ...steps[0]!, dueAt: new Date('2025-12-05T03:00:00Z'), finishedAt: null };
    expect(stepResult(open, new Date('2025-12-05T03:00:00Z'))).toBeNull();
    expect(stepResult(open, new Date('2025-12-05T03:00:01Z'))).toBe('late');
    expect(stepResult({ ...open, dueAt: open.dueAt, finishedAt: open.dueAt }, new Date('2025-12-06T00:00:00Z'))).toBe('on-time');
  });

  it('is refused before the dossier is received', async () => {
    await expectNotFound('06', dossier({ receivedAt: null, status: 'incomplete' }));
  });
});

describe('every form', () => {
  const full = dossier({
    guidance: { at: new Date('2025-12-02T02:15:00Z'), items: [{ name: '<b>Giấy</b>', reason: '<i>thiếu</i>' }] },
    refusal: { at: new Date('2025-12-03T02:00:00Z'), reason: '</p><script>alert(3)</script>' },
    apology: { issuedAt: new Date('2025-12-05T02:00:00Z'), reason: '<img src=x onerror=alert(4)>', newDueAt: new Date('2025-12-09T10:00:00Z') },
    stop: { at: new Date('2025-12-06T02:00:00Z'), reason: '"><svg onload=alert(5)>' },
    steps: [step({ name: '<script>alert(6)</script>', note: '<u>x</u>', officerName: '<b>Quân</b>' })],
    applicant: { fullName: '<script>alert(1)</script>', idNumber: '"><img src=x>', address: 'A & B', phone: null, email: null },
    procedureName: "Tom's </main>",
    code: '<em>code</em>',
  });
  const codes = Object.keys(DOSSIER_FORM_TITLES) as DossierFormCode[];

  it('escapes everything a citizen or officer typed', async () => {
    for (const code of codes) {
      const html = await renderDossierForm(
        code,
        input(full, { officerName: '<script>alert(2)</script>', place: '<i>Hà Đông</i>', lookupUrl: `${LOOKUP_URL}&x="><script>` }),
        NOW,
      );
      expect(html.match(/<script/g), code).toHaveLength(1);
      expect(html, code).not.toMatch(/<img|<svg onload|<em>|<b>|<i>|<u>|<\/main>[\s\S]*<\/main>/);
      expect(html, code).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('loads nothing from anywhere', async () => {
    const plain = dossier({
      guidance: { at: new Date('2025-12-02T02:15:00Z'), items: [{ name: 'Giấy chứng sinh', reason: 'Thiếu' }] },
      refusal: { at: new Date('2025-12-03T02:00:00Z'), reason: 'Không thuộc thẩm quyền' },
      apology: { issuedAt: new Date('2025-12-05T02:00:00Z'), reason: 'Cần xác minh', newDueAt: new Date('2025-12-09T10:00:00Z') },
      stop: { at: new Date('2025-12-06T02:00:00Z'), reason: 'Theo đề nghị của người nộp' },
      steps: [step({ startedAt: new Date('2025-12-03T02:00:00Z'), dueAt: new Date('2025-12-04T10:00:00Z') })],
    });
    for (const code of codes) {
      const html = await renderDossierForm(code, input(plain), NOW);
      const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
      expect(urls.filter((url) => url !== LOOKUP_URL), code).toEqual([]);
      expect(html, code).not.toMatch(/<link|<img|<iframe|@import|url\(|\ssrc=/i);
    }
  });

  it('offers a print button that the printout hides, allowed by the published script hash', async () => {
    const html = await renderDossierForm('03', input(full), NOW);
    expect(html).toContain('<button id="print-button" type="button">In</button>');
    expect(html).toMatch(/@media print \{ \.toolbar \{ display: none; \} \}/);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(DOSSIER_FORMS_SCRIPT_CSP_SOURCE).toBe(`sha256-${createHash('sha256').update(script).digest('base64')}`);

    const printed: string[] = [];
    const handlers: Record<string, () => void> = {};
    const button = { addEventListener: (_: string, handler: () => void) => (handlers.click = handler) };
    const run = (search: string) =>
      new Function('window', 'document', 'location', 'URLSearchParams', script)(
        { addEventListener: (type: string, handler: () => void) => (handlers[type] = handler), print: () => printed.push(search) },
        { getElementById: (id: string) => (id === 'print-button' ? button : null) },
        { search },
        URLSearchParams,
      );
    run('');
    handlers.load!();
    expect(printed).toEqual([]);
    handlers.click!();
    expect(printed).toEqual(['']);
    run('?print=1');
    handlers.load!();
    expect(printed).toEqual(['', '?print=1']);
  });
});
