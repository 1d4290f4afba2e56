-- Benchmark data for the attendance reports (docs/benchmarks.md): one five-day conference, 40 sessions,
-- 20,000 attendees, 1,000,000 attendance intervals, 600,000 registrations, 2,000 questions and 20,000 votes.
-- Deterministic: the same rows every run.
select setseed(0.42);

insert into conference (slug, name, time_zone, first_day, last_day)
values ('bench-week', 'Benchmark Week', 'Europe/London', date '2031-11-17', date '2031-11-21');

insert into host_organisation (name) select 'Bench host ' || h from generate_series(1, 8) h;

-- Eight sessions a day, starting every 55 minutes from 9am UK time; every other one lasts 90 minutes, so they overlap.
insert into programme_session (conference_id, title, format, starts_at, ends_at, host_id, join_url)
select c.id, 'Bench session ' || n, 'WEBINAR',
       timestamptz '2031-11-17 09:00:00+00' + (n / 8) * interval '1 day' + (n % 8) * interval '55 minutes',
       timestamptz '2031-11-17 09:00:00+00' + (n / 8) * interval '1 day' + (n % 8) * interval '55 minutes'
           + case when n % 2 = 0 then interval '60 minutes' else interval '90 minutes' end,
       (select min(id) from host_organisation where name like 'Bench host %') + n % 8,
       'https://meet.example.org/bench-' || n
from conference c, generate_series(0, 39) n
where c.slug = 'bench-week';

-- A third of the attendees agreed to be named in reports.
insert into app_user (email, display_name, password_hash, created_at, named_in_reports)
select 'bench-' || u || '@bench.example', 'Bench attendee ' || u, '{noop}x', timestamptz '2031-11-01 00:00:00+00', u % 3 = 0
from generate_series(1, 20000) u;

create temporary table bench_session as
select row_number() over (order by id) - 1 as n, id, starts_at, ends_at,
       extract(epoch from ends_at - starts_at) as secs
from programme_session
where conference_id = (select id from conference where slug = 'bench-week');

create temporary table bench_user as
select row_number() over (order by id) - 1 as n, id from app_user where email like 'bench-%@bench.example';

-- Each session: 12,500 attendees (a different set per session), each with two stays: one in the first half,
-- one in the second, of random lengths. 40 x 12,500 x 2 = 1,000,000 intervals.
insert into attendance_interval (session_id, user_id, joined_at, left_at, last_seen_at)
select s.id, u.id, stay.j, stay.l, stay.l
from generate_series(0, 999999) i
join bench_session s on s.n = i % 40
join bench_user u on u.n = (((i / 40) % 12500) * 7919 + s.n * 104729) % 20000
cross join lateral (
    select case when i / 40 < 12500 then s.starts_at + random() * interval '10 minutes'
                else s.starts_at + s.secs * interval '0.5 second' + random() * interval '5 minutes' end as j,
           case when i / 40 < 12500 then s.starts_at + s.secs * interval '0.5 second' else s.ends_at end as upper
) bounds
-- half of the stays last to the end of their half of the session, the others end at a random moment
cross join lateral (
    select bounds.j, case when random() < 0.5 then bounds.upper else bounds.j + random() * (bounds.upper - bounds.j) end as l
) stay;

-- Registrations: per session 15,000 people, so 1,000 attendees came without registering and 3,500 registered
-- people never came (no-shows).
insert into agenda_item (user_id, session_id, added_at)
select u.id, s.id, timestamptz '2031-11-10 12:00:00+00'
from bench_session s
cross join generate_series(1000, 15999) k
join bench_user u on u.n = ((k % 20000) * 7919 + s.n * 104729) % 20000
on conflict do nothing;

-- Questions: 50 a session, half answered; 10 votes on each.
insert into question (session_id, author_id, text, state, created_at, updated_at)
select s.id, (select min(id) from bench_user) + q, 'Bench question ' || q,
       case when q % 2 = 0 then 'ANSWERED' else 'APPROVED' end,
       s.starts_at + q * interval '1 minute', s.starts_at + q * interval '1 minute'
from bench_session s, generate_series(0, 49) q;

insert into question_vote (question_id, user_id, created_at)
select q.id, u.id, q.created_at
from question q
join bench_session s on s.id = q.session_id
cross join generate_series(0, 9) v
join bench_user u on u.n = (q.id * 31 + v * 977) % 20000
on conflict do nothing;
