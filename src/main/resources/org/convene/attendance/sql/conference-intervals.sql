-- Every attendance interval of a conference, by session then join time, for the raw CSV export (streamed
-- with a cursor). Attendees who did not agree to be named appear as "Attendee N", numbered across the
-- conference by first arrival, so repeat attendance can be counted without names. Parameter: conference id (twice).
with people as (
    select ai.user_id, row_number() over (partition by u.named_in_reports order by min(ai.joined_at), ai.user_id) as n
    from attendance_interval ai
    join programme_session ps on ps.id = ai.session_id
    join app_user u on u.id = ai.user_id
    where ps.conference_id = ?
    group by ai.user_id, u.named_in_reports
)
select ps.id                                                                     as session_id,
       ps.title                                                                  as session_title,
       case when u.named_in_reports then u.display_name else 'Attendee ' || p.n end as attendee,
       u.named_in_reports                                                        as named,
       ai.joined_at,
       ai.left_at,
       ai.last_seen_at
from programme_session ps
cross join lateral (
    select * from attendance_interval i where i.session_id = ps.id order by i.joined_at, i.id
) ai
join people p on p.user_id = ai.user_id
join app_user u on u.id = ai.user_id
where ps.conference_id = (select ?::bigint)
order by ps.starts_at, ps.id, ai.joined_at, ai.id
