-- Presence counted once per person in every attendance figure, and kept as intervals change, so reports are
-- computed from a few thousand kept rows instead of a million intervals (docs/attendance.md, docs/benchmarks.md
-- "Attendance reports").

-- The one definition of a person's presence at a session: each of their intervals, of any source, clamped to the
-- session's times (one still open counts to its last sign of life), then united with range_agg, which merges
-- overlapping and touching stays: two tabs, or the page and a phone call, count once. person-presence.sql, the kept
-- rows below and the reports' part for people still there all use these functions; there is no other variant.
create function attendance_stay(joined_at timestamptz, left_at timestamptz, last_seen_at timestamptz,
                                starts_at timestamptz, ends_at timestamptz) returns tstzrange
    language sql immutable parallel safe as $$
    select case when least(coalesce(left_at, last_seen_at), ends_at) > greatest(joined_at, starts_at)
                then tstzrange(greatest(joined_at, starts_at), least(coalesce(left_at, last_seen_at), ends_at))
                else 'empty'::tstzrange end
$$;

-- Whole seconds, rounded once after adding up (as AttendanceRule compares them).
create function attendance_seconds(present tstzmultirange) returns bigint
    language sql immutable parallel safe as $$
    select coalesce(round(sum(extract(epoch from upper(r) - lower(r)))), 0)::bigint from unnest(present) r
$$;

-- The minutes (counted from 1970, UTC) in which someone was present at some moment: the unit of the per-minute
-- counts. Spans that meet are united, so a person is one arrival and one departure however they came and went
-- within a minute.
create function attendance_minutes(present tstzmultirange) returns int4multirange
    language sql immutable parallel safe as $$
    select coalesce(range_agg(int4range(floor(extract(epoch from lower(r)) / 60)::int,
                                        ceil(extract(epoch from upper(r)) / 60)::int)), '{}'::int4multirange)
    from unnest(present) r
$$;

-- Each person's presence at these sessions (p_users null: everyone's; otherwise these people's), with or without
-- the intervals still open; people present for no time at all are left out. Planned for each call's values, so
-- "everyone" reads by session (attendance_session_idx) and "these people" by person (attendance_user_idx).
create function attendance_presence_of(p_sessions bigint[], p_users bigint[], p_with_open boolean)
    returns table (session_id bigint, user_id bigint, present tstzmultirange)
    language plpgsql stable set plan_cache_mode = force_custom_plan as $$
begin
    return query
    select ai.session_id, ai.user_id,
           range_agg(attendance_stay(ai.joined_at, ai.left_at, ai.last_seen_at, ps.starts_at, ps.ends_at))
    from attendance_interval ai
    join programme_session ps on ps.id = ai.session_id
    where ai.session_id = any (p_sessions)
      and (p_users is null or ai.user_id = any (p_users))
      and (p_with_open or ai.left_at is not null)
    group by ai.session_id, ai.user_id
    having not isempty(range_agg(attendance_stay(ai.joined_at, ai.left_at, ai.last_seen_at, ps.starts_at,
                                                 ps.ends_at)));
end
$$;

-- The presence now of everyone with an interval still open at these sessions, from all their intervals. The kept
-- rows below hold closed intervals only, so the heartbeat of every open page (every 30 seconds) never touches
-- them; reports put these few people in place of their kept rows when they read.
create function attendance_live(p_sessions bigint[])
    returns table (session_id bigint, user_id bigint, present tstzmultirange)
    language sql stable as $$
    select m.session_id, m.user_id, m.present
    from attendance_presence_of(p_sessions,
                                coalesce((select array_agg(distinct o.user_id) from attendance_interval o
                                          where o.left_at is null and o.session_id = any (p_sessions)), '{}'),
                                true) m
    where exists (select 1 from attendance_interval o
                  where o.left_at is null and o.session_id = m.session_id and o.user_id = m.user_id)
$$;

