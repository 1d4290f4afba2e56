-- The figures of some sessions, one row each, in one statement from the kept presence (db/V34): each person counted
-- once, from their kept presence of closed intervals, except the people still there (an interval open), whose
-- presence is worked out now from all their intervals. Time attended is clamped to the session's window; an
-- interval still open counts to its last sign of life. One session's report and the ranking of a conference's
-- sessions both read this, so their figures cannot differ. Rows come most attended first (then by start, then id).
-- Parameters: the session ids (an array), the offset, the limit.
with s as (
    select ps.id, ps.starts_at, ps.ends_at, extract(epoch from ps.ends_at - ps.starts_at)::bigint as secs,
           c.attendance_rule_percent as rule,
           -- no-shows count only where adding took a place (db/V35): elsewhere an agenda is a bookmark
           session_takes_places(ps.capacity, ps.registration_needs_approval) as takes_places
    from programme_session ps
    join conference c on c.id = ps.conference_id
    where ps.id = any (?::bigint[])
), ids as (
    select array_agg(id) as ids from s
), live as (
    select l.session_id, l.user_id, l.present, attendance_minutes(l.present) as minutes
    from ids, attendance_live(ids.ids) l
), people as (
    -- each session on its own (a lateral join), its people's seconds read from the kept rows' narrow covering
    -- index (db/V37): nothing wide is read, and each median sorts one session's people in memory
    select s.id as session_id, x.*
    from s
    cross join lateral (
        select count(*)                                                          as attended,
               percentile_cont(0.5) within group (order by person.seconds) / 60 as median_minutes,
               avg(person.seconds) / 60                                          as mean_minutes,
               count(*) filter (where s.secs > 0 and person.seconds * 100 >= s.secs * s.rule) as met_rule,
               sum(person.seconds) / 60.0                                        as attendee_minutes
        from (select p.seconds
              from attendance_presence p
              where p.session_id = s.id
                and not exists (select 1 from live where live.session_id = p.session_id and live.user_id = p.user_id)
              union all
              select attendance_seconds(live.present) from live where live.session_id = s.id) person
    ) x
), change as (
    -- kept arrivals and departures per minute, with the people still there swapped from kept to now
    select m.session_id, m.minute, m.arrivals - m.departures as d
    from ids, attendance_minute m
    where m.session_id = any (ids.ids)
    union all
    select p.session_id, x.minute, x.d
    from live
    join attendance_presence p on p.session_id = live.session_id and p.user_id = live.user_id
    cross join lateral unnest(p.minutes) r
    cross join lateral (values (lower(r), -1), (upper(r), 1)) x (minute, d)
    union all
    select live.session_id, x.minute, x.d
    from live
    cross join lateral unnest(live.minutes) r
    cross join lateral (values (lower(r), 1), (upper(r), -1)) x (minute, d)
), series as (
    -- people present in each minute of each session: the running sum of the changes
    select s.id as session_id, g.minute,
           coalesce(sum(sum(c.d)) over (partition by s.id order by g.minute), 0)::int as present
    from s
    cross join lateral generate_series(floor(extract(epoch from s.starts_at) / 60)::int,
                                       ceil(extract(epoch from s.ends_at) / 60)::int - 1) g (minute)
    left join change c on c.session_id = s.id and c.minute = g.minute
    group by s.id, g.minute
), minutes as (
    select session_id, array_agg(present order by minute) as presence_per_minute
    from series
    group by session_id
), peak as (
    select distinct on (session_id) session_id, present, minute
    from series
    where present > 0
    order by session_id, present desc, minute
), reg as (
    -- kept counts (registered, and registered with kept presence), less the registered people present only
    -- through an interval still open
    select n.session_id, n.registered,
           n.registered - n.registered_present
               - (select count(*) from live l
                  where l.session_id = n.session_id
                    and not exists (select 1 from attendance_presence k
                                    where k.session_id = l.session_id and k.user_id = l.user_id)
                    and exists (select 1 from agenda_item a
                                where a.session_id = l.session_id and a.user_id = l.user_id)) as unseen
    from ids, attendance_session_count n
    where n.session_id = any (ids.ids)
)
select s.id                                                   as session_id,
       coalesce(reg.registered, 0)                            as registered,
       people.attended,
       case when s.takes_places then coalesce(reg.unseen, 0) else 0 end as no_shows,
       coalesce(peak.present, 0)                              as peak_concurrent,
       to_timestamp(peak.minute * 60.0)                       as peak_at,
       people.median_minutes,
       people.mean_minutes,
       people.met_rule,
       coalesce(people.attendee_minutes, 0)                   as attendee_minutes,
       minutes.presence_per_minute,
       s.rule                                                 as rule_percent
from s
join people on people.session_id = s.id
left join peak on peak.session_id = s.id
left join minutes on minutes.session_id = s.id
left join reg on reg.session_id = s.id
order by people.attended desc, s.starts_at, s.id
offset ? limit ?
