import { sql, type Kysely } from 'kysely';
import { ANNOUNCED_SWAPS } from '../../core/calendar/announced-swaps';

/**
 * The procedure catalogue (versioned: a dossier keeps the version it was received under), the working
 * calendar's admin edits, and dossiers with their history. A dossier's full state is kept as one JSON
 * document next to the columns that lists, filters and reports query.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An admin's edits to the rule-computed national calendar: announced swaps, extra days off,
    -- cancelled days. Dates are local calendar dates, kept as text so no time zone can shift them.
    create table calendar_adjustment (
      day text primary key check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      kind text not null check (kind in ('swap-off', 'swap-work', 'holiday', 'compensatory', 'removed')),
      name text not null,
      updated_at timestamptz not null
    );

    create table procedure (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      code text not null,
      field_name text not null,
      -- The queue field whose tickets usually bring this procedure (suggested first at the counter).
      field_id uuid references field(id) on delete set null,
      current_version_id uuid,
      active boolean not null default true,
      -- Fingerprint of the last imported source record: an unchanged record imports nothing.
      import_fingerprint text,
      created_at timestamptz not null,
      unique (centre_id, code)
    );

    create table procedure_version (
      id uuid primary key,
      procedure_id uuid not null references procedure(id),
      version integer not null,
      name text not null,
      decision text not null,
      level text not null,
      agency text not null,
      rules jsonb not null,
      documents jsonb not null,
      steps jsonb not null,
      cutoff text,
      result_text text not null,
      legal_basis text not null,
      source text not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      unique (procedure_id, version)
    );
    alter table procedure add foreign key (current_version_id) references procedure_version(id);

    -- Each catalogue import and its report, so a manager can review later what was skipped and why.
    create table catalogue_import (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      at timestamptz not null,
      actor_id uuid references app_user(id),
      source text not null,
      imported integer not null,
      skipped integer not null,
      unchanged integer not null,
      warnings jsonb not null
    );
    create index catalogue_import_centre_at on catalogue_import(centre_id, at desc);

    -- Daily sequence of dossier codes per centre (the XXXX of agency-YYMMDD-XXXX).
    create table dossier_sequence (
      centre_id uuid not null references centre(id),
      service_day text not null,
      last_value integer not null,
      primary key (centre_id, service_day)
    );

    create table dossier (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      code text not null unique,
      status text not null check (status in ('incomplete', 'refused', 'in-progress', 'supplement-requested',
        'stopped', 'withdrawn', 'result-ready', 'returned')),
      procedure_id uuid not null references procedure(id),
      procedure_version_id uuid not null references procedure_version(id),
      field_name text not null,
      channel text not null check (channel in ('direct', 'online', 'postal')),
      applicant_name text not null,
      ticket_id uuid references ticket(id),
      received_by uuid references app_user(id),
      received_at timestamptz,
      due_at timestamptz,
      extended_due_at timestamptz,
      finished_at timestamptz,
      returned_at timestamptz,
      timeliness text check (timeliness in ('early', 'on-time', 'late')),
      -- Row number in the tracking book (Sổ theo dõi hồ sơ) of the year it was entered.
      book_year integer not null,
      book_number integer not null,
      state jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      unique (centre_id, book_year, book_number)
    );
    create index dossier_centre_created on dossier(centre_id, created_at);
    create index dossier_open_due on dossier(centre_id, due_at) where status in ('in-progress', 'supplement-requested');
    create index dossier_ready on dossier(centre_id, status) where status = 'result-ready';
    create index dossier_ticket on dossier(ticket_id) where ticket_id is not null;

    create table dossier_event (
      id bigserial primary key,
      dossier_id uuid not null references dossier(id),
      type text not null,
      at timestamptz not null,
      actor_id uuid references app_user(id),
      data jsonb not null
    );
    create index dossier_event_dossier on dossier_event(dossier_id, id);
  `.execute(db);
  // The calendar starts with the government's announced day swaps; the admin edits from there.
  for (const swap of ANNOUNCED_SWAPS) {
    await sql`insert into calendar_adjustment (day, kind, name, updated_at)
      values (${swap.date}, ${swap.kind}, ${swap.name}, now()) on conflict (day) do nothing`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table dossier_event; drop table dossier; drop table dossier_sequence; drop table catalogue_import;
    alter table procedure drop column current_version_id; drop table procedure_version; drop table procedure;
    drop table calendar_adjustment;`.execute(db);
}
