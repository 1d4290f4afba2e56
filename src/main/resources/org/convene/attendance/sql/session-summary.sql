-- One session's figures, each person counted once (db/V34): their kept presence from closed intervals, except
-- for the people still there (an interval open), whose presence is worked out now from all their intervals.
-- Time attended is clamped to the session's window; an interval still open counts to its last sign of life.
-- Parameter: the session id.
with s as (
    select ps.id, ps.starts_at, ps.ends_at, extract(epoch from ps.ends_at - ps.starts_at)::bigint as secs,
           c.attendance_rule_percent as rule
    from programme_session ps
    join conference c on c.id = ps.conference_id
    where ps.id = ?
), live as (
    select l.user_id, l.present, attendance_minutes(l.present) as minutes
    from s, attendance_live(array[s.id]) l
), person as (
    select p.user_id, p.seconds
    from attendance_presence p
    where p.session_id = (select id from s)
      and not exists (select 1 from live where live.user_id = p.user_id)
    union all
    select user_id, attendance_seconds(present) from live
), change as (
    -- kept arrivals and departures per minute, with the people still there swapped from kept to now
    select minute, arrivals - departures as d from attendance_minute where session_id = (select id from s)
    union all
    select x.minute, x.d
    from attendance_presence p
    join live on live.user_id = p.user_id
    cross join lateral unnest(p.minutes) r
    cross join lateral (values (lower(r), -1), (upper(r), 1)) x (minute, d)
    where p.session_id = (select id from s)
    union all
    select x.minute, x.d
    from live
    cross join lateral unnest(live.minutes) r
    cross join lateral (values (lower(r), 1), (upper(r), -1)) x (minute, d)
), series as (
    -- people present in each minute of the session: the running sum of the changes
    select g.minute, coalesce(sum(sum(c.d)) over (order by g.minute), 0)::int as present
    from s
    cross join lateral generate_series(floor(extract(epoch from s.starts_at) / 60)::int,
                                       ceil(extract(epoch from s.ends_at) / 60)::int - 1) g (minute)
    left join change c on c.minute = g.minute
    group by g.minute
), peak as (
    select present, minute from series where present > 0 order by present desc, minute limit 1
), reg as (
    -- no-shows count only where adding took a place (db/V35): elsewhere an agenda is a bookmark
    select a.user_id, session_takes_places(ps.capacity, ps.registration_needs_approval) as kept
    from agenda_item a join programme_session ps on ps.id = a.session_id
    where a.session_id = (select id from s)
)
select (select count(*) from reg)                                                      as registered,
       (select count(*) from person)                                                   as attended,
       (select count(*) from reg where kept and not exists (select 1 from person p where p.user_id = reg.user_id)) as no_shows,
       coalesce((select present from peak), 0)                                         as peak_concurrent,
       (select to_timestamp(minute * 60.0) from peak)                                  as peak_at,
       (select percentile_cont(0.5) within group (order by seconds) / 60 from person)  as median_minutes,
       (select avg(seconds) / 60 from person)                                          as mean_minutes,
       (select count(*) from person where s.secs > 0 and person.seconds * 100 >= s.secs * s.rule) as met_rule,
       coalesce((select sum(seconds) / 60.0 from person), 0)                           as attendee_minutes,
       (select array_agg(present order by minute) from series)                         as presence_per_minute,
       s.rule                                                                          as rule_percent,
       (select count(*) from question q where q.session_id = s.id)                     as questions_asked,
       (select count(*) from question q where q.session_id = s.id and q.state = 'ANSWERED') as questions_answered,
       (select count(*) from question_vote v join question q on q.id = v.question_id
         where q.session_id = s.id)                                                    as votes
from s
