-- The attendance rule of a conference: someone attended a session when they were present (counted once, however
-- many windows, tabs or joins by phone they had) for at least this share of its length. Public funders often use 85 %.
alter table conference add column attendance_rule_percent smallint not null default 85
    check (attendance_rule_percent between 1 and 100);
