-- Each person's presence at some sessions, counted once: their intervals of any source (page, join, import, phone)
-- clamped to the session's window, overlapping ones merged (attendance_presence_of, db/V34: the one definition the
-- reports use too). Worked out from the intervals, open ones included. Parameters: the session ids (an array), the
-- person (null for everyone, twice).
with p as (
    select ?::bigint[] as sessions, case when ?::bigint is null then null else array[?::bigint] end as people
), s as (
    select ps.id, ps.starts_at, ps.ends_at, c.attendance_rule_percent as rule
    from p
    join programme_session ps on ps.id = any (p.sessions)
    join conference c on c.id = ps.conference_id
)
select m.session_id, m.user_id, attendance_seconds(m.present) as seconds,
       extract(epoch from s.ends_at - s.starts_at)::bigint as session_seconds, s.rule
from p
cross join lateral attendance_presence_of(p.sessions, p.people, true) m
join s on s.id = m.session_id
order by m.session_id, m.user_id
