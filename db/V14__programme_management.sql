-- Programme management: partner hosts who run their own sessions, cancelled and moved sessions, recordings
-- with their access formats, and the reference a CSV import matches sessions on.

-- A coordinator of a partner organisation: may create and edit that organisation's sessions, assign their
-- facilitators and read their reports. The HOST role is what lets them open the management pages at all;
-- the scope is this table, checked by every write.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check
    check (role in ('ATTENDEE', 'FACILITATOR', 'HOST', 'ORGANISER'));

create table host_coordinator (
    host_id    bigint      not null references host_organisation (id) on delete cascade,
    user_id    bigint      not null references app_user (id) on delete cascade,
    added_at   timestamptz not null,
    primary key (host_id, user_id)
);
create index host_coordinator_user_idx on host_coordinator (user_id);

-- An invitation is a link the organiser passes on (Convene sends no email); only a hash of its token is kept,
-- as for calendar feeds and API tokens. Accepted or revoked invitations stay for the record.
create table host_invitation (
    id          bigint generated always as identity primary key,
    host_id     bigint      not null references host_organisation (id) on delete cascade,
    email       text        not null check (email = lower(email) and length(email) between 3 and 254),
    token_hash  text        not null unique,
    invited_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_by bigint references app_user (id) on delete set null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index host_invitation_host_idx on host_invitation (host_id);

-- Lists and forms that two organisers may edit at once.
alter table track add column version integer not null default 0;
alter table host_organisation add column version integer not null default 0;
alter table person add column version integer not null default 0;

alter table programme_session
    add column cancelled_at        timestamptz,
    add column cancellation_reason text check (length(cancellation_reason) <= 500),
    -- recordings and the formats that make them accessible
    add column captions_url        text check (captions_url ~ '^https?://'),
    add column transcript_url      text check (transcript_url ~ '^https?://'),
    add column easy_read_summary   text check (length(easy_read_summary) <= 5000),
    add column recording_published_at timestamptz,
    -- the organiser's own reference for a session in a CSV file ("CPW-014"); a second import of the same
    -- file matches on it and updates instead of duplicating
    add column reference           text check (reference ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
create unique index programme_session_reference_uk on programme_session (conference_id, reference);
create index programme_session_host_idx on programme_session (host_id);
create index programme_session_recording_idx on programme_session (conference_id) where recording_url is not null;

-- What happened to a session after people put it on their agenda. Written by a trigger so that every path
-- that changes a session (the editor, the CSV and schedule imports, scripts) leaves the same trace.
create table session_change (
    id             bigint generated always as identity primary key,
    session_id     bigint      not null references programme_session (id) on delete cascade,
    kind           text        not null check (kind in ('CANCELLED', 'RESTORED', 'MOVED')),
    old_starts_at  timestamptz not null,
    old_ends_at    timestamptz not null,
    new_starts_at  timestamptz not null,
    new_ends_at    timestamptz not null,
    changed_at     timestamptz not null
);
create index session_change_session_idx on session_change (session_id, changed_at);

-- Changes up to this one have been seen (or happened before the session was added), so the agenda shows a
-- notice only for later ones. An id rather than a time: change times come from the database clock.
alter table agenda_item add column seen_change_id bigint not null default 0;

create function record_session_change() returns trigger language plpgsql as $$
begin
    if new.cancelled_at is not null and old.cancelled_at is null then
        insert into session_change (session_id, kind, old_starts_at, old_ends_at, new_starts_at, new_ends_at, changed_at)
        values (new.id, 'CANCELLED', old.starts_at, old.ends_at, new.starts_at, new.ends_at, new.cancelled_at);
    elsif new.cancelled_at is null and old.cancelled_at is not null then
        insert into session_change (session_id, kind, old_starts_at, old_ends_at, new_starts_at, new_ends_at, changed_at)
        values (new.id, 'RESTORED', old.starts_at, old.ends_at, new.starts_at, new.ends_at, statement_timestamp());
    end if;
    if new.starts_at <> old.starts_at or new.ends_at <> old.ends_at then
        insert into session_change (session_id, kind, old_starts_at, old_ends_at, new_starts_at, new_ends_at, changed_at)
        values (new.id, 'MOVED', old.starts_at, old.ends_at, new.starts_at, new.ends_at, statement_timestamp());
    end if;
    return new;
end
$$;

create trigger programme_session_change after update of starts_at, ends_at, cancelled_at on programme_session
    for each row execute function record_session_change();
