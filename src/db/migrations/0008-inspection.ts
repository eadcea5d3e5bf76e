import { sql, type Kysely } from 'kysely';

/**
 * Administrative-reform inspection (kiểm tra công tác CCHC, DOMAIN-VN §3):
 * - inspection_plan: a year's plan — the team (members, roles, organisations), the units inspected, the
 *   checklist (criteria grouped by the PAR-index fields);
 * - inspection_round: one round of a plan (date, scope, units, members), an inspection or an internal audit
 *   against a process document's checklist; its checklist is copied in when the round is created, so the
 *   minutes keep what was checked even if the plan's list changes later;
 * - inspection_verdict: per round, unit and criterion, the verdict, notes and evidence (stored_file ids);
 * - inspection_finding: what the round found, with its severity and evidence;
 * - corrective_action: what the unit must fix, by whom, by when (working days on the working calendar),
 *   its progress, the evidence of the fix and the inspector's verification.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inspection_plan (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      decision_ref text not null default '',
      scope text not null default '',
      -- [{ key, userId, name, role, organisation }]
      team jsonb not null,
      -- org_unit ids, in the order the plan lists them
      unit_ids jsonb not null,
      -- [{ id, field, code, text, evidenceHint }]
      checklist jsonb not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index inspection_plan_centre_year on inspection_plan(centre_id, year);

    create table inspection_round (
      id uuid primary key,
      plan_id uuid not null references inspection_plan(id),
      number integer not null,
      kind text not null check (kind in ('inspection', 'internal-audit')),
      title text not null,
      scope text not null default '',
      planned_date text not null check (planned_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      unit_ids jsonb not null,
      -- keys of plan team members taking part
      member_keys jsonb not null,
      -- An internal audit runs against a process document's checklist, copied in with the issue's label
      -- ("QT-HT-01, lần ban hành 2") as it was when the round was created.
      process_document_id uuid,
      process_label text,
      checklist jsonb not null,
      status text not null check (status in ('planned', 'in-progress', 'concluded')),
      conclusion text not null default '',
      concluded_at timestamptz,
      minutes_file_id uuid references stored_file(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (plan_id, number)
    );

    create table inspection_verdict (
      round_id uuid not null references inspection_round(id),
      unit_id uuid not null references org_unit(id),
      criterion_id text not null,
      verdict text not null check (verdict in ('met', 'partly', 'not-met', 'not-applicable', 'pending')),
      note text not null default '',
      evidence_file_ids jsonb not null,
      updated_by uuid references app_user(id),
      updated_at timestamptz not null,
      primary key (round_id, unit_id, criterion_id)
    );

    create table inspection_finding (
      id uuid primary key,
      round_id uuid not null references inspection_round(id),
      unit_id uuid not null references org_unit(id),
      criterion_id text,
      severity text not null check (severity in ('low', 'medium', 'high')),
      description text not null,
      evidence_file_ids jsonb not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null
    );
    create index inspection_finding_round on inspection_finding(round_id);

    create table corrective_action (
      id uuid primary key,
      finding_id uuid not null references inspection_finding(id),
      plan_id uuid not null references inspection_plan(id),
      unit_id uuid not null references org_unit(id),
      description text not null,
      owner_name text not null,
      owner_user_id uuid references app_user(id),
      start_date text not null,
      working_days integer not null check (working_days between 1 and 250),
      due_date text not null,
      status text not null check (status in ('open', 'in-progress', 'done', 'closed')),
      -- [{ at, byName, status, text }]
      progress jsonb not null,
      fix_file_ids jsonb not null,
      done_at timestamptz,
      closed_at timestamptz,
      closed_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index corrective_action_unit_status on corrective_action(unit_id, status);
    create index corrective_action_plan on corrective_action(plan_id);
  `.execute(db);
}
