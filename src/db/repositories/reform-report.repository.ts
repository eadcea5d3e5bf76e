/** Reform report requests and the units' submissions (SQL only; rules in core/reform-reports). */
import type { ReportKind, ReportTemplate } from '../../contracts/reform-reports';
import type { ReformFigure } from '../../contracts/self-evaluation';
import type { Executor } from './executor';
import { toJson } from './executor';

export interface ReportRecord {
  id: string;
  centreId: string;
  seriesId: string;
  title: string;
  kind: ReportKind;
  year: number;
  periodIndex: number;
  periodFrom: string;
  periodTo: string;
  dueDay: string;
  template: ReportTemplate;
  unitIds: string[];
  createdBy: string | null;
  createdAt: Date;
}

export interface SubmissionRecord {
  id: string;
  reportId: string;
  unitId: string;
  status: 'draft' | 'submitted';
  figures: ReformFigure[];
  sections: Record<string, string>;
  fileIds: string[];
  submittedAt: Date | null;
  submittedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function reportOf(row: Record<string, unknown>): ReportRecord {
  return { ...(row as unknown as ReportRecord), template: parse(row['template']), unitIds: parse(row['unitIds']) };
}

function submissionOf(row: Record<string, unknown>): SubmissionRecord {
  return { ...(row as unknown as SubmissionRecord), figures: parse(row['figures']), sections: parse(row['sections']), fileIds: parse(row['fileIds']) };
}

export async function insertReport(ex: Executor, r: ReportRecord): Promise<void> {
  await ex
    .insertInto('reformReport')
    .values({ ...r, template: toJson(r.template), unitIds: toJson(r.unitIds) })
    .execute();
}

export async function listReports(ex: Executor, centreId: string, year?: number): Promise<ReportRecord[]> {
  let q = ex.selectFrom('reformReport').selectAll().where('centreId', '=', centreId);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.orderBy('dueDay', 'desc').orderBy('title').execute();
  return rows.map((r) => reportOf(r as unknown as Record<string, unknown>));
}

export async function findReport(ex: Executor, centreId: string, id: string): Promise<ReportRecord | undefined> {
  const row = await ex.selectFrom('reformReport').selectAll().where('centreId', '=', centreId).where('id', '=', id).executeTakeFirst();
  return row ? reportOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function listSubmissions(ex: Executor, reportIds: readonly string[]): Promise<SubmissionRecord[]> {
  if (reportIds.length === 0) return [];
  const rows = await ex.selectFrom('reformReportSubmission').selectAll().where('reportId', 'in', [...reportIds]).execute();
  return rows.map((r) => submissionOf(r as unknown as Record<string, unknown>));
}

export async function findSubmission(ex: Executor, reportId: string, unitId: string, forUpdate = false): Promise<SubmissionRecord | undefined> {
  let q = ex.selectFrom('reformReportSubmission').selectAll().where('reportId', '=', reportId).where('unitId', '=', unitId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? submissionOf(row as unknown as Record<string, unknown>) : undefined;
}

export async function upsertSubmission(ex: Executor, s: SubmissionRecord): Promise<void> {
  const values = { ...s, figures: toJson(s.figures), sections: toJson(s.sections), fileIds: toJson(s.fileIds) };
  await ex
    .insertInto('reformReportSubmission')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['reportId', 'unitId']).doUpdateSet({
        status: values.status,
        figures: values.figures,
        sections: values.sections,
        fileIds: values.fileIds,
        submittedAt: values.submittedAt,
        submittedBy: values.submittedBy,
        updatedAt: values.updatedAt,
      }),
    )
    .execute();
}
