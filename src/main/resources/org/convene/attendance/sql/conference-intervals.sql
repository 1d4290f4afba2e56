-- Every attendance interval of a conference, for the raw CSV export (streamed with a cursor). Rows come in the
-- order they are stored, which is roughly the order they were recorded: sorting a million rows before sending
-- the first would cost more than the export itself (docs/benchmarks.md); spreadsheets sort in a click.
-- Attendees who did not agree to be named appear as "Attendee N", numbered across the conference by first
-- arrival, so repeat attendance can be counted without names. Parameter: conference id (twice).
with people as (
    select ai.user_id,
           u.named_in_reports as named,
           case when u.named_in_reports then u.display_name
                else 'Attendee ' || row_number() over (partition by u.named_in_reports
                                                      order by min(ai.joined_at), ai.user_id) end as attendee
    from attendance_interval ai
    join programme_session ps on ps.id = ai.session_id
    join app_user u on u.id = ai.user_id
    where ps.conference_id = ?
    group by ai.user_id, u.named_in_reports, u.display_name
), s as (
    select id, title from programme_session where conference_id = (select ?::bigint)
)
select s.id          as session_id,
       s.title       as session_title,
       p.attendee,
       p.named,
       ai.joined_at,
       ai.left_at,
       ai.last_seen_at
from attendance_interval ai
join s on s.id = ai.session_id
join people p on p.user_id = ai.user_id
