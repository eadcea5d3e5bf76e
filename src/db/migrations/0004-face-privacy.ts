import { sql, type Kysely } from 'kysely';

/**
 * Every 1:N face search is audited (who asked, when, which search, its outcome, how many templates
 * it looked through — never a template or a score), and so is the one-time encryption of templates
 * stored before templates were encrypted ('seal').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table face_audit drop constraint face_audit_action_check;
    alter table face_audit add constraint face_audit_action_check
      check (action in ('create', 'read', 'delete', 'erase', 'purge', 'search', 'seal'));
    alter table face_audit add column search_kind text
      check (search_kind in ('walk-in-reuse', 'returning-citizen', 'erasure'));
    alter table face_audit add column outcome text check (outcome in ('match', 'no-match', 'ambiguous'));
    -- Walk-in reuse only: whether the person was given back the number they held.
    alter table face_audit add column reused boolean;
    alter table face_audit add constraint face_audit_search_described
      check ((action = 'search') = (search_kind is not null and outcome is not null));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from face_audit where action in ('search', 'seal');
    alter table face_audit drop constraint face_audit_search_described;
    alter table face_audit drop column reused;
    alter table face_audit drop column outcome;
    alter table face_audit drop column search_kind;
    alter table face_audit drop constraint face_audit_action_check;
    alter table face_audit add constraint face_audit_action_check check (action in ('create', 'read', 'delete', 'erase', 'purge'));
  `.execute(db);
}
