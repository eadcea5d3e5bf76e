/**
 * A procedure's internal process as an ISO 9001:2015 controlled document (quy trình nội bộ): its code,
 * the issue in force with its number, date and approver, purpose and scope, legal basis, the steps with
 * the role responsible and the working hours allowed, the forms and records it produces with how long
 * they are kept, the internal-audit checklist, and the change history.
 *
 *   draft ──issue──▶ issued (lần ban hành N) ──revise──▶ draft ──issue──▶ issued (N+1), N superseded
 *
 * An issue in force is never edited: every change goes through a new draft that becomes the next issue,
 * so a dossier that names "lần ban hành N" keeps naming the same text. Pure: no clock, no ids.
 */
import { AppError } from '../shared/app-error';
import type { ProcessStep, ProcessingRule } from '../catalogue/procedure';
import { workingHoursOf } from '../catalogue/default-steps';
import type {
  ChecklistQuestion,
  ProcessContent,
  ProcessIssueStatus,
  ProcessRecordEntry,
  ProcessStepEntry,
} from '../../contracts/process-documents';

export type { ChecklistQuestion, ProcessContent, ProcessIssueStatus, ProcessRecordEntry, ProcessStepEntry };

export interface ProcessIssue {
  id: string;
  status: ProcessIssueStatus;
  issueNumber: number | null;
  procedureVersionId: string;
  content: ProcessContent;
  changeNote: string;
  issuedOn: string | null;
  approverName: string | null;
  approverTitle: string | null;
}

/** "QT-HT-01", "QT.HT.01", "QT-TP-CT-02": letters and digits in at least two parts. */
const CODE_PATTERN = /^[A-ZĐ0-9]+([-.][A-ZĐ0-9]+)+$/u;

export function normaliseProcessCode(code: string): string {
  const value = code.trim().toLocaleUpperCase('vi').replace(/\s+/gu, '');
  if (value.length < 3 || value.length > 30 || !CODE_PATTERN.test(value)) {
    throw new AppError('VALIDATION_FAILED', { detail: `mã quy trình "${code.trim()}" không hợp lệ (ví dụ: QT-HT-01)` });
  }
  return value;
}

/** "Quy trình QT-HT-01, lần ban hành 2" — what a dossier page and its control slip say. */
export function processLabel(code: string, issueNumber: number): string {
  return `Quy trình ${code}, lần ban hành ${issueNumber}`;
}

const STEP_OUTPUTS: Record<string, string> = {
  assign: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả; Phiếu kiểm soát quá trình giải quyết hồ sơ',
  appraise: 'Kết quả thẩm định, dự thảo kết quả giải quyết',
  submit: 'Tờ trình kèm dự thảo kết quả',
  sign: 'Kết quả giải quyết đã ký',
  issue: 'Kết quả được vào sổ, đóng dấu, trả cho tổ chức, cá nhân',
};

export interface ProcedureSource {
  code: string;
  name: string;
  fieldName: string;
  agency: string;
  legalBasis: string[];
  resultText: string;
  steps: ProcessStep[];
}

export function stepsFromProcedure(steps: ProcessStep[]): ProcessStepEntry[] {
  return steps.map((s) => ({ code: s.code, name: s.name, role: s.unit, allowanceHours: s.allowanceHours, output: STEP_OUTPUTS[s.code] ?? '' }));
}

/**
 * The records every one-stop dossier leaves behind (Circular 03/2025 forms) and the result itself. The
 * retention periods are the usual ones of a unit's records list and are meant to be edited.
 */
