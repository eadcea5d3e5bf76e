import { sql, type Kysely } from 'kysely';

/**
 * ISO 9001:2015 process documents per procedure and procedure reviews (rà soát TTHC):
 * - process_document: one controlled document per procedure, with its code (QT-HT-01);
 * - process_document_issue: its issues (lần ban hành). At most one draft and one issue in force per
 *   document; an issue once in force is never edited — a revision is a new draft that becomes the next issue;
 * - dossier_process_document: the issue in force when a dossier was received, which its page and control
 *   slip (Form 06) name. Kept beside the dossier so the dossier record itself stays as it was;
 * - review_round, review_round_procedure, review_proposal: review rounds over chosen procedures, the
 *   proposals made, and the decision on each; an adopted shortening names the procedure version it created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table process_document (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      procedure_id uuid not null references procedure(id),
      code text not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      unique (centre_id, code),
      unique (procedure_id)
    );

    create table process_document_issue (
      id uuid primary key,
      document_id uuid not null references process_document(id),
      -- Null while a draft; the next number when issued.
      issue_number integer,
      status text not null check (status in ('draft', 'issued', 'superseded')),
      -- The procedure version the steps and allowances were taken from.
      procedure_version_id uuid not null references procedure_version(id),
      content jsonb not null,
      change_note text not null,
      issued_on text,
      approver_name text,
      approver_title text,
      issued_by uuid references app_user(id),
      issued_at timestamptz,
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (document_id, issue_number)
    );
    create unique index process_document_one_draft on process_document_issue(document_id) where status = 'draft';
    create unique index process_document_one_in_force on process_document_issue(document_id) where status = 'issued';

    create table dossier_process_document (
      dossier_id uuid primary key references dossier(id),
      issue_id uuid not null references process_document_issue(id),
      recorded_at timestamptz not null
    );

    create table review_round (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      name text not null,
      year integer not null,
      decision_ref text not null,
      status text not null check (status in ('open', 'closed')),
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index review_round_centre_year on review_round(centre_id, year);

    create table review_round_procedure (
      round_id uuid not null references review_round(id),
      procedure_id uuid not null references procedure(id),
      primary key (round_id, procedure_id)
    );

    create table review_proposal (
      id uuid primary key,
      round_id uuid not null references review_round(id),
      procedure_id uuid not null references procedure(id),
      kind text not null check (kind in ('simplify', 'shorten', 'merge', 'abolish', 'other')),
      rationale text not null,
      -- For a shortening: the channel (null = every channel) and the new committed time in the rule's unit.
      channel text check (channel in ('direct', 'online', 'postal')),
      new_committed_amount integer,
      status text not null check (status in ('proposed', 'adopted', 'rejected', 'deferred')),
      decided_on text,
      decision_ref text,
      decision_note text,
      decided_by uuid references app_user(id),
      -- The procedure version an adopted shortening created.
      result_version_id uuid references procedure_version(id),
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index review_proposal_round on review_proposal(round_id);
    create index review_proposal_procedure on review_proposal(procedure_id);
  `.execute(db);
}
