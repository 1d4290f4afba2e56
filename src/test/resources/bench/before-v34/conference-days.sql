-- Unique attendees and attendee-minutes per conference day (the day a session starts, in the conference's
-- time zone). Parameter: the conference id.
select (ps.starts_at at time zone c.time_zone)::date                                           as day,
       count(distinct ai.user_id)                                                              as unique_attendees,
       coalesce(sum(greatest(extract(epoch from least(coalesce(ai.left_at, ai.last_seen_at), ps.ends_at)
                                               - greatest(ai.joined_at, ps.starts_at)), 0)) / 60, 0) as attendee_minutes
from conference c
join programme_session ps on ps.conference_id = c.id
join attendance_interval ai on ai.session_id = ps.id
where c.id = ?
group by 1
order by 1
