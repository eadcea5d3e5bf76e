/**
 * A demo ward so that `npm start` opens on a working hall: a Hà Nội ward's public administrative
 * service centre with seven fields, six counters, officers and the usual priority groups.
 */
import { toJson } from '../../db/repositories/executor';
import { hashPassword } from '../auth/passwords';
import type { ServiceContext, Tx } from '../services/context';
import { inTransaction } from '../services/context';

export const DEMO_PASSWORD = 'motcua-demo';

interface DemoField {
  code: string;
  nameVi: string;
  nameEn: string;
  block: [number, number];
  dailyCap: number | null;
  serviceSeconds: number;
}

const FIELDS: DemoField[] = [
  { code: 'HT', nameVi: 'Hộ tịch', nameEn: 'Civil status', block: [1001, 1999], dailyCap: null, serviceSeconds: 600 },
  { code: 'CT', nameVi: 'Chứng thực', nameEn: 'Certification', block: [2001, 2999], dailyCap: null, serviceSeconds: 300 },
  { code: 'DD', nameVi: 'Đất đai – Xây dựng – Đô thị', nameEn: 'Land, construction, urban', block: [3001, 3999], dailyCap: 150, serviceSeconds: 900 },
  { code: 'KD', nameVi: 'Đăng ký kinh doanh – Hộ kinh doanh', nameEn: 'Business registration', block: [4001, 4999], dailyCap: null, serviceSeconds: 900 },
  { code: 'XH', nameVi: 'Văn hóa – Xã hội (người có công, bảo trợ, trẻ em, lao động)', nameEn: 'Social affairs', block: [5001, 5999], dailyCap: null, serviceSeconds: 720 },
  { code: 'TKQ', nameVi: 'Trả kết quả – Thu phí, lệ phí', nameEn: 'Results and fees', block: [6001, 6999], dailyCap: null, serviceSeconds: 180 },
  { code: 'HD', nameVi: 'Hướng dẫn – Tra cứu hồ sơ', nameEn: 'Guidance and look-up', block: [7001, 7999], dailyCap: null, serviceSeconds: 240 },
];

/** Counter number → fields it serves with their weights (10 = main field). */
const COUNTERS: { number: number; name: string; fields: [string, number][] }[] = [
  { number: 1, name: 'Quầy 1 – Hộ tịch', fields: [['HT', 10], ['CT', 3]] },
  { number: 2, name: 'Quầy 2 – Hộ tịch, Chứng thực', fields: [['HT', 8], ['CT', 8]] },
  { number: 3, name: 'Quầy 3 – Chứng thực', fields: [['CT', 10], ['HT', 2]] },
  { number: 4, name: 'Quầy 4 – Đất đai, Xây dựng', fields: [['DD', 10], ['KD', 3]] },
  { number: 5, name: 'Quầy 5 – Kinh doanh, Văn hóa – Xã hội', fields: [['KD', 10], ['XH', 8], ['DD', 2]] },
  { number: 6, name: 'Quầy 6 – Trả kết quả, Hướng dẫn', fields: [['TKQ', 10], ['HD', 10], ['XH', 2]] },
];

