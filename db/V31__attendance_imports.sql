-- Attendance from the meeting tool (Zoom, Microsoft Teams, BigBlueButton) and people who joined by phone.
-- Both are closed rows of attendance_interval, marked by their source, so every figure and report reads them as
-- it reads Convene's own (the interval triggers of V11 forget the cached figures as usual).

-- One upload of a meeting tool's participant report for a session. A session keeps at most one import per
-- format: uploading the same tool's report again replaces the earlier one, so nothing is counted twice.
create table attendance_import (
    id           bigint generated always as identity primary key,
    session_id   bigint      not null references programme_session (id) on delete cascade,
    format       text        not null check (format in ('ZOOM', 'TEAMS', 'BIGBLUEBUTTON')),
    file_name    text        not null check (length(file_name) between 1 and 255),
    -- the person who uploaded it; kept as null when their account is deleted
    uploaded_by  bigint      references app_user (id) on delete set null,
    uploaded_at  timestamptz not null,
    -- the zone the file's times were read in (meeting tools write local times without a zone)
    time_zone    text        not null,
    participants integer     not null check (participants >= 0),
    unique (session_id, format)
);

-- Each join and leave the file held, matched to an account or not. A matched row has its interval; an unmatched
-- one is kept so the host can match it by hand.
create table attendance_import_row (
    id          bigint generated always as identity primary key,
    import_id   bigint      not null references attendance_import (id) on delete cascade,
    line        integer     not null,
    name        text        not null check (length(name) between 1 and 200),
    email       text        check (email = lower(email) and length(email) between 3 and 254),
    joined_at   timestamptz not null,
    left_at     timestamptz not null,
    user_id     bigint      references app_user (id) on delete set null,
    -- matched by hand rather than by email (a replaced import carries hand matches over)
    by_hand     boolean     not null default false,
    check (left_at >= joined_at)
);
create index attendance_import_row_import_idx on attendance_import_row (import_id);

alter table attendance_interval
    add column source text not null default 'CONVENE' check (source in ('CONVENE', 'IMPORT', 'PHONE')),
    add column import_id bigint references attendance_import (id) on delete cascade,
    -- who marked a phone join (null for the other sources, or when that account is deleted)
    add column recorded_by bigint references app_user (id) on delete set null,
    add constraint attendance_interval_import_source check ((source = 'IMPORT') = (import_id is not null)),
    -- only Convene's own intervals are ever open: imported and phone presence is known from start to end
    add constraint attendance_interval_closed_source check (source = 'CONVENE' or (left_at is not null
                                                                                     and last_seen_at = left_at));
create index attendance_interval_import_idx on attendance_interval (import_id) where import_id is not null;
create index attendance_interval_phone_idx on attendance_interval (session_id) where source = 'PHONE';
