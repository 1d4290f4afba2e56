-- Each person's presence at some sessions, counted once: their intervals of any source (page, join, import, phone)
-- clamped to the session's window, overlapping ones merged. Parameters: the session ids (an array), the person
-- (null for everyone).
with s as (
    select ps.id, ps.starts_at, ps.ends_at, c.attendance_rule_percent as rule
    from programme_session ps
    join conference c on c.id = ps.conference_id
    where ps.id = any (?::bigint[])
), iv as (
    select ai.session_id, ai.user_id,
           greatest(ai.joined_at, s.starts_at) as j,
           least(coalesce(ai.left_at, ai.last_seen_at), s.ends_at) as l
    from attendance_interval ai
    join s on ai.session_id = s.id
    where ?::bigint is null or ai.user_id = ?::bigint
), ordered as (
    select session_id, user_id, j, l,
           max(l) over (partition by session_id, user_id order by j, l
                        rows between unbounded preceding and 1 preceding) as reach
    from iv
    where l > j
), runs as (
    -- a new run starts where nothing earlier of the same person reaches this join
    select session_id, user_id, j, l,
           count(*) filter (where reach is null or reach < j)
               over (partition by session_id, user_id order by j, l rows unbounded preceding) as run
    from ordered
), merged as (
    select session_id, user_id, min(j) as j, max(l) as l
    from runs
    group by session_id, user_id, run
)
select m.session_id, m.user_id, sum(extract(epoch from m.l - m.j))::bigint as seconds,
       extract(epoch from s.ends_at - s.starts_at)::bigint as session_seconds, s.rule
from merged m
join s on s.id = m.session_id
group by m.session_id, m.user_id, s.ends_at, s.starts_at, s.rule
order by m.session_id, m.user_id
