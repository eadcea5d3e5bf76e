import { sql, type Kysely } from 'kysely';

/**
 * Citizen satisfaction beyond the queue visit (DOMAIN-VN §1.5, §2 group 5):
 * - dossier_rating: one rating per dossier, asked when the result is returned or later from the QR on
 *   Form 01 and the return slip, bound to the procedure and the officers who received and processed it;
 * - pakn and pakn_event: complaints and suggestions (phản ánh, kiến nghị) with the 766 deadlines
 *   (reject, request information, answer, publish) and their history;
 * - evaluation_score: the self-score and appraisal columns of the quarterly 9-indicator evaluation
 *   (Decree 61/2018 art. 31), per unit or officer and indicator.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dossier_rating (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      dossier_id uuid not null unique references dossier(id),
      procedure_id uuid not null references procedure(id),
      field_name text not null,
      -- The officer who received the dossier and those who handled its steps (user ids), as they were.
      received_by uuid references app_user(id),
      officer_ids jsonb not null,
      value integer not null,
      -- Options on the scale used (3 or 5 levels): a 5-level answer reports on the 3-level scale.
      scale_size integer not null,
      reports_as text not null check (reports_as in ('very-satisfied', 'satisfied', 'dissatisfied')),
      -- Per-criterion answers: [{ key, value, reportsAs }].
      criteria jsonb not null,
      comment text,
      source text not null check (source in ('counter', 'qr', 'kiosk', 'lookup')),
      device_id uuid references device(id) on delete set null,
      at timestamptz not null
    );
    create index dossier_rating_centre_at on dossier_rating(centre_id, at);

    create table pakn (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      -- What the citizen follows their PAKN with; not guessable from another one's code.
      code text not null unique,
      kind text not null check (kind in ('complaint', 'suggestion')),
      category text not null,
      subject_kind text not null check (subject_kind in ('dossier', 'counter', 'officer', 'centre')),
      dossier_id uuid references dossier(id),
      counter_id uuid references counter(id) on delete set null,
      officer_id uuid references app_user(id),
      content text not null,
      anonymous boolean not null,
      contact_name text,
      contact_phone text,
      contact_email text,
      source text not null check (source in ('public', 'kiosk', 'qr', 'counter')),
      status text not null check (status in ('received', 'assigned', 'info-requested', 'answered', 'rejected', 'published')),
      assigned_to uuid references app_user(id),
      received_at timestamptz not null,
      answered_at timestamptz,
      rejected_at timestamptz,
      published_at timestamptz,
      -- The citizen's verdict on how it was handled (766 indicator 5.3); null until they give it.
      citizen_satisfied boolean,
      state jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index pakn_centre_received on pakn(centre_id, received_at);
    create index pakn_open on pakn(centre_id, status) where status in ('received', 'assigned', 'info-requested', 'answered');
    create index pakn_dossier on pakn(dossier_id) where dossier_id is not null;

    create table pakn_event (
      id bigserial primary key,
      pakn_id uuid not null references pakn(id),
      type text not null,
      at timestamptz not null,
      actor_id uuid references app_user(id),
      data jsonb not null
    );
    create index pakn_event_pakn on pakn_event(pakn_id, id);

    create table evaluation_score (
      centre_id uuid not null references centre(id),
      -- e.g. 2026-Q4
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      subject_kind text not null check (subject_kind in ('centre', 'unit', 'officer')),
      -- The unit's name or the officer's user id; '' for the centre.
      subject text not null,
      indicator integer not null check (indicator between 1 and 9),
      self_score numeric(3, 1) check (self_score between 0 and 2),
      appraisal_score numeric(3, 1) check (appraisal_score between 0 and 2),
      note text not null default '',
      updated_by uuid references app_user(id),
      updated_at timestamptz not null,
      primary key (centre_id, quarter, subject_kind, subject, indicator)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table evaluation_score; drop table pakn_event; drop table pakn; drop table dossier_rating;`.execute(db);
}
