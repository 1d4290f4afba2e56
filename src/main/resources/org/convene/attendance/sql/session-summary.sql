-- One session's figures. Parameter: the session id.
-- Time attended is clamped to the session's window; an interval still open counts to its last sign of life.
with s as (
    select id, starts_at, ends_at, extract(epoch from ends_at - starts_at) as secs
    from programme_session
    where id = ?
), iv as (
    select ai.user_id,
           greatest(ai.joined_at, s.starts_at) as j,
           least(coalesce(ai.left_at, ai.last_seen_at), s.ends_at) as l
    from attendance_interval ai
    join s on ai.session_id = s.id
), person as (
    select user_id, sum(greatest(extract(epoch from l - j), 0)) as secs
    from iv
    group by user_id
), ev as (
    select j as t, 1 as d from iv
    union all
    select l, -1 from iv
), run as (
    -- at the same instant leaving counts before joining, so a hand-over is not two people at once
    select t, sum(d) over (order by t, d rows unbounded preceding) as c
    from ev
), peak as (
    select c, t from run order by c desc, t limit 1
), reg as (
    -- no-shows count only where adding took a place (places or approval): elsewhere an agenda is a bookmark
    select a.user_id, (ps.capacity is not null or ps.registration_needs_approval) as kept
    from agenda_item a join programme_session ps on ps.id = a.session_id
    where a.session_id = (select id from s)
)
select (select count(*) from reg)                                                      as registered,
       (select count(*) from person)                                                   as attended,
       (select count(*) from reg where kept and not exists (select 1 from person p where p.user_id = reg.user_id)) as no_shows,
       coalesce((select c from peak), 0)                                               as peak_concurrent,
       (select t from peak)                                                            as peak_at,
       (select percentile_cont(0.5) within group (order by secs) / 60 from person)     as median_minutes,
       (select avg(secs) / 60 from person)                                             as mean_minutes,
       (select count(*) from person where secs >= 0.85 * s.secs)                       as stayed_85,
       coalesce((select sum(secs) / 60 from person), 0)                                as attendee_minutes,
       (select count(*) from question q where q.session_id = s.id)                     as questions_asked,
       (select count(*) from question q where q.session_id = s.id and q.state = 'ANSWERED') as questions_answered,
       (select count(*) from question_vote v join question q on q.id = v.question_id
         where q.session_id = s.id)                                                    as votes
from s