export function defaultRecords(resultText: string): ProcessRecordEntry[] {
  return [
    { name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', form: 'Mẫu 01', keptBy: 'Bộ phận Một cửa', retention: '05 năm' },
    { name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', form: 'Mẫu 02', keptBy: 'Bộ phận Một cửa', retention: '05 năm' },
    { name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ', form: 'Mẫu 03', keptBy: 'Bộ phận Một cửa', retention: '05 năm' },
    { name: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết', form: 'Mẫu 04', keptBy: 'Cơ quan giải quyết', retention: '05 năm' },
    { name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', form: 'Mẫu 06', keptBy: 'Bộ phận Một cửa', retention: '05 năm' },
    { name: 'Sổ theo dõi hồ sơ', form: 'Mẫu 07', keptBy: 'Bộ phận Một cửa', retention: '10 năm' },
    { name: 'Hồ sơ của tổ chức, cá nhân và kết quả giải quyết', form: '', keptBy: 'Công chức chuyên môn', retention: resultText ? `Theo Danh mục hồ sơ của cơ quan (${resultText})` : 'Theo Danh mục hồ sơ của cơ quan' },
  ];
}

/**
 * The internal-audit questions: one per step (did each dossier pass it within its allowance, with the
 * hand-over written on the control slip) and a few about the process as a whole.
 */
export function checklistFromSteps(steps: ProcessStepEntry[]): ChecklistQuestion[] {
  const general: ChecklistQuestion[] = [
    { step: null, question: 'Quy trình đang áp dụng là lần ban hành hiện hành và được phổ biến đến người thực hiện?', evidence: 'Quyết định ban hành, danh sách phân phối' },
    { step: null, question: 'Thủ tục hành chính được niêm yết, công khai đầy đủ tại Bộ phận Một cửa và trên Cổng dịch vụ công?', evidence: 'Bảng niêm yết, trang công khai thủ tục' },
  ];
  const perStep = steps.map((s, i) => ({
    step: i + 1,
    question: `Bước ${i + 1} (${s.name}): ${s.role} thực hiện trong ${formatHours(s.allowanceHours)} giờ làm việc, ghi đủ giao, nhận trên Phiếu kiểm soát?`,
    evidence: s.output || 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  }));
  const closing: ChecklistQuestion[] = [
    { step: null, question: 'Hồ sơ trễ hạn có Văn bản xin lỗi và đề nghị gia hạn gửi tổ chức, cá nhân?', evidence: 'Mẫu 04, Sổ theo dõi hồ sơ' },
    { step: null, question: 'Hồ sơ, biểu mẫu được lưu đúng nơi và đúng thời hạn quy định?', evidence: 'Mục "Hồ sơ lưu" của quy trình' },
  ];
  return [...general, ...perStep, ...closing];
}

export function formatHours(hours: number): string {
  return Number.isInteger(hours) ? String(hours) : String(Math.round(hours * 100) / 100).replace('.', ',');
}

/** The first content of a new process document, from the procedure version in force. */
export function initialContent(source: ProcedureSource, centreName: string): ProcessContent {
  const steps = stepsFromProcedure(source.steps);
  return {
    // Catalogue names mostly start with "Thủ tục …"; the title should not say it twice.
    title: `Quy trình giải quyết thủ tục ${source.name.replace(/^thủ tục\s+/iu, '')}`,
    purpose: `Quy định trình tự, trách nhiệm và thời gian giải quyết thủ tục "${source.name}" (mã ${source.code}) tại ${centreName}, bảo đảm đúng hạn, công khai, minh bạch.`,
    scope: `Áp dụng đối với Bộ phận Một cửa, công chức chuyên môn và lãnh đạo tham gia tiếp nhận, giải quyết và trả kết quả thủ tục thuộc lĩnh vực ${source.fieldName}${source.agency ? ` (cơ quan thực hiện: ${source.agency})` : ''}.`,
    legalBasis: source.legalBasis,
    steps,
    records: defaultRecords(source.resultText),
    checklist: checklistFromSteps(steps),
  };
}

export function totalAllowanceHours(steps: { allowanceHours: number }[]): number {
  return steps.reduce((sum, s) => sum + s.allowanceHours, 0);
}

/** Working hours the procedure commits to on the counter (direct) channel, or null when it states none. */
export function committedHours(rules: ProcessingRule[], hoursPerDay = 8): number | null {
  const rule = rules.find((r) => r.channel === 'direct') ?? rules[0];
  if (!rule) return null;
  const amount = rule.committedAmount ?? rule.amount;
  if (rule.unit === 'same-day') return hoursPerDay;
  if (amount == null || !(amount > 0)) return null;
  return workingHoursOf({ amount, unit: rule.unit }, hoursPerDay);
}

/** What must hold before a draft can be issued; each problem as a Vietnamese sentence. */
export function contentProblems(content: ProcessContent, committed: number | null): string[] {
  const problems: string[] = [];
  if (!content.title.trim()) problems.push('chưa có tên quy trình');
  if (!content.purpose.trim()) problems.push('chưa có mục đích');
  if (!content.scope.trim()) problems.push('chưa có phạm vi áp dụng');
  if (content.steps.length === 0) problems.push('quy trình chưa có bước nào');
  content.steps.forEach((s, i) => {
    if (!s.name.trim() || !s.role.trim()) problems.push(`bước ${i + 1} chưa có tên hoặc người thực hiện`);
    if (!(s.allowanceHours > 0)) problems.push(`bước ${i + 1} chưa có thời gian thực hiện`);
  });
  const total = totalAllowanceHours(content.steps);
  if (committed !== null && total > committed + 1e-9) {
    problems.push(`tổng thời gian các bước (${formatHours(total)} giờ) vượt thời hạn giải quyết của thủ tục (${formatHours(committed)} giờ làm việc)`);
  }
  content.records.forEach((r, i) => {
    if (!r.name.trim() || !r.retention.trim()) problems.push(`hồ sơ lưu số ${i + 1} chưa có tên hoặc thời gian lưu`);
  });
  return problems;
}

export interface IssueInput {
  issuedOn: string;
  approverName: string;
  approverTitle: string;
}

/**
 * The draft becomes issue N+1 (N = the highest number so far); the issue in force, if any, is
 * superseded. An issue date before the previous issue's is refused: the history reads in order.
 */
export function issueDraft(
  issues: ProcessIssue[],
  input: IssueInput,
  committed: number | null,
): { issued: ProcessIssue; superseded: ProcessIssue | null } {
  const draft = issues.find((i) => i.status === 'draft');
  if (!draft) throw new AppError('VALIDATION_FAILED', { detail: 'quy trình không có bản dự thảo để ban hành' });
  if (!isCalendarDate(input.issuedOn)) throw new AppError('VALIDATION_FAILED', { detail: `ngày ban hành "${input.issuedOn}" không hợp lệ` });
  if (!input.approverName.trim() || !input.approverTitle.trim()) {
    throw new AppError('VALIDATION_FAILED', { detail: 'cần họ tên và chức vụ người phê duyệt' });
  }
  const problems = contentProblems(draft.content, committed);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { detail: problems.join('; ') });
  const inForce = issues.find((i) => i.status === 'issued') ?? null;
  const last = Math.max(0, ...issues.map((i) => i.issueNumber ?? 0));
  const previousDates = issues.filter((i) => i.issuedOn).map((i) => i.issuedOn!);
  if (previousDates.some((d) => d > input.issuedOn)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'ngày ban hành không được trước ngày của lần ban hành trước' });
  }
  return {
    issued: {
      ...draft,
      status: 'issued',
      issueNumber: last + 1,
      issuedOn: input.issuedOn,
      approverName: input.approverName.trim(),
      approverTitle: input.approverTitle.trim(),
    },
    superseded: inForce ? { ...inForce, status: 'superseded' } : null,
  };
}

/**
 * A revision starts from the issue in force. When the procedure has a newer version (its committed time
 * or steps changed), the steps are taken from it and the checklist follows them.
 */
export function reviseContent(inForce: ProcessContent, newerSteps: ProcessStep[] | null): ProcessContent {
  if (!newerSteps) return structuredClone(inForce);
  const steps = mergeSteps(inForce.steps, newerSteps);
  return { ...structuredClone(inForce), steps, checklist: checklistFromSteps(steps) };
}

/** The catalogue's steps with the outputs the document already wrote for steps of the same code. */
function mergeSteps(current: ProcessStepEntry[], fromCatalogue: ProcessStep[]): ProcessStepEntry[] {
  return stepsFromProcedure(fromCatalogue).map((s) => {
    const before = current.find((c) => c.code === s.code);
    return before ? { ...s, output: before.output || s.output } : s;
  });
}

/**
 * What changed from one issue to the next, in words for the change history ("Trang theo dõi sửa đổi").
 * The person revising may add their own note; these lines are what the text itself shows.
 */
export function describeChanges(before: ProcessContent, after: ProcessContent): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push('Sửa tên quy trình');
  if (before.purpose !== after.purpose) changes.push('Sửa mục đích');
  if (before.scope !== after.scope) changes.push('Sửa phạm vi áp dụng');
  if (before.legalBasis.join('\n') !== after.legalBasis.join('\n')) changes.push('Cập nhật căn cứ pháp lý');
  const key = (s: ProcessStepEntry) => s.code || s.name;
  for (const [i, s] of after.steps.entries()) {
    const old = before.steps.find((b) => key(b) === key(s));
    if (!old) {
      changes.push(`Thêm bước ${i + 1}: ${s.name}`);
      continue;
    }
    if (old.allowanceHours !== s.allowanceHours) {
      changes.push(`Bước ${i + 1} (${s.name}): thời gian ${formatHours(old.allowanceHours)} giờ → ${formatHours(s.allowanceHours)} giờ`);
    }
    if (old.role !== s.role) changes.push(`Bước ${i + 1} (${s.name}): người thực hiện ${old.role} → ${s.role}`);
    if (old.name !== s.name) changes.push(`Bước ${i + 1}: đổi tên "${old.name}" → "${s.name}"`);
  }
  for (const old of before.steps) {
    if (!after.steps.some((s) => key(s) === key(old))) changes.push(`Bỏ bước: ${old.name}`);
  }
  const totalBefore = totalAllowanceHours(before.steps);
  const totalAfter = totalAllowanceHours(after.steps);
  if (totalBefore !== totalAfter) changes.push(`Tổng thời gian: ${formatHours(totalBefore)} giờ → ${formatHours(totalAfter)} giờ làm việc`);
  const recordKey = (r: ProcessRecordEntry) => `${r.name}|${r.form}|${r.keptBy}|${r.retention}`;
  if (before.records.map(recordKey).join('\n') !== after.records.map(recordKey).join('\n')) changes.push('Sửa danh mục hồ sơ, biểu mẫu lưu');
  // Questions generated from the steps follow them; only the auditor's own wording is a change of its own.
  const questionKey = (q: ChecklistQuestion) => `${q.step}|${q.question}|${q.evidence}`;
  const ownQuestions = (c: ProcessContent) => {
    const generated = new Set(checklistFromSteps(c.steps).map(questionKey));
    return c.checklist.map(questionKey).filter((k) => !generated.has(k)).join('\n');
  };
  if (ownQuestions(before) !== ownQuestions(after)) changes.push('Cập nhật danh mục câu hỏi đánh giá nội bộ');
  return changes;
}

/** A real YYYY-MM-DD day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Keeps the checklist's generated step questions in step with edited steps: a question still worded as
 * it was generated for the old step is rewritten for the new one (or dropped with its step), a new step
 * gets its question, and questions the auditor wrote themselves are kept as they are.
 */
export function syncChecklist(before: ProcessContent, after: ProcessContent): ChecklistQuestion[] {
  const generatedBefore = checklistFromSteps(before.steps);
  const generatedAfter = checklistFromSteps(after.steps);
  const isGenerated = (q: ChecklistQuestion) => generatedBefore.some((g) => g.step === q.step && g.question === q.question && g.evidence === q.evidence);
  const synced: ChecklistQuestion[] = [];
  for (const q of after.checklist) {
    if (q.step === null || !isGenerated(q)) {
      synced.push(q);
      continue;
    }
    const fresh = generatedAfter.find((g) => g.step === q.step);
    if (fresh) synced.push(fresh);
  }
  for (const g of generatedAfter) {
    if (g.step !== null && !synced.some((q) => q.step === g.step)) synced.push(g);
  }
  return synced;
}
