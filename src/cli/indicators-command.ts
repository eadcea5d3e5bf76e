/**
 * `motcua indicators --from YYYY-MM-DD --to YYYY-MM-DD [--centre <code>]`: the Decision 766
 * indicators of the configured database's centre, as ONE JSON object keyed by indicator id, each
 * `{ name, value, points, maxPoints, numerator, denominator, unit, … }` — the same numbers as the
 * manage screen (both call computeIndicators). Bad input: nothing on stdout, a Vietnamese (and
 * English) message on stderr, exit code 2.
 */
import type { IndicatorReport } from '../contracts/indicators';
import { periodInstants, periodProblem } from '../core/indicators/periods';
import type { ServiceContext } from '../server/services/context';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface IndicatorArgs {
  from: string;
  to: string;
  centre: string | null;
}

const USAGE = 'Cách dùng / usage: motcua indicators --from YYYY-MM-DD --to YYYY-MM-DD [--centre <mã trung tâm>]';

function fail(vi: string, en: string): { error: string } {
  return { error: `Lỗi: ${vi}\nError: ${en}\n${USAGE}\n` };
}

/** Reads the options (`--from X` or `--from=X`); the leading "indicators" is optional. */
export function parseIndicatorArgs(argv: readonly string[]): IndicatorArgs | { error: string } {
  const args = argv[0] === 'indicators' ? argv.slice(1) : [...argv];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--(from|to|centre)(?:=(.*))?$/.exec(arg);
    if (!match) return fail(`tùy chọn không hợp lệ "${arg}"`, `unknown option "${arg}"`);
    const value = match[2] ?? args[++i];
    if (value === undefined || value.startsWith('--')) return fail(`thiếu giá trị cho --${match[1]}`, `--${match[1]} needs a value`);
    values[match[1]!] = value;
  }
  if (!values['from']) return fail('thiếu --from (ngày bắt đầu, dạng YYYY-MM-DD)', 'missing --from (first day, YYYY-MM-DD)');
  if (!values['to']) return fail('thiếu --to (ngày kết thúc, dạng YYYY-MM-DD)', 'missing --to (last day, YYYY-MM-DD)');
  const problem = periodProblem(values['from'], values['to']);
  if (problem) return fail(problem, `invalid period ${values['from']} – ${values['to']} (dates YYYY-MM-DD, to not before from, at most 400 days)`);
  return { from: values['from'], to: values['to'], centre: values['centre'] ?? null };
}

/** The printed shape: every indicator keyed by id with the contract's keys first. */
export function indicatorsJson(report: IndicatorReport): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, r] of Object.entries(report.indicators)) {
    out[id] = {
      name: r.name,
      value: r.value,
      points: r.points,
      maxPoints: r.maxPoints,
      numerator: r.numerator,
      denominator: r.denominator,
      unit: r.unit,
      computable: r.computable,
      ...(r.computable ? {} : { reason: r.reason }),
    };
  }
  return out;
}

export interface IndicatorsCommandContext {
  ctx: ServiceContext;
  /** The centres of the database, to pick the one asked for (or the only one). */
  centres: { id: string; code: string; name: string }[];
}

/** Runs the command against an open database; the caller opens and closes it. */
export async function runIndicatorsCommand(args: IndicatorArgs, context: IndicatorsCommandContext): Promise<CommandResult> {
  const { centres } = context;
  let centre: IndicatorsCommandContext['centres'][number] | undefined = centres[0];
  if (args.centre !== null) {
    centre = centres.find((c) => c.code === args.centre);
    if (!centre) {
      const known = centres.map((c) => c.code).join(', ') || '(không có)';
      return { stdout: '', stderr: `Lỗi: không có trung tâm mã "${args.centre}" (các mã: ${known})\nError: no centre with code "${args.centre}"\n`, code: 2 };
    }
  } else if (centres.length > 1) {
    return {
      stdout: '',
      stderr: `Lỗi: cơ sở dữ liệu có ${centres.length} trung tâm, hãy chọn bằng --centre <mã> (${centres.map((c) => c.code).join(', ')})\nError: several centres, choose one with --centre <code>\n`,
      code: 2,
    };
  }
  if (!centre) return { stdout: '', stderr: 'Lỗi: cơ sở dữ liệu chưa có trung tâm nào\nError: the database has no centre\n', code: 2 };
  const { computeIndicators } = await import('../server/services/indicators');
  const report = await computeIndicators(context.ctx, centre.id, periodInstants(args.from, args.to));
  return { stdout: `${JSON.stringify(indicatorsJson(report))}\n`, stderr: '', code: 0 };
}