/** The ward's departments that work with the centre; they are inspected and self-evaluate too. */
const DEPARTMENTS = [
  { code: 'VP-HDND-UBND', name: 'Văn phòng HĐND và UBND phường' },
  { code: 'P-VHXH', name: 'Phòng Văn hóa – Xã hội' },
  { code: 'P-KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
];

const OFFICERS: { username: string; fullName: string; role: 'officer' | 'manager' | 'inspector'; unit?: string }[] = [
  { username: 'canbo1', fullName: 'Nguyễn Thị Hương', role: 'officer' },
  { username: 'canbo2', fullName: 'Trần Văn Minh', role: 'officer' },
  { username: 'canbo3', fullName: 'Lê Thị Thu Hà', role: 'officer' },
  { username: 'canbo4', fullName: 'Phạm Quốc Tuấn', role: 'officer' },
  { username: 'canbo5', fullName: 'Đỗ Thị Lan Anh', role: 'officer' },
  { username: 'canbo6', fullName: 'Vũ Đức Thắng', role: 'officer' },
  { username: 'quanly', fullName: 'Hoàng Thị Mai', role: 'manager' },
  // The head of a department: sees the inspections, self-evaluation and reports of that unit only.
  { username: 'truongphong', fullName: 'Ngô Thị Bích', role: 'manager', unit: 'P-VHXH' },
  // A member of the province's inspection team and appraisal council.
  { username: 'thanhtra', fullName: 'Bùi Văn Kiên', role: 'inspector' },
];

const PRIORITY_GROUPS = [
  { code: 'NCC', nameVi: 'Người có công với cách mạng', nameEn: 'Revolutionary contributors', weight: 40 },
  { code: 'NCT', nameVi: 'Người cao tuổi', nameEn: 'Elderly (60+)', weight: 30 },
  { code: 'NKT', nameVi: 'Người khuyết tật', nameEn: 'People with disabilities', weight: 30 },
  { code: 'PNMT', nameVi: 'Phụ nữ mang thai', nameEn: 'Pregnant women', weight: 30 },
  { code: 'TRE', nameVi: 'Người dẫn theo trẻ nhỏ', nameEn: 'Accompanying young children', weight: 20 },
];

export interface CentreSeed {
  code: string;
  name: string;
  shortName: string;
  address: string | null;
}

export const DEMO_CENTRE: CentreSeed = {
  code: '000.00.16.H26',
  name: 'Trung tâm Phục vụ hành chính công phường Hà Đông',
  shortName: 'TTPVHCC phường Hà Đông',
  address: 'Phường Hà Đông, thành phố Hà Nội',
};

/** A new centre, and the unit it is for inspections, self-evaluation and reports (its figures are its own). */
export async function insertCentre(tx: Tx, ctx: ServiceContext, centre: CentreSeed): Promise<string> {
  const id = ctx.newId();
  await tx.insertInto('centre').values({ id, ...centre }).execute();
  await tx
    .insertInto('orgUnit')
    .values({ id: ctx.newId(), centreId: id, code: centre.code, name: centre.name, kind: 'centre', figuresCentreId: id, active: true, createdAt: ctx.clock() })
    .execute();
  return id;
}

/** Fills an empty centre with the demo fields, counters, officers and priority groups. */
export async function seedDemoCentre(ctx: ServiceContext): Promise<{ centreId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(ctx, async (tx) => {
    const centreId = await insertCentre(tx, ctx, DEMO_CENTRE);
    const fieldIds = new Map<string, string>();
    for (const [i, f] of FIELDS.entries()) {
      const id = ctx.newId();
      fieldIds.set(f.code, id);
      await tx
        .insertInto('field')
        .values({
          id,
          centreId,
          code: f.code,
          nameVi: f.nameVi,
          nameEn: f.nameEn,
          numberingMode: 'block',
          prefix: null,
          blockStart: f.block[0],
          blockEnd: f.block[1],
          dailyCap: f.dailyCap,
          // Open all hours so the demo works whenever it is tried; a real centre sets its hours in /manage.
          openingHours: toJson([]),
          defaultServiceSeconds: f.serviceSeconds,
          sortOrder: i + 1,
          active: true,
        })
        .execute();
    }
    for (const c of COUNTERS) {
      const id = ctx.newId();
      await tx
        .insertInto('counter')
        .values({ id, centreId, number: c.number, name: c.name, active: true, state: 'closed', pauseReason: null, officerId: null, stateSince: ctx.clock() })
        .execute();
      await tx
        .insertInto('counterField')
        .values(c.fields.map(([code, weight]) => ({ counterId: id, fieldId: fieldIds.get(code)!, weight })))
        .execute();
    }
    const unitIds = new Map<string, string>();
    for (const d of DEPARTMENTS) {
      const id = ctx.newId();
      unitIds.set(d.code, id);
      await tx
        .insertInto('orgUnit')
        .values({ id, centreId, code: d.code, name: d.name, kind: 'department', figuresCentreId: null, active: true, createdAt: ctx.clock() })
        .execute();
    }
    for (const o of OFFICERS) {
      const unitId = o.unit ? unitIds.get(o.unit)! : null;
      await tx
        .insertInto('appUser')
        .values({ id: ctx.newId(), centreId, username: o.username, fullName: o.fullName, role: o.role, unitId, passwordHash, active: true, lang: 'vi' })
        .execute();
    }
    await tx
      .insertInto('priorityGroup')
      .values(PRIORITY_GROUPS.map((g) => ({ id: ctx.newId(), centreId, ...g, active: true })))
      .execute();
    return { centreId };
  });
}
