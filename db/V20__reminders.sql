-- Each person's reminder settings. No row means the defaults: times in each conference's own time zone, and no
-- alarm in the calendar feed.
create table reminder_setting (
    user_id        bigint  primary key references app_user (id) on delete cascade,
    -- The zone reminders are written and timed in (an IANA id such as 'Europe/London'); null: each session's
    -- conference zone, the one the agenda and timetable show.
    time_zone      text    check (time_zone is null or length(time_zone) between 1 and 64),
    -- Whether the private calendar feed carries an alarm before each session (VALARM).
    calendar_alarm boolean not null default false
);
