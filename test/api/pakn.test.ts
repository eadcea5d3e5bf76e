import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaknDetail, PaknListItem, PublicPakn } from '../../src/contracts/pakn';
import { createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

/** "2026-02-13 15:30" in Hà Nội → ISO instant. */
const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+07:00`).toISOString();

describe(`complaints and suggestions, filed by citizens and handled on the 766 deadlines (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let manager: string;
  let officer1: string;
  let officer2: string;
  let officer1Id: string;

  const file = (body: Record<string, unknown>) => t.request('POST', '/api/v1/public/pakn', null, body);
  const follow = (code: string) => t.request('GET', `/api/v1/public/pakn/${code}`, null);
  const act = (auth: string, id: string, body: Record<string, unknown>) => t.request('POST', `/api/v1/manage/pakn/${id}/actions`, auth, body);
  const countRows = async () => Number((await t.ctx.db.selectFrom('pakn').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const idOf = async (code: string) => (await t.ctx.db.selectFrom('pakn').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.login('quanly');
    officer1 = await t.login('canbo1');
    officer2 = await t.login('canbo2');
    const assignees = (await t.request('GET', '/api/v1/manage/pakn/assignees', manager)).json() as { id: string; name: string }[];
    officer1Id = assignees.find((a) => a.name === 'Nguyễn Thị Hương')!.id;
  });
  afterAll(async () => t?.close());

  it('a PAKN about a dossier, filed on the Friday afternoon before Tết 2026, is handled through every step on the working calendar', async () => {
    // The dossier the citizen complains about, received the same Friday.
    t.clock.set(local('2026-02-13 15:00'));
    const procedures = (await t.request('GET', '/api/v1/procedures', officer1)).json().procedures as { id: string; code: string }[];
    const dossier = (
      await t.request('POST', '/api/v1/dossiers', officer1, {
        channel: 'direct',
        applicant: { fullName: 'Nguyễn Văn An', idNumber: '001085012345', address: '12 Hàng Bạc', phone: '0912345678', email: null },
        procedureId: procedures.find((p) => p.code === '1.004873')!.id,
        documentsReceived: [0],
        outcome: 'receive',
      })
    ).json() as { code: string; id: string };

    t.clock.set(local('2026-02-13 15:30'));
    const filed = await file({
      kind: 'complaint',
      category: 'processing-time',
      subject: { kind: 'dossier', dossierCode: dossier.code.toLowerCase() },
      content: 'Tôi nộp hồ sơ nhưng cán bộ hẹn quá xa, đề nghị xem lại thời gian giải quyết.',
      anonymous: false,
      contact: { name: 'Nguyễn Văn An', phone: '0912 345 678', email: '' },
      source: 'qr',
    });
    expect(filed.statusCode).toBe(201);
    const { code } = filed.json() as { code: string };
    expect(code).toMatch(/^PA-260213-[0-9A-HJKMNP-TV-Z]{8}$/);

    // What the citizen sees: the 766 deadlines across Tết (16–20/2 off), and none of the contact details.
    const seen = await follow(code.toLowerCase());
    expect(seen.statusCode).toBe(200);
    const view = seen.json() as PublicPakn;
    expect(view).toMatchObject({ status: 'received', statusLabel: 'Đã tiếp nhận', subjectLabel: `Hồ sơ ${dossier.code}`, answer: null });
    expect(view.deadlines).toEqual({
      rejectBy: local('2026-02-24 17:00'),
      requestInfoBy: local('2026-02-27 17:00'),
      answerBy: local('2026-03-13 17:00'),
      publishBy: null,
    });
    expect(view.current).toMatchObject({ kind: 'answer', due: local('2026-03-13 17:00') });
    expect(seen.body).not.toContain('0912');
    expect(seen.body).not.toContain('Nguyễn Văn An');
    expect(seen.body).not.toContain(dossier.id);

    // The manager sees it with the contact, assigns it to an officer; the officer sees it, another does not.
    const id = await idOf(code);
    const detail = (await t.request('GET', `/api/v1/manage/pakn/${id}`, manager)).json() as PaknDetail;
    expect(detail.contact).toEqual({ name: 'Nguyễn Văn An', phone: '0912345678', email: '' });
    expect(detail.subject.dossierId).toBe(dossier.id);
    expect(detail.actions).toEqual(['assign', 'request-info', 'reject', 'answer']);
    expect((await t.request('GET', `/api/v1/manage/pakn/${id}`, officer1)).statusCode).toBe(404);

    t.clock.set(local('2026-02-23 09:00'));
    expect((await act(manager, id, { action: 'assign', userId: officer1Id })).statusCode).toBe(200);
    const mine = (await t.request('GET', '/api/v1/manage/pakn', officer1)).json() as PaknListItem[];
    expect(mine.map((p) => p.code)).toEqual([code]);
    expect(mine[0]).toMatchObject({ status: 'assigned', assignedToName: 'Nguyễn Thị Hương', overdue: false });
    expect((await t.request('GET', '/api/v1/manage/pakn', officer2)).json()).toEqual([]);
    expect((await t.request('GET', `/api/v1/manage/pakn/${id}`, officer2)).statusCode).toBe(404);
    // The assigned officer may ask and answer, not reject or publish.
    const notTheirs = await act(officer1, id, { action: 'reject', reason: 'other', note: 'không rõ' });
    expect(notTheirs.statusCode).toBe(403);

    // The officer asks for more on Tuesday 24/2 09:00: the answer clock stops with 111 office hours left.
    t.clock.set(local('2026-02-24 09:00'));
    const asked = await act(officer1, id, { action: 'request-info', question: 'Ông cho biết ngày hẹn ghi trên Giấy tiếp nhận?' });
    expect(asked.statusCode).toBe(200);
    expect((asked.json() as PaknDetail).status).toBe('info-requested');
    const waiting = (await follow(code)).json() as PublicPakn;
    expect(waiting).toMatchObject({ status: 'info-requested', canAddInfo: true, current: null });
    expect(waiting.infoRequest?.question).toBe('Ông cho biết ngày hẹn ghi trên Giấy tiếp nhận?');
    expect(waiting.deadlines.answerBy).toBeNull();

    // The citizen answers on Thursday 26/2 09:00: 7 h that day, 11 days to 13/3, 16 h → Tuesday 17/3 17:00.
    t.clock.set(local('2026-02-26 09:00'));
    const added = await t.request('POST', `/api/v1/public/pakn/${code}/info`, null, { text: 'Ngày hẹn ghi là 18/02/2026.' });
    expect(added.statusCode).toBe(200);
    expect((added.json() as PublicPakn).deadlines.answerBy).toBe(local('2026-03-17 17:00'));
    expect((added.json() as PublicPakn).status).toBe('assigned');

    // Wednesday 18/3: past the answer deadline, it is listed as overdue, first.
    t.clock.set(local('2026-03-18 09:00'));
    const overdue = (await t.request('GET', '/api/v1/manage/pakn?overdue=1', manager)).json() as PaknListItem[];
    expect(overdue.map((p) => p.code)).toEqual([code]);
    expect(overdue[0]).toMatchObject({ overdue: true, onTime: false, current: { kind: 'answer', due: local('2026-03-17 17:00') } });

    // Answered late; publishing is due two working days later (Friday 20/3).
    const answered = await act(officer1, id, { action: 'answer', text: 'Trung tâm đã kiểm tra: hồ sơ được hẹn đúng thời gian quy định của thủ tục.' });
    expect(answered.statusCode).toBe(200);
    const afterAnswer = answered.json() as PaknDetail;
    expect(afterAnswer).toMatchObject({ status: 'answered', missed: ['answer'], current: { kind: 'publish', due: local('2026-03-20 17:00') } });
    const publicAnswer = (await follow(code)).json() as PublicPakn;
    expect(publicAnswer.answer?.text).toContain('hẹn đúng thời gian');
    expect(publicAnswer.canGiveVerdict).toBe(true);

    t.clock.set(local('2026-03-19 10:00'));
    const published = await act(manager, id, { action: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published', current: null, missed: ['answer'] });

    // The citizen's verdict (766 indicator 5.3), once.
    const verdict = await t.request('POST', `/api/v1/public/pakn/${code}/verdict`, null, { satisfied: false });
    expect(verdict.statusCode).toBe(200);
    expect(verdict.json()).toMatchObject({ citizenSatisfied: false, canGiveVerdict: false });
    const again = await t.request('POST', `/api/v1/public/pakn/${code}/verdict`, null, { satisfied: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PAKN_VERDICT_GIVEN');
    const row = await t.ctx.db.selectFrom('pakn').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.citizenSatisfied).toBe(false);
    expect(row.status).toBe('published');

    const history = (await t.request('GET', `/api/v1/manage/pakn/${id}`, manager)).json() as PaknDetail;
    expect(history.history.map((e) => e.type)).toEqual([
      'pakn.received',
      'pakn.assigned',
      'pakn.info-requested',
      'pakn.info-supplied',
      'pakn.answered',
      'pakn.published',
      'pakn.verdict',
    ]);
    expect(history.history[1]!.actorName).toBe('Hoàng Thị Mai');
  });

  it('an anonymous PAKN keeps no contact details, and is rejected with a reason the citizen sees', async () => {
    t.clock.set(local('2026-11-23 09:00'));
    const filed = await file({
      kind: 'suggestion',
      category: 'facilities',
      subject: { kind: 'centre' },
      content: 'Đề nghị bố trí thêm ghế chờ ở khu vực quầy số 4 vào buổi sáng.',
      anonymous: true,
      contact: { name: 'Người gửi', phone: '0987654321', email: 'a@example.vn' },
    });
    expect(filed.statusCode).toBe(201);
    const { code } = filed.json() as { code: string };
    const row = await t.ctx.db.selectFrom('pakn').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: true, contactName: null, contactPhone: null, contactEmail: null, source: 'public', subjectKind: 'centre' });
    expect(JSON.stringify(row.state)).not.toContain('0987654321');

    const id = row.id;
    const bare = await act(manager, id, { action: 'reject', reason: 'not-competent', note: '' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('cơ quan có thẩm quyền');
    t.clock.set(local('2026-11-25 16:00'));
    const rejected = await act(manager, id, { action: 'reject', reason: 'not-competent', note: 'Đề nghị gửi UBND phường.' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', onTime: true, missed: [], actions: [] });
    const seen = (await follow(code)).json() as PublicPakn;
    expect(seen.rejection).toMatchObject({ reason: 'not-competent', reasonLabel: 'Không thuộc thẩm quyền giải quyết của Trung tâm', note: 'Đề nghị gửi UBND phường.' });
    expect(seen.canGiveVerdict).toBe(false);
    // Answering after a rejection is refused, in Vietnamese.
    const late = await act(manager, id, { action: 'answer', text: 'Một câu trả lời muộn cho phản ánh.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Từ chối tiếp nhận xử lý');
  });

  it('a PAKN about a counter or an officer names them; the list filters by category and status', async () => {
    t.clock.set(local('2026-11-23 10:00'));
    const options = (await t.request('GET', '/api/v1/public/pakn/options', null)).json() as { counters: { number: number }[]; officers: { id: string; name: string }[] };
    expect(options.counters.map((c) => c.number)).toContain(4);
    expect(options.officers.map((o) => o.name)).toContain('Trần Văn Minh');
    const minh = options.officers.find((o) => o.name === 'Trần Văn Minh')!;
    const a = await file({ kind: 'complaint', category: 'attitude', subject: { kind: 'officer', officerId: minh.id }, content: 'Cán bộ trả lời cộc lốc khi tôi hỏi về giấy tờ.', anonymous: true, source: 'kiosk' });
    const b = await file({ kind: 'complaint', category: 'facilities', subject: { kind: 'counter', counterNumber: 4 }, content: 'Máy in ở quầy số 4 hỏng cả buổi sáng.', anonymous: true });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const attitude = (await t.request('GET', '/api/v1/manage/pakn?category=attitude', manager)).json() as PaknListItem[];
    expect(attitude.map((p) => [p.subjectLabel, p.source])).toEqual([['Cán bộ: Trần Văn Minh', 'kiosk']]);
    const counters = (await t.request('GET', '/api/v1/manage/pakn?category=facilities&status=all', manager)).json() as PaknListItem[];
    expect(counters.map((p) => p.subjectLabel).sort()).toEqual(['Quầy số 4', 'Trung tâm (chung)']);
    const rejectedOnly = (await t.request('GET', '/api/v1/manage/pakn?status=rejected', manager)).json() as PaknListItem[];
    expect(rejectedOnly.map((p) => p.status)).toEqual(['rejected']);
    // Officers cannot list assignees or act on what is not theirs.
    expect((await t.request('GET', '/api/v1/manage/pakn/assignees', officer2)).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/pakn', null)).statusCode).toBe(401);
  });

  it('refuses bad input with a clear Vietnamese message and stores nothing', async () => {
    t.clock.set(local('2026-11-24 09:00'));
    const before = await countRows();
    const base = { kind: 'complaint', category: 'other', subject: { kind: 'centre' }, content: 'Nội dung phản ánh đủ dài để hợp lệ.', anonymous: true };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, content: 'ngắn' }, 'ít nhất 10 ký tự'],
      [{ ...base, content: 'x'.repeat(4001) }, 'tối đa 4000 ký tự'],
      [{ ...base, content: '1234567890 !!!' }, 'nêu rõ sự việc'],
      [{ ...base, anonymous: false }, 'họ tên'],
      [{ ...base, anonymous: false, contact: { name: 'Lan' } }, 'số điện thoại hoặc thư điện tử'],
      [{ ...base, anonymous: false, contact: { name: 'Lan', phone: '12345' } }, 'số điện thoại "12345" không hợp lệ'],
      [{ ...base, subject: { kind: 'dossier', dossierCode: '000.00.16.H26-261125-9999' } }, 'không tìm thấy hồ sơ'],
      [{ ...base, subject: { kind: 'counter', counterNumber: 99 } }, 'không có quầy số 99'],
      [{ ...base, category: 'nope' }, 'nhóm nội dung'],
      [{ ...base, website: 'http://spam.example' }, 'tải lại trang'],
    ];
    for (const [body, message] of cases) {
      const res = await file(body);
      expect(res.statusCode, message).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toContain(message);
    }
    expect((await follow('PA-261124-ZZZZZZZZ')).json().error.code).toBe('PAKN_NOT_FOUND');
    expect((await follow('not-a-code')).statusCode).toBe(400);
    expect((await t.request('POST', '/api/v1/public/pakn', null, '{"kind":')).statusCode).toBe(400);
    expect(await countRows()).toBe(before);
  });

  it('the same text twice and a flood from one address are refused; an hour later the address may file again', async () => {
    t.clock.set(local('2026-11-26 09:00'));
    const body = (n: number) => ({ kind: 'suggestion', category: 'other', subject: { kind: 'centre' }, content: `Góp ý số ${n}: kéo dài giờ tiếp nhận buổi chiều.`, anonymous: true });
    const first = await file(body(1));
    expect(first.statusCode).toBe(201);
    const twice = await file(body(1));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('đã được gửi');
    let limited = null;
    for (let n = 2; n <= 12 && !limited; n += 1) {
      const res = await file(body(n));
      if (res.statusCode === 429) limited = res;
      else expect(res.statusCode).toBe(201);
    }
    expect(limited?.json().error.code).toBe('RATE_LIMITED');
    const stored = await countRows();
    expect((await file(body(50))).statusCode).toBe(429);
    expect(await countRows()).toBe(stored);
    t.clock.advance(61 * 60_000);
    expect((await file(body(51))).statusCode).toBe(201);
  });
});