-- Each person's presence at each session from their closed intervals, with the conference day it counts for (the
-- day the session starts, in the conference's time zone).
create table attendance_presence (
    session_id    bigint         not null references programme_session (id) on delete cascade,
    user_id       bigint         not null references app_user (id) on delete cascade,
    conference_id bigint         not null,
    day           date           not null,
    present       tstzmultirange not null,
    seconds       bigint         not null,
    minutes       int4multirange not null,
    primary key (session_id, user_id)
);
create index attendance_presence_user_idx on attendance_presence (user_id);

-- Per session and minute: how many people's presence starts in that minute, and how many people's ends just
-- before it. The running sum of arrivals less departures is the number of people present in each minute.
create table attendance_minute (
    session_id bigint  not null references programme_session (id) on delete cascade,
    minute     integer not null,
    arrivals   integer not null,
    departures integer not null,
    primary key (session_id, minute)
);

-- Per conference day and person: at how many sessions they were present, and for how long in all.
create table attendance_day_person (
    conference_id bigint  not null references conference (id) on delete cascade,
    day           date    not null,
    user_id       bigint  not null references app_user (id) on delete cascade,
    sessions      integer not null,
    seconds       bigint  not null,
    primary key (conference_id, day, user_id)
);

-- Per session: how many people have it on their agenda (registered) and how many of those have kept presence, so
-- a conference's no-shows are a sum over its sessions instead of a join of every registration with every presence.
create table attendance_session_count (
    session_id         bigint  primary key references programme_session (id) on delete cascade,
    registered         integer not null default 0,
    registered_present integer not null default 0
);

-- Kept rows change -> the per-minute and per-day counts change by the difference, in the same transaction.
-- Decreases only update (a session or account being removed may already have taken its rows away); rows are
-- touched in key order so that two transactions never wait for each other in a circle.
create function attendance_presence_changed() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'UPDATE') then
        update attendance_minute m
        set arrivals = m.arrivals - d.arrivals, departures = m.departures - d.departures
        from (select x.session_id, x.minute, sum(x.a)::int as arrivals, sum(x.d)::int as departures
              from (select o.session_id, lower(r) as minute, 1 as a, 0 as d from old_rows o, unnest(o.minutes) r
                    union all
                    select o.session_id, upper(r), 0, 1 from old_rows o, unnest(o.minutes) r) x
              group by x.session_id, x.minute) d
        where m.session_id = d.session_id and m.minute = d.minute;
        update attendance_day_person p
        set sessions = p.sessions - d.sessions, seconds = p.seconds - d.seconds
        from (select o.conference_id, o.day, o.user_id, count(*)::int as sessions, sum(o.seconds) as seconds
              from old_rows o group by o.conference_id, o.day, o.user_id) d
        where p.conference_id = d.conference_id and p.day = d.day and p.user_id = d.user_id;
        delete from attendance_day_person p
        using (select distinct o.conference_id, o.day, o.user_id from old_rows o) d
        where p.conference_id = d.conference_id and p.day = d.day and p.user_id = d.user_id and p.sessions <= 0;
        update attendance_session_count n
        set registered_present = n.registered_present - d.present
        from (select o.session_id, count(*)::int as present from old_rows o
              where exists (select 1 from agenda_item a where a.session_id = o.session_id and a.user_id = o.user_id)
              group by o.session_id) d
        where n.session_id = d.session_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into attendance_minute as m (session_id, minute, arrivals, departures)
        select x.session_id, x.minute, sum(x.a), sum(x.d)
        from (select n.session_id, lower(r) as minute, 1 as a, 0 as d from new_rows n, unnest(n.minutes) r
              union all
              select n.session_id, upper(r), 0, 1 from new_rows n, unnest(n.minutes) r) x
        group by x.session_id, x.minute
        order by x.session_id, x.minute
        on conflict (session_id, minute) do update
            set arrivals = m.arrivals + excluded.arrivals, departures = m.departures + excluded.departures;
        insert into attendance_day_person as p (conference_id, day, user_id, sessions, seconds)
        select n.conference_id, n.day, n.user_id, count(*), sum(n.seconds)
        from new_rows n
        group by n.conference_id, n.day, n.user_id
        order by n.conference_id, n.day, n.user_id
        on conflict (conference_id, day, user_id) do update
            set sessions = p.sessions + excluded.sessions, seconds = p.seconds + excluded.seconds;
        update attendance_session_count n
        set registered_present = n.registered_present + d.present
        from (select x.session_id, count(*)::int as present from new_rows x
              where exists (select 1 from agenda_item a where a.session_id = x.session_id and a.user_id = x.user_id)
              group by x.session_id) d
        where n.session_id = d.session_id;
    end if;
    return null;
