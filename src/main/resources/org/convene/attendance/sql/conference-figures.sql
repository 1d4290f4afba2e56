-- A conference's headline figures, each person counted once in each session (db/V34): the kept per-day and
-- per-minute counts, with the people still there (an interval open) swapped from kept to now. Attendee-minutes
-- and the peak count places in sessions: someone in two sessions at once counts twice. Parameter: the conference id.
with s as (
    select ps.id, ps.conference_id from programme_session ps where ps.conference_id = ?
), live as (
    select l.session_id, l.user_id, l.present
    from attendance_live(array(select id from s)) l
), kept_live as (
    select p.session_id, p.user_id, p.seconds, p.minutes
    from attendance_presence p
    join live on live.session_id = p.session_id and live.user_id = p.user_id
), change as (
    select m.minute, m.arrivals - m.departures as d from attendance_minute m join s on s.id = m.session_id
    union all
    select x.minute, x.d
    from kept_live k
    cross join lateral unnest(k.minutes) r
    cross join lateral (values (lower(r), -1), (upper(r), 1)) x (minute, d)
    union all
    select x.minute, x.d
    from live
    cross join lateral unnest(attendance_minutes(live.present)) r
    cross join lateral (values (lower(r), 1), (upper(r), -1)) x (minute, d)
), run as (
    select minute, sum(sum(d)) over (order by minute) as c from change group by minute
), peak as (
    select c, minute from run where c > 0 order by c desc, minute limit 1
), reg as (
    -- kept per-session counts (registered, and registered with kept presence), less the registered people who
    -- are present only through an interval still open; registrations and no-shows count only in sessions where
    -- adding took a place (db/V35): elsewhere an agenda is a bookmark
    select coalesce(sum(n.registered)
                        filter (where session_takes_places(ps.capacity, ps.registration_needs_approval)), 0)
               as registered,
           coalesce(sum(n.registered - n.registered_present)
                        filter (where session_takes_places(ps.capacity, ps.registration_needs_approval)), 0)
               - (select count(*) from live l
                  join programme_session lp on lp.id = l.session_id
                  where session_takes_places(lp.capacity, lp.registration_needs_approval)
                    and not exists (select 1 from kept_live k where k.session_id = l.session_id and k.user_id = l.user_id)
                    and exists (select 1 from agenda_item a
                                where a.session_id = l.session_id and a.user_id = l.user_id)) as no_shows
    from attendance_session_count n
    join s on n.session_id = s.id
    join programme_session ps on ps.id = n.session_id
)
select (select count(*) from (select user_id from attendance_day_person
                              where conference_id = (select conference_id from s limit 1)
                              union
                              select user_id from live) people)                    as unique_attendees,
       (coalesce((select sum(seconds) from attendance_day_person
                  where conference_id = (select conference_id from s limit 1)), 0)
        + coalesce((select sum(attendance_seconds(present)) from live), 0)
        - coalesce((select sum(seconds) from kept_live), 0)) / 60.0                 as attendee_minutes,
       coalesce((select c from peak), 0)                                           as peak_concurrent,
       (select to_timestamp(minute * 60.0) from peak)                              as peak_at,
       (select registered from reg)                                                as registered,
       (select no_shows from reg)                                                  as no_shows
