-- Different attendees and attendee-minutes per conference day (the day a session starts, in the conference's
-- time zone), from the kept per-day rows (db/V34), with the people still there swapped from kept to now. A kept
-- row is one person on one day, so a day's people are its rows counted (no sort of everyone's ids), and the
-- people still there add only those without a kept row that day. Parameter: the conference id.
with c as (
    select id, time_zone from conference where id = ?
), live as (
    select l.session_id, l.user_id, attendance_seconds(l.present) as seconds,
           (ps.starts_at at time zone c.time_zone)::date as day
    from c
    cross join lateral attendance_live(array(select ps.id from programme_session ps
                                             where ps.conference_id = c.id)) l
    join programme_session ps on ps.id = l.session_id
), kept as (
    select d.day, count(*) as people, sum(d.seconds) as seconds
    from attendance_day_person d
    where d.conference_id = (select id from c)
    group by d.day
), live_day as (
    select live.day,
           count(distinct live.user_id) filter (
               where not exists (select 1 from attendance_day_person d
                                 where d.conference_id = (select id from c) and d.day = live.day
                                   and d.user_id = live.user_id)) as people,
           sum(live.seconds) as seconds
    from live
    group by live.day
), kept_live as (
    select live.day, sum(p.seconds) as seconds
    from live
    join attendance_presence p on p.session_id = live.session_id and p.user_id = live.user_id
    group by live.day
)
select day,
       (coalesce(kept.people, 0) + coalesce(live_day.people, 0))::int as unique_attendees,
       (coalesce(kept.seconds, 0) + coalesce(live_day.seconds, 0) - coalesce(kept_live.seconds, 0)) / 60.0
           as attendee_minutes
from kept
full join live_day using (day)
left join kept_live using (day)
order by day
