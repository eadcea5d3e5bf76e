import { sql, type Kysely } from 'kysely';

/**
 * Face templates and what the law asks around them (Decree 13/2023, Law 91/2025: biometric data is
 * sensitive personal data): the consent given, the citizens who asked to be remembered, and an
 * audit row for every creation, read and deletion of a template. Templates are vectors, never
 * photos, and are deleted (not flagged) when their retention ends.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table citizen (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      -- Second factor before anything personal is shown: a salted hash of the phone's last digits.
      phone_hint_hash text,
      created_at timestamptz not null,
      withdrawn_at timestamptz
    );

    create table consent (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      kiosk_id uuid references device(id) on delete set null,
      scope text not null check (scope in ('declined', 'today', 'remember')),
      purpose text not null,
      citizen_id uuid references citizen(id) on delete set null,
      ticket_id uuid references ticket(id),
      given_at timestamptz not null,
      withdrawn_at timestamptz
    );
    create index consent_centre_given on consent(centre_id, given_at);

    create table face_template (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      kind text not null check (kind in ('walk-in', 'remembered')),
      ticket_id uuid references ticket(id),
      citizen_id uuid references citizen(id) on delete cascade,
      consent_id uuid not null references consent(id),
      -- Anti-hoarding searches one field's active tickets of one day.
      field_id uuid references field(id),
      service_day date,
      model text not null,
      dimensions integer not null,
      template bytea not null,
      created_at timestamptz not null,
      -- Walk-in templates end with their day; remembered ones when the citizen withdraws.
      expires_at timestamptz,
      check ((kind = 'walk-in' and ticket_id is not null) or (kind = 'remembered' and citizen_id is not null))
    );
    create index face_template_day on face_template(centre_id, service_day, field_id) where kind = 'walk-in';
    create index face_template_expiry on face_template(expires_at) where expires_at is not null;
    create index face_template_citizen on face_template(citizen_id) where citizen_id is not null;
    create index face_template_ticket on face_template(ticket_id) where ticket_id is not null;

    -- A returning citizen recognised at a kiosk: a suggestion, until they confirm the second factor.
    create table face_candidate (
      id text primary key,
      centre_id uuid not null references centre(id),
      citizen_id uuid not null references citizen(id) on delete cascade,
      kiosk_id uuid references device(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      attempts integer not null default 0
    );

    create table face_audit (
      id bigserial primary key,
      centre_id uuid not null references centre(id),
      at timestamptz not null,
      action text not null check (action in ('create', 'read', 'delete', 'erase', 'purge')),
      -- Which template(s): one id, or a count for bulk reads (loading the matching index).
      template_id uuid,
      templates integer not null default 1,
      purpose text not null,
      actor_kind text not null check (actor_kind in ('user', 'device', 'public', 'system')),
      actor_id uuid
    );
    create index face_audit_centre_at on face_audit(centre_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table face_audit; drop table face_candidate; drop table face_template; drop table consent; drop table citizen;`.execute(db);
}
