-- Phone joins keep the times as they were marked, so that when the session's times change later their interval
-- can be cut again to the new times (an imported stay keeps its times in attendance_import_row).
alter table attendance_interval
    add column marked_joined_at timestamptz,
    add column marked_left_at   timestamptz;
update attendance_interval set marked_joined_at = joined_at, marked_left_at = left_at where source = 'PHONE';
alter table attendance_interval
    add constraint attendance_interval_phone_marked
        check ((source = 'PHONE') = (marked_joined_at is not null and marked_left_at is not null));

-- A person who deleted their attendance records: a meeting tool's report of a session that started before then
-- is never matched to them again (by email, by a carried-over hand match or by hand). Keyed by account, not by
-- the email text, so a changed address or a report with another spelling cannot bring the attendance back.
create table attendance_withdrawal (
    user_id      bigint      primary key references app_user (id) on delete cascade,
    withdrawn_at timestamptz not null
);
