import { sql, type Kysely } from 'kysely';

/**
 * What the face decisions leave behind, so that they can be checked and limited:
 * - face_reuse_check: every time a kiosk gave a held number back because the face matched, and what
 *   the citizen answered ("mine", "not mine" — a false match measured in the hall — or nothing);
 * - face_recognition: every time a remembered citizen was recognised at a kiosk, so that the
 *   recognitions of one face per hour can be capped (starting over must not multiply the
 *   second-factor attempts).
 * Neither holds a template.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table face_reuse_check (
      id text primary key,
      centre_id uuid not null references centre(id),
      kiosk_id uuid references device(id) on delete set null,
      model text not null,
      field_id uuid not null references field(id),
      -- The number given back.
      ticket_id uuid not null references ticket(id),
      score double precision not null,
      margin double precision,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      outcome text not null default 'pending' check (outcome in ('pending', 'confirmed', 'rejected')),
      answered_at timestamptz,
      -- The new number issued after "not mine".
      new_ticket_id uuid references ticket(id)
    );
    create index face_reuse_check_centre_created on face_reuse_check(centre_id, created_at);

    create table face_recognition (
      id bigserial primary key,
      centre_id uuid not null references centre(id),
      citizen_id uuid not null references citizen(id) on delete cascade,
      kiosk_id uuid references device(id) on delete set null,
      at timestamptz not null
    );
    create index face_recognition_citizen_at on face_recognition(citizen_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table face_recognition; drop table face_reuse_check;`.execute(db);
}
