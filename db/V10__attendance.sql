-- Attendance: when a signed-in attendee had a session open (or clicked Join) while it ran.
create table attendance_interval (
    id           bigint generated always as identity primary key,
    session_id   bigint      not null references programme_session (id) on delete cascade,
    user_id      bigint      not null references app_user (id) on delete cascade,
    joined_at    timestamptz not null,
    -- null while the person is still there
    left_at      timestamptz,
    -- the last sign of life (page heartbeat); a crash closes open intervals here, never later
    last_seen_at timestamptz not null,
    check (left_at is null or left_at >= joined_at),
    check (last_seen_at >= joined_at)
);
create index attendance_session_idx on attendance_interval (session_id, joined_at);
create index attendance_user_idx on attendance_interval (user_id, session_id);
create index attendance_open_idx on attendance_interval (last_seen_at) where left_at is null;
create index attendance_joined_idx on attendance_interval (joined_at);

-- Consent: reports name an attendee only when they agreed to it; everyone else is counted anonymously.
alter table app_user add column named_in_reports boolean not null default false;
