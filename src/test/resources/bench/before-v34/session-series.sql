-- Attendees present across one session, in buckets: for each bucket, the most people present at any moment
-- within it. Parameters: the bucket length in minutes (twice), the session id.
with p as (
    select ?::int as minutes
), s as (
    select id, starts_at, ends_at from programme_session where id = ?
), iv as (
    select greatest(ai.joined_at, s.starts_at) as j,
           least(coalesce(ai.left_at, ai.last_seen_at), s.ends_at) as l
    from attendance_interval ai
    join s on ai.session_id = s.id
), ev as (
    select j as t, 1 as d from iv
    union all
    select l, -1 from iv
), run as (
    select t, d, sum(d) over (order by t, d rows unbounded preceding) as c from ev
), per_bucket as (
    -- the running count is global, so its maximum inside a bucket is the bucket's peak; the sum of the
    -- changes in earlier buckets is the count just before the bucket starts, and the changes at the very
    -- instant it starts (people who left then were not there during it) give the count at its start
    select b.bucket, max(run.c) as most, sum(run.d) as net,
           sum(run.d) filter (where run.t = s.starts_at + b.bucket * p.minutes * interval '1 minute') as at_start
    from run, s, p
    cross join lateral (select floor(extract(epoch from run.t - s.starts_at) / (60 * p.minutes))::int as bucket) b
    group by b.bucket
), buckets as (
    select g as bucket
    from s, p, generate_series(0, ceil(extract(epoch from s.ends_at - s.starts_at) / (60 * p.minutes))::int - 1) g
)
select s.starts_at + b.bucket * p.minutes * interval '1 minute' as bucket_start,
       greatest(coalesce(sum(pb.net) over (order by b.bucket rows between unbounded preceding and 1 preceding), 0)
                    + coalesce(pb.at_start, 0),
                coalesce(pb.most, 0))::int as most_present
from buckets b
cross join s
cross join p
left join per_bucket pb on pb.bucket = b.bucket
order by b.bucket
