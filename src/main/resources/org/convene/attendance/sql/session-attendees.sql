-- One page of a session's attendance intervals, oldest first, with each attendee's label: their name only when
-- they agreed to be named, else "Attendee N", numbered among the unnamed by first arrival at the session.
-- The page is picked first (index on session, join time). Numbering needs the first arrival of everyone who came
-- before the page's people, and nobody else: each of them joined at or before the page's last join, so only the
-- intervals up to it are read (the first page reads a few rows, not the whole session).
-- Parameters: session id, offset, limit, session id.
with page as (
    select ai.id, ai.user_id, ai.joined_at, coalesce(ai.left_at, ai.last_seen_at) as left_at,
           ai.left_at is null as still_open
    from attendance_interval ai
    where ai.session_id = ?
    order by ai.joined_at, ai.id
    offset ? limit ?
), people as (
    select ai.user_id, min(ai.joined_at) as first_joined
    from attendance_interval ai
    where ai.session_id = (select ?::bigint)
      and ai.joined_at <= (select max(page.joined_at) from page)
    group by ai.user_id
), unnamed as (
    select p.user_id, row_number() over (order by p.first_joined, p.user_id) as n
    from people p
    join app_user u on u.id = p.user_id
    where not u.named_in_reports
)
select case when u.named_in_reports then u.display_name else 'Attendee ' || un.n end as label,
       u.named_in_reports as named,
       page.joined_at,
       page.left_at,
       page.still_open
from page
join app_user u on u.id = page.user_id
left join unnamed un on un.user_id = page.user_id
order by page.joined_at, page.id
