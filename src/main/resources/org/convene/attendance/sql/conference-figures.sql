-- A conference's headline figures (cached in attendance_conference_summary). Parameter: the conference id.
-- Attendee-minutes and the peak count places in sessions: someone in two sessions at once counts twice.
with s as (
    select ps.id, ps.starts_at, ps.ends_at from programme_session ps where ps.conference_id = ?
), iv as (
    select ai.user_id,
           greatest(ai.joined_at, s.starts_at) as j,
           least(coalesce(ai.left_at, ai.last_seen_at), s.ends_at) as l
    from attendance_interval ai
    join s on ai.session_id = s.id
), ev as (
    select j as t, 1 as d from iv
    union all
    select l, -1 from iv
), run as (
    select t, sum(d) over (order by t, d rows unbounded preceding) as c from ev
), peak as (
    select c, t from run order by c desc, t limit 1
), reg as (
    -- no-shows count only in sessions where adding took a place (places or approval)
    select count(*) as registered,
           count(*) filter (where (ps.capacity is not null or ps.registration_needs_approval)
                              and not exists (select 1 from attendance_interval ai
                                              where ai.session_id = a.session_id and ai.user_id = a.user_id)) as no_shows
    from agenda_item a
    join s on a.session_id = s.id
    join programme_session ps on ps.id = a.session_id
)
select (select count(distinct user_id) from iv)                                    as unique_attendees,
       coalesce((select sum(greatest(extract(epoch from l - j), 0)) / 60 from iv), 0) as attendee_minutes,
       coalesce((select c from peak), 0)                                           as peak_concurrent,
       (select t from peak)                                                        as peak_at,
       (select registered from reg)                                                as registered,
       (select no_shows from reg)                                                  as no_shows
