-- Different attendees and attendee-minutes per conference day (the day a session starts, in the conference's
-- time zone), from the kept per-day counts (db/V34) with the people still there swapped from kept to now.
-- Parameter: the conference id.
with c as (
    select id, time_zone from conference where id = ?
), live as (
    select l.session_id, l.user_id, attendance_seconds(l.present) as seconds,
           (ps.starts_at at time zone c.time_zone)::date as day
    from c
    cross join lateral attendance_live(array(select ps.id from programme_session ps
                                             where ps.conference_id = c.id)) l
    join programme_session ps on ps.id = l.session_id
), person_day as (
    select d.day, d.user_id, d.seconds from attendance_day_person d where d.conference_id = (select id from c)
    union all
    select day, user_id, seconds from live
    union all
    select p.day, p.user_id, -p.seconds
    from attendance_presence p
    join live on live.session_id = p.session_id and live.user_id = p.user_id
)
select day,
       count(distinct user_id)        as unique_attendees,
       coalesce(sum(seconds) / 60.0, 0) as attendee_minutes
from person_day
group by day
order by day