end
$$;

create trigger attendance_presence_inserted after insert on attendance_presence
    referencing new table as new_rows for each statement execute function attendance_presence_changed();
create trigger attendance_presence_updated after update on attendance_presence
    referencing old table as old_rows new table as new_rows for each statement
    execute function attendance_presence_changed();
create trigger attendance_presence_deleted after delete on attendance_presence
    referencing old table as old_rows for each statement execute function attendance_presence_changed();

-- Works the kept presence out again for these people at these sessions (p_users null: everyone there). Each
-- session's refreshes wait for each other (an advisory lock, first key 34: this migration), so one that read the
-- intervals before another committed cannot overwrite the newer figures.
create function attendance_keep(p_sessions bigint[], p_users bigint[]) returns void
    language plpgsql set plan_cache_mode = force_custom_plan as $$
declare
    s bigint;
begin
    for s in select distinct x from unnest(p_sessions) x order by x loop
        perform pg_advisory_xact_lock(34, s::int);
    end loop;
    delete from attendance_presence p
    where p.session_id = any (p_sessions)
      and (p_users is null or p.user_id = any (p_users));
    insert into attendance_presence (session_id, user_id, conference_id, day, present, seconds, minutes)
    select m.session_id, m.user_id, ps.conference_id, (ps.starts_at at time zone c.time_zone)::date, m.present,
           attendance_seconds(m.present), attendance_minutes(m.present)
    from attendance_presence_of(p_sessions, p_users, false) m
    join programme_session ps on ps.id = m.session_id
    join conference c on c.id = ps.conference_id
    order by m.session_id, m.user_id;
end
$$;

-- Closed intervals added, changed or removed (closing, reopening within the grace period, retention, a person
-- deleting their attendance, a removed account) -> those people's kept presence is worked out again. A heartbeat
-- changes only last_seen_at of an open interval, which nothing kept depends on: it finds nothing to do.
create function attendance_interval_kept() returns trigger language plpgsql as $$
declare
    sessions bigint[];
    users    bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct n.session_id), array_agg(distinct n.user_id) into sessions, users
        from new_rows n where n.left_at is not null;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct o.session_id), array_agg(distinct o.user_id) into sessions, users
        from old_rows o where o.left_at is not null;
    else
        select array_agg(distinct x.session_id), array_agg(distinct x.user_id) into sessions, users
        from (select o.session_id, o.user_id, n.session_id as new_session, n.user_id as new_user
              from old_rows o join new_rows n on n.id = o.id
              where o.left_at is distinct from n.left_at or o.joined_at <> n.joined_at
                 or o.session_id <> n.session_id or o.user_id <> n.user_id) c
        cross join lateral (values (c.session_id, c.user_id), (c.new_session, c.new_user)) x (session_id, user_id);
    end if;
    if sessions is not null then
        perform attendance_keep(sessions, users);
        -- db/V11's triggers forget the cached figures of the sessions in the new rows; an interval moved to another
        -- session changes the old one's too
        if tg_op = 'UPDATE' then
            delete from attendance_session_summary where session_id = any (sessions);
            delete from attendance_conference_summary
            where conference_id in (select ps.conference_id from programme_session ps where ps.id = any (sessions));
        end if;
    end if;
    return null;
end
$$;

create trigger attendance_interval_kept_inserted after insert on attendance_interval
    referencing new table as new_rows for each statement execute function attendance_interval_kept();
