import { sql, type Kysely } from 'kysely';

/** Centres, fields, counters, people, devices, tickets and the append-only event log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table centre (
      id uuid primary key,
      code text not null unique,
      name text not null,
      short_name text not null,
      address text,
      created_at timestamptz not null default now()
    );

    create table field (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      code text not null,
      name_vi text not null,
      name_en text not null,
      numbering_mode text not null check (numbering_mode in ('prefix', 'block')),
      prefix text,
      block_start integer,
      block_end integer,
      daily_cap integer check (daily_cap is null or daily_cap > 0),
      opening_hours jsonb not null default '[]',
      default_service_seconds integer not null default 600,
      sort_order integer not null default 0,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (centre_id, code),
      check ((numbering_mode = 'prefix' and prefix is not null)
          or (numbering_mode = 'block' and block_start is not null and block_end >= block_start))
    );

    create table app_user (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      username text not null unique,
      full_name text not null,
      role text not null check (role in ('officer', 'manager', 'admin')),
      password_hash text not null,
      active boolean not null default true,
      lang text not null default 'vi' check (lang in ('vi', 'en')),
      created_at timestamptz not null default now()
    );

    create table user_session (
      token_hash text primary key,
      user_id uuid not null references app_user(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index user_session_user on user_session(user_id);

    create table counter (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      number integer not null check (number > 0),
      name text not null,
      active boolean not null default true,
      state text not null default 'closed' check (state in ('closed', 'open', 'paused')),
      pause_reason text,
      officer_id uuid references app_user(id),
      state_since timestamptz not null default now(),
      created_at timestamptz not null default now(),
      unique (centre_id, number)
    );
    -- One officer works at one counter at a time.
    create unique index counter_one_per_officer on counter(officer_id) where officer_id is not null;

    create table counter_field (
      counter_id uuid not null references counter(id) on delete cascade,
      field_id uuid not null references field(id) on delete cascade,
      weight integer not null check (weight between 1 and 10),
      primary key (counter_id, field_id)
    );

    create table priority_group (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      code text not null,
      name_vi text not null,
      name_en text not null,
      weight integer not null check (weight > 0),
      active boolean not null default true,
      unique (centre_id, code)
    );

    create table device (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      kind text not null check (kind in ('kiosk', 'display', 'rating', 'printer')),
      name text not null,
      token_hash text unique,
      counter_id uuid references counter(id) on delete set null,
      printer_id uuid references device(id) on delete set null,
      host text,
      port integer,
      paper_width_mm integer check (paper_width_mm in (58, 80)),
      paired_at timestamptz,
      last_seen_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    );

    create table pairing_request (
      id uuid primary key,
      kind text not null check (kind in ('kiosk', 'display', 'rating')),
      name text,
      code text not null,
      secret_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      device_id uuid references device(id) on delete cascade,
      device_token text,
      claimed_at timestamptz
    );
    create index pairing_request_code on pairing_request(code);

    create table setting (
      centre_id uuid not null references centre(id),
      key text not null,
      value jsonb not null,
      primary key (centre_id, key)
    );

    create table number_sequence (
      field_id uuid not null references field(id) on delete cascade,
      service_day date not null,
      last_seq integer not null,
      primary key (field_id, service_day)
    );

    create table ticket (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      service_day date not null,
      field_id uuid not null references field(id),
      seq integer not null,
      display_number text not null,
      code text not null unique,
      status text not null check (status in ('waiting', 'called', 'serving', 'done', 'no-show', 'cancelled', 'parked')),
      priority_group_id uuid references priority_group(id),
      priority_weight integer not null default 0,
      issued_at timestamptz not null,
      queue_since timestamptz not null,
      counter_id uuid references counter(id),
      officer_id uuid references app_user(id),
      target_counter_id uuid references counter(id),
      call_count integer not null default 0,
      called_at timestamptz,
      started_at timestamptz,
      no_show_at timestamptz,
      finished_at timestamptz,
      serve_count integer not null default 0,
      predicted_wait_seconds integer,
      kiosk_id uuid references device(id) on delete set null,
      -- Optimistic concurrency: every write checks and bumps it.
      version integer not null default 0,
      -- The promise to citizens: one number means one visit per centre and day.
      unique (centre_id, service_day, display_number)
    );
    create index ticket_waiting on ticket(centre_id, service_day, field_id, queue_since) where status = 'waiting';
    create index ticket_at_counter on ticket(counter_id) where status in ('called', 'serving', 'parked');
    -- A counter calls or serves one citizen at a time, whatever two requests try at once.
    create unique index ticket_one_active_per_counter on ticket(counter_id) where status in ('called', 'serving');
    create index ticket_day on ticket(centre_id, service_day, status);

    create table event_log (
      id bigserial primary key,
      tx xid8 not null default pg_current_xact_id(),
      centre_id uuid not null references centre(id),
      type text not null,
      at timestamptz not null,
      ticket_id uuid references ticket(id),
      counter_id uuid references counter(id),
      officer_id uuid references app_user(id),
      actor_kind text not null check (actor_kind in ('user', 'device', 'public', 'system')),
      actor_id uuid,
      facts jsonb not null default '{}',
      payload jsonb not null default '{}'
    );
    create index event_log_cursor on event_log(tx, id);
    create index event_log_ticket on event_log(ticket_id, id);
    create index event_log_centre_at on event_log(centre_id, at);
    -- A counter's recent calls (fairness quota, rating prompt, served today).
    create index event_log_counter on event_log(counter_id, type, id) where counter_id is not null;

    -- The log is the record every metric is derived from: it is only ever appended to.
    create function event_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'event_log is append-only';
    end $$;
    create trigger event_log_no_update before update or delete on event_log
      for each row execute function event_log_append_only();

    -- Wakes every app instance's stream reader when a transaction that wrote events commits.
    create function event_log_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('motcua_events', '');
      return null;
    end $$;
    create trigger event_log_notify after insert on event_log
      for each statement execute function event_log_notify();

    create table rating (
      id uuid primary key,
      centre_id uuid not null references centre(id),
      ticket_id uuid not null references ticket(id),
      serve_no integer not null,
      value integer not null,
      reports_as text not null check (reports_as in ('very-satisfied', 'satisfied', 'dissatisfied')),
      officer_id uuid references app_user(id),
      counter_id uuid not null references counter(id),
      field_id uuid not null references field(id),
      device_id uuid references device(id) on delete set null,
      at timestamptz not null,
      unique (ticket_id, serve_no)
    );
    create index rating_centre_at on rating(centre_id, at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table rating; drop table event_log; drop function event_log_append_only; drop function event_log_notify;
    drop table ticket; drop table number_sequence; drop table setting; drop table pairing_request;
    drop table device; drop table priority_group; drop table counter_field; drop table counter;
    drop table user_session; drop table app_user; drop table field; drop table centre;
  `.execute(db);
}
