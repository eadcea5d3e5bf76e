/**
 * The public procedure catalogue: the procedures in force at a centre, read from the same current
 * versions the counters receive dossiers under, with everything internal left out (process steps and
 * their hour allowances, who edited, import files and fingerprints, internal ids).
 */
import type {
  PublicCatalogue,
  PublicCatalogueQuery,
  PublicCentre,
  PublicChannel,
  PublicProcedureDetail,
  PublicProcedureSummary,
} from '../../contracts/public';
import { searchProcedures } from '../../core/catalogue/catalogue-search';
import { isFormDocument, readDocumentCounts, reductionOf, splitLegalBasis } from '../../core/catalogue/public-procedure';
import { CHANNELS } from '../../core/catalogue/procedure';
import { foldVietnamese } from '../../core/shared/fold-text';
import { AppError } from '../../core/shared/app-error';
import { listProceduresWithCurrent, type ProcedureListRow } from '../../db/repositories/catalogue.repository';
import { findPublicCentre, type PublicCentreRow } from '../../db/repositories/public-centre.repository';
import type { ServiceContext } from './context';

export async function resolvePublicCentre(ctx: ServiceContext, code?: string): Promise<PublicCentreRow> {
  const centre = await findPublicCentre(ctx.db, code);
  if (!centre) throw new AppError('NOT_FOUND', { entity: 'centre' });
  return centre;
}

export function publicCentre(c: PublicCentreRow): PublicCentre {
  return { code: c.code, name: c.name, address: c.address };
}

/** The centre's procedures in force, by field then name, or the best matches of `q` first. */
export async function getPublicCatalogue(ctx: ServiceContext, query: PublicCatalogueQuery): Promise<PublicCatalogue> {
  const centre = await resolvePublicCentre(ctx, query.centre);
  const rows = (await listProceduresWithCurrent(ctx.db, centre.id)).filter((r) => r.active);
  const fields = fieldsOf(rows);
  const field = query.field ? foldVietnamese(query.field) : '';
  const inField = field ? rows.filter((r) => foldVietnamese(r.fieldName) === field) : rows;
  const q = query.q?.trim() ?? '';
  const listed = q
    ? searchProcedures(
        inField.map((r) => ({ row: r, code: r.code, name: r.version.name, fieldName: r.fieldName })),
        q,
      ).map((hit) => hit.item.row)
    : [...inField].sort(byFieldThenName(fields));
  return { centre: publicCentre(centre), fields, query: q, procedures: listed.map(toSummary) };
}

/** One procedure in force, by its code; an inactive or unknown code is "not found". */
export async function getPublicProcedure(ctx: ServiceContext, code: string, centreCode?: string): Promise<PublicProcedureDetail> {
  const centre = await resolvePublicCentre(ctx, centreCode);
  const rows = await listProceduresWithCurrent(ctx.db, centre.id);
  const row = rows.find((r) => r.active && r.code.toLowerCase() === code.toLowerCase());
  if (!row) throw new AppError('NOT_FOUND', { entity: 'procedure' });
  const v = row.version;
  const documents = v.documents.map((d) => {
    const counts = readDocumentCounts(d.copies);
    return { name: d.name, ...counts, copiesText: d.copies, required: d.mandatory, isForm: isFormDocument(d) };
  });
  const channels = new Set(v.rules.map((r) => r.channel));
  return {
    ...toSummary({ ...row, version: v }),
    decision: v.decision,
    documents,
    // The catalogue names its forms but holds no files of them (the national records give only a
    // file name, which the import does not keep): listed by name, url null.
    forms: documents.filter((d) => d.isForm).map((d) => ({ name: d.name, url: null })),
    submitAt: { centre: publicCentre(centre), agency: v.agency, online: channels.has('online'), postal: channels.has('postal') },
    resultText: v.resultText,
    legalBasis: splitLegalBasis(v.legalBasis),
  };
}

function toSummary(row: ProcedureListRow): PublicProcedureSummary {
  const v = row.version;
  const rules = [...v.rules].sort((a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  return {
    code: row.code,
    name: v.name,
    fieldName: row.fieldName,
    level: v.level,
    agency: v.agency,
    channels: rules.map(
      (r): PublicChannel => ({
        channel: r.channel,
        unit: r.unit,
        legalAmount: r.amount,
        committedAmount: r.committedAmount ?? null,
        reductionPercent: reductionOf(r)?.percent ?? null,
        feeDong: r.feeDong,
        feeText: r.feeText,
        description: r.description,
      }),
    ),
    cutoff: v.cutoff,
    documentCount: v.documents.length,
  };
}

/** Fields in the catalogue's order (by name, Vietnamese collation), each with its count. */
function fieldsOf(rows: readonly ProcedureListRow[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.fieldName, (counts.get(r.fieldName) ?? 0) + 1);
  return [...counts.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

function byFieldThenName(fields: { name: string }[]) {
  const order = new Map(fields.map((f, i) => [f.name, i]));
  return (a: ProcedureListRow, b: ProcedureListRow) =>
    (order.get(a.fieldName) ?? 0) - (order.get(b.fieldName) ?? 0) || a.version.name.localeCompare(b.version.name, 'vi');
}
