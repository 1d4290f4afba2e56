-- Attendance reports: cached figures for sessions and conferences, and an index for no-shows
-- (docs/benchmarks.md, "Attendance reports"). Per-session reads use attendance_session_idx (db/V10); a covering
-- (session_id, user_id) INCLUDE (...) index was tried and the planner never chose it, so it is not here.

-- Registrations of a session with the person (no-shows are an anti-join of these against the intervals);
-- it also serves every lookup by session alone, so it replaces agenda_item_session_idx.
create index agenda_item_session_user_idx on agenda_item (session_id, user_id);
drop index agenda_item_session_idx;

-- Figures of a session, kept until something they depend on changes (the triggers below forget them).
-- A row whose computed_at is null is a claim: figures are being computed, and a change made meanwhile
-- deletes the claim, so figures read before that change are never stored (see AttendanceReportQueries).
-- Question counts are not cached: they are cheap to count and change often.
create table attendance_session_summary (
    session_id       bigint primary key references programme_session (id) on delete cascade,
    computed_at      timestamptz,
    registered       integer,
    attended         integer,
    no_shows         integer,
    peak_concurrent  integer,
    peak_at          timestamptz,
    median_minutes   double precision,
    mean_minutes     double precision,
    stayed_85        integer,
    attendee_minutes double precision,
    -- the most attendees present in each minute of the session (5-minute buckets are the maxima of five)
    presence_per_minute integer[]
);

-- Figures of a whole conference, the same way.
create table attendance_conference_summary (
    conference_id    bigint primary key references conference (id) on delete cascade,
    computed_at      timestamptz,
    unique_attendees integer,
    attendee_minutes double precision,
    peak_concurrent  integer,
    peak_at          timestamptz,
    registered       integer,
    no_shows         integer
);

create table attendance_day_summary (
    conference_id    bigint not null references attendance_conference_summary (conference_id) on delete cascade,
    day              date not null,
    unique_attendees integer not null,
    attendee_minutes double precision not null,
    primary key (conference_id, day)
);

-- Cached figures are dropped in the same transaction as any change they depend on, including deletions that
-- cascade from removed accounts, so a report never shows figures for data that is gone.
create function attendance_forget_summaries() returns trigger language plpgsql as $$
begin
    delete from attendance_session_summary where session_id in (select session_id from changed);
    delete from attendance_conference_summary
    where conference_id in (select ps.conference_id from programme_session ps
                            where ps.id in (select session_id from changed));
    return null;
end
$$;

create trigger attendance_interval_inserted after insert on attendance_interval
    referencing new table as changed for each statement execute function attendance_forget_summaries();
create trigger attendance_interval_updated after update on attendance_interval
    referencing new table as changed for each statement execute function attendance_forget_summaries();
create trigger attendance_interval_deleted after delete on attendance_interval
    referencing old table as changed for each statement execute function attendance_forget_summaries();
create trigger agenda_item_inserted after insert on agenda_item
    referencing new table as changed for each statement execute function attendance_forget_summaries();
create trigger agenda_item_deleted after delete on agenda_item
    referencing old table as changed for each statement execute function attendance_forget_summaries();

-- A session moved in time changes what counts as attended; a session removed takes its intervals with it
-- (a cascade, after which the session row is gone and the interval trigger cannot find the conference).
-- Consent changes only the attendee lists, which are not cached.
create function attendance_forget_session() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        delete from attendance_conference_summary where conference_id = old.conference_id;
        return null;
    end if;
    delete from attendance_session_summary where session_id = new.id;
    delete from attendance_conference_summary where conference_id in (new.conference_id, old.conference_id);
    return null;
end
$$;

create trigger programme_session_moved after update of starts_at, ends_at, conference_id on programme_session
    for each row execute function attendance_forget_session();
create trigger programme_session_removed after delete on programme_session
    for each row execute function attendance_forget_session();

-- Days are counted in the conference's time zone.
create function attendance_forget_conference() returns trigger language plpgsql as $$
begin
    delete from attendance_conference_summary where conference_id = new.id;
    return null;
end
$$;

create trigger conference_zone_changed after update of time_zone on conference
    for each row execute function attendance_forget_conference();
