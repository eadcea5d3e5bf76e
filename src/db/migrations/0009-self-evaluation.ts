import { sql, type Kysely } from 'kysely';

/**
 * Unit self-evaluation of administrative reform and periodic reform reports (DOMAIN-VN §3, §9):
 * - evaluation_frame: the province's frame for one year (fields → criteria with maximum points, the
 *   evidence each needs, an optional figure that pre-fills it) and its grade bands, edited or imported by
 *   an admin; draft → open (units score) → closed;
 * - unit_evaluation: one unit's self-scores (note, evidence file ids) and the appraisers' scores, by
 *   criterion code, in one document; the figures are frozen when the unit submits, so the appraisers
 *   judge what the unit saw;
 * - reform_report / reform_report_submission: a report asked of the units for a period with a deadline
 *   (quarterly, six-monthly and yearly schedules make one row per period; ad-hoc requests one) and a
 *   template of text sections and figures; each unit's submission with its figures, texts and files.
 * Days of the working calendar are plain 'YYYY-MM-DD' text, as elsewhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evaluation_frame (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      year integer not null,
      name text not null,
      fields jsonb not null,
      grade_bands jsonb not null,
      status text not null check (status in ('draft', 'open', 'closed')),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (centre_id, year)
    );

    create table unit_evaluation (
      id uuid primary key,
      frame_id uuid not null references evaluation_frame(id),
      unit_id uuid not null references org_unit(id),
      status text not null check (status in ('draft', 'submitted', 'appraised')),
      scores jsonb not null,
      -- The reform figures as they were when the unit submitted; null while it is still scoring.
      figures jsonb,
      final_score numeric,
      submitted_at timestamptz,
      submitted_by uuid references app_user(id),
      appraised_at timestamptz,
      appraised_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (frame_id, unit_id)
    );

    create table reform_report (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      -- The schedule a periodic report belongs to (one id for the four quarters of a year).
      series_id uuid not null,
      title text not null,
      kind text not null check (kind in ('quarterly', 'six-monthly', 'yearly', 'ad-hoc')),
      year integer not null,
      period_index integer not null,
      period_from text not null,
      period_to text not null,
      due_day text not null,
      template jsonb not null,
      unit_ids jsonb not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null
    );
    create index reform_report_centre_due on reform_report(centre_id, due_day);

    create table reform_report_submission (
      id uuid primary key,
      report_id uuid not null references reform_report(id),
      unit_id uuid not null references org_unit(id),
      status text not null check (status in ('draft', 'submitted')),
      figures jsonb not null,
      sections jsonb not null,
      file_ids jsonb not null,
      submitted_at timestamptz,
      submitted_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (report_id, unit_id)
    );
  `.execute(db);
}
