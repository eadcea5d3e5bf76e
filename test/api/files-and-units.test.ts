/**
 * The ground of administrative-reform oversight: units and who belongs to them, the inspector role, and
 * evidence files — accepted by what they are, refused with a clear message otherwise, only ever downloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES } from '../../src/db/repositories/stored-file.repository';
import { authHeaders, createTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-database';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// The first bytes of a JPEG photo (JFIF header), as a phone camera writes it.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(200, 7)]);

describe(`units, roles and evidence files (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const upload = (auth: string | null, name: string, bytes: Buffer, contentType = 'application/octet-stream') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/files?name=${encodeURIComponent(name)}`,
      headers: { ...authHeaders(auth), 'content-type': contentType, 'accept-language': 'vi' },
      payload: bytes,
    });

  it('lists the centre itself and its departments as units; a unit head sees only their own', async () => {
    const units = (await t.request('GET', '/api/v1/manage/units', admin)).json() as { name: string; kind: string; figuresCentreId: string | null; members: number }[];
    expect(units[0]).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công phường Hà Đông', kind: 'centre', figuresCentreId: t.info.centre.id });
    expect(units.map((u) => u.name)).toContain('Phòng Văn hóa – Xã hội');
    const head = await t.login('truongphong');
    const own = (await t.request('GET', '/api/v1/manage/units', head)).json() as { name: string; members: number }[];
    expect(own).toEqual([expect.objectContaining({ name: 'Phòng Văn hóa – Xã hội', members: 1 })]);
    const officer = await t.login('canbo1');
    expect((await t.request('GET', '/api/v1/manage/units', officer)).statusCode).toBe(403);
  });

  it('lets an admin add a unit and put a person in it; an inspector signs in to the oversight API', async () => {
    const created = await t.request('POST', '/api/v1/manage/units', admin, { code: 'CA-PHUONG', name: 'Công an phường', kind: 'agency' });
    expect(created.statusCode).toBe(201);
    const again = await t.request('POST', '/api/v1/manage/units', admin, { code: 'CA-PHUONG', name: 'Khác', kind: 'agency' });
    expect(again.json().error.message).toBe('Mã đơn vị "CA-PHUONG" đã tồn tại.');
    const inspector = await t.login('thanhtra');
    expect((await t.request('POST', '/api/v1/manage/units', inspector, { code: 'X', name: 'X', kind: 'agency' })).statusCode).toBe(403);
    expect((await t.request('GET', '/api/v1/manage/units', inspector)).json().length).toBeGreaterThanOrEqual(5);
    // A province inspector looks at the centre's records; the counters and the desk are not theirs.
    const ticket = await t.request('POST', '/api/v1/tickets', inspector, { fieldId: t.field('HT').id });
    expect(ticket.statusCode).toBe(403);

    const person = await t.request('POST', '/api/v1/manage/users', admin, {
      username: 'truongca',
      fullName: 'Đinh Văn Sơn',
      role: 'manager',
      unitId: created.json().id,
      password: 'mat-khau-dai',
    });
    expect(person.statusCode).toBe(201);
    const me = (await t.request('GET', '/api/v1/auth/me', await t.login('truongca', 'mat-khau-dai'))).json();
    expect(me.user).toMatchObject({ role: 'manager', unitId: created.json().id });
    const unknownUnit = await t.request('POST', '/api/v1/manage/users', admin, {
      username: 'lac',
      fullName: 'Không đơn vị',
      role: 'officer',
      unitId: '00000000-0000-4000-8000-000000000000',
      password: 'mat-khau-dai',
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('appUser').select('id').where('username', '=', 'lac').execute()).length).toBe(0);
  });

  it('keeps an uploaded PDF with its hash and serves it only as a download', async () => {
    const res = await upload(admin, 'Biên bản kiểm tra.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const meta = res.json();
    expect(meta).toMatchObject({ name: 'Biên bản kiểm tra.pdf', mediaType: 'application/pdf', size: PDF.length, purpose: 'evidence', createdByName: 'Quản trị hệ thống' });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await t.request('GET', meta.url, await t.login('thanhtra'));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Bien ban kiem tra.pdf"; filename*=UTF-8''${encodeURIComponent('Biên bản kiểm tra.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect((await t.request('GET', meta.url, await t.login('canbo1'))).statusCode).toBe(403);
    expect((await t.request('GET', meta.url, null)).statusCode).toBe(401);
  });

  it('keeps a multi-megabyte scan in pieces and gives back exactly its bytes; a cut-off upload is never served', async () => {
    const scan = Buffer.concat([PDF, Buffer.from(Array.from({ length: 1_300_000 }, (_, i) => (i * 7919) % 256))]);
    const meta = (await upload(admin, 'ho-so-quet.pdf', scan)).json();
    expect(meta.size).toBe(scan.length);
    const chunks = await t.ctx.db.selectFrom('storedFileChunk').select('seq').where('fileId', '=', meta.id).execute();
    expect(chunks.length).toBe(Math.ceil(scan.length / CHUNK_BYTES));
    expect(chunks.length).toBeGreaterThan(1);
    const download = await t.request('GET', meta.url, admin);
    expect(download.headers['content-length']).toBe(String(scan.length));
    expect(download.rawPayload.equals(scan)).toBe(true);

    // An upload that died before its last piece: not listed, not served, and swept once surely abandoned.
    const cutOff = '7d1f0c2e-5b9a-4c1d-9e3f-0a1b2c3d4e5f';
    await t.ctx.db
      .insertInto('storedFile')
      .values({ id: cutOff, centreId: t.info.centre.id, name: 'dang-tai.pdf', mediaType: 'application/pdf', size: 10, sha256: 'x', purpose: 'evidence', createdBy: null, createdAt: t.clock.now() })
      .execute();
    expect((await t.request('GET', `/api/v1/files/${cutOff}`, admin)).statusCode).toBe(404);
    t.clock.advance(2 * 3600_000);
    await upload(admin, 'sau.pdf', PDF);
    expect(await t.ctx.db.selectFrom('storedFile').select('id').where('id', '=', cutOff).execute()).toEqual([]);
  });

  it('judges a file by its content: a photo named .pdf is kept as a photo, a web page named .pdf is refused', async () => {
    const photo = (await upload(admin, 'anh-hien-truong.pdf', JPEG)).json();
    expect(photo).toMatchObject({ name: 'anh-hien-truong.jpg', mediaType: 'image/jpeg' });
    const before = await t.ctx.db.selectFrom('storedFile').select('id').execute();
    const page = await upload(admin, 'bao-cao.pdf', Buffer.from('<html><script>alert(1)</script></html>'.replace('<html>', '\u0000<html>')));
    expect(page.statusCode).toBe(415);
    expect(page.json().error.message).toBe('Tệp "bao-cao.pdf" không thuộc loại được nhận (PDF, ảnh JPEG/PNG/WebP/TIFF/HEIC, Word, Excel, OpenDocument, ZIP hoặc văn bản).');
    const text = (await upload(admin, 'ghi-chu.txt', Buffer.from('Đoàn kiểm tra làm việc lúc 9 giờ.'))).json();
    expect(text.mediaType).toBe('text/plain');
    const after = await t.ctx.db.selectFrom('storedFile').select('id').execute();
    expect(after.length).toBe(before.length + 1);
  });

  it('refuses files over 20 MB, anonymous uploads before reading them, and form posts', async () => {
    const big = await upload(admin, 'scan.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('Tệp "scan.pdf" lớn hơn 20 MB cho phép.');
    expect((await upload(null, 'a.pdf', PDF)).statusCode).toBe(401);
    expect((await upload(await t.login('canbo2'), 'a.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(admin, 'a.pdf', PDF, 'multipart/form-data; boundary=x')).statusCode).toBe(415);
  });
});
