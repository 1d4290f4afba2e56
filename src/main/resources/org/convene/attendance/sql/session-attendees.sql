-- One page of a session's attendance intervals, oldest first, with each attendee's label: their name only when
-- they agreed to be named, else "Attendee N" numbered by first arrival. Parameters: session id, offset, limit.
with people as (
    select ai.user_id, min(ai.joined_at) as first_joined
    from attendance_interval ai
    where ai.session_id = ?
    group by ai.user_id
), labelled as (
    select p.user_id,
           u.named_in_reports as named,
           case when u.named_in_reports then u.display_name
                else 'Attendee ' || row_number() over (partition by u.named_in_reports
                                                      order by p.first_joined, p.user_id) end as label
    from people p
    join app_user u on u.id = p.user_id
)
select l.label, l.named, ai.joined_at, coalesce(ai.left_at, ai.last_seen_at) as left_at, ai.left_at is null as still_open
from attendance_interval ai
join labelled l on l.user_id = ai.user_id
where ai.session_id = (select ?::bigint)
order by ai.joined_at, ai.id
offset ? limit ?