create trigger attendance_interval_kept_updated after update on attendance_interval
    referencing old table as old_rows new table as new_rows for each statement
    execute function attendance_interval_kept();
create trigger attendance_interval_kept_deleted after delete on attendance_interval
    referencing old table as old_rows for each statement execute function attendance_interval_kept();

-- Registrations added or removed (including by a removed account or session) -> their sessions' counts. Whichever
-- of a person's registration and presence goes first, the other finds it gone: "registered and present" drops once.
create function attendance_registration_counted() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into attendance_session_count as n (session_id, registered, registered_present)
        select x.session_id, count(*),
               count(*) filter (where exists (select 1 from attendance_presence p
                                              where p.session_id = x.session_id and p.user_id = x.user_id))
        from new_rows x
        group by x.session_id
        order by x.session_id
        on conflict (session_id) do update
            set registered = n.registered + excluded.registered,
                registered_present = n.registered_present + excluded.registered_present;
    else
        update attendance_session_count n
        set registered = n.registered - d.registered, registered_present = n.registered_present - d.present
        from (select x.session_id, count(*)::int as registered,
                     (count(*) filter (where exists (select 1 from attendance_presence p
                                                     where p.session_id = x.session_id
                                                       and p.user_id = x.user_id)))::int as present
              from old_rows x
              group by x.session_id) d
        where n.session_id = d.session_id;
    end if;
    return null;
end
$$;

create trigger agenda_item_counted_inserted after insert on agenda_item
    referencing new table as new_rows for each statement execute function attendance_registration_counted();
create trigger agenda_item_counted_deleted after delete on agenda_item
    referencing old table as old_rows for each statement execute function attendance_registration_counted();

-- A removed account takes its registrations and presence away in one statement, whose triggers each find the
-- other already gone: its "registered and present" are counted off before the cascade.
create function attendance_account_removed() returns trigger language plpgsql as $$
begin
    update attendance_session_count n
    set registered_present = n.registered_present - d.present
    from (select a.session_id, count(*)::int as present
          from agenda_item a
          join attendance_presence p on p.session_id = a.session_id and p.user_id = a.user_id
          where a.user_id = old.id
          group by a.session_id) d
    where n.session_id = d.session_id;
    return old;
end
$$;

create trigger app_user_attendance_removed before delete on app_user
    for each row execute function attendance_account_removed();

-- A session moved in time (or to another conference) clamps its intervals differently: work it out again.
create function attendance_session_kept() returns trigger language plpgsql as $$
begin
    perform attendance_keep(array[new.id], null);
    return null;
end
$$;

create trigger programme_session_kept after update of starts_at, ends_at, conference_id on programme_session
    for each row execute function attendance_session_kept();

-- A conference's time zone decides which day each session counts for.
create function attendance_conference_kept() returns trigger language plpgsql as $$
begin
    perform attendance_keep(array(select ps.id from programme_session ps where ps.conference_id = new.id), null);
    return null;
end
$$;

create trigger conference_zone_kept after update of time_zone on conference
    for each row execute function attendance_conference_kept();

-- The conference's attendance rule decides "met the rule": cached figures are forgotten when it changes.
create trigger conference_rule_changed after update of attendance_rule_percent on conference
    for each row execute function attendance_forget_conference();
create function attendance_forget_rule() returns trigger language plpgsql as $$
begin
    delete from attendance_session_summary
    where session_id in (select ps.id from programme_session ps where ps.conference_id = new.id);
    return null;
end
$$;
create trigger conference_rule_changed_sessions after update of attendance_rule_percent on conference
    for each row execute function attendance_forget_rule();

-- "Stayed 85 %" becomes "met the attendance rule", whatever the conference's rule is.
alter table attendance_session_summary rename column stayed_85 to met_rule;
alter table attendance_session_summary add column rule_percent smallint;

-- What is already there.
insert into attendance_session_count (session_id, registered)
select a.session_id, count(*) from agenda_item a group by a.session_id;
select attendance_keep(array(select ps.id from programme_session ps), null);
