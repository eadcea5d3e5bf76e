import { sql, type Kysely } from 'kysely';

/**
 * The ground that administrative-reform oversight stands on:
 * - org_unit: the units that are inspected, self-evaluate and report (the centre itself, the departments and
 *   agencies it works with, communes); a unit may be backed by a centre of this installation whose records
 *   give its figures;
 * - app_user.unit_id: the unit a person belongs to (a manager with a unit is that unit's head), and the
 *   province-level 'inspector' role;
 * - stored_file and stored_file_chunk: evidence and documents, kept in the database so they work with several
 *   app instances and are in every backup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table org_unit (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      code text not null,
      name text not null,
      kind text not null check (kind in ('centre', 'commune', 'department', 'agency')),
      figures_centre_id uuid references centre(id),
      active boolean not null default true,
      created_at timestamptz not null,
      unique (centre_id, code)
    );

    alter table app_user add column unit_id uuid references org_unit(id);
    alter table app_user drop constraint app_user_role_check;
    alter table app_user add constraint app_user_role_check check (role in ('officer', 'manager', 'admin', 'inspector'));

    create table stored_file (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      name text not null,
      media_type text not null,
      size integer not null check (size >= 0),
      sha256 text not null,
      purpose text not null check (purpose in ('evidence', 'snapshot', 'document')),
      created_by uuid references app_user(id),
      created_at timestamptz not null,
      -- Set once every chunk is written; a file cut off half-way is never listed or served.
      complete boolean not null default false
    );
    create index stored_file_centre_sha on stored_file(centre_id, sha256);

    -- The bytes in pieces of at most 512 KB, each written by its own statement: storing a 20 MB scan on the
    -- embedded database then never holds the one connection (and the queue behind it) for more than a moment.
    create table stored_file_chunk (
      file_id uuid not null references stored_file(id) on delete cascade,
      seq integer not null,
      content bytea not null,
      primary key (file_id, seq)
    );

    -- Every centre already installed is a unit whose figures are its own records.
    insert into org_unit (id, centre_id, code, name, kind, figures_centre_id, active, created_at)
    select gen_random_uuid(), id, code, name, 'centre', id, true, now() from centre;
  `.execute(db);
}
