-- Accounts, roles and the state that slows down password guessing.
create table app_user (
    id              bigint generated always as identity primary key,
    email           text        not null check (email = lower(email) and length(email) between 3 and 254),
    display_name    text        not null check (length(btrim(display_name)) between 1 and 80),
    password_hash   text        not null,
    created_at      timestamptz not null,
    -- consecutive failed log-ins and the time before which another attempt is refused
    failed_logins   integer     not null default 0,
    locked_until    timestamptz,
    version         integer     not null default 0
);
create unique index app_user_email_uk on app_user (email);

create table user_role (
    user_id    bigint not null references app_user (id) on delete cascade,
    role       text   not null check (role in ('ATTENDEE', 'FACILITATOR', 'ORGANISER')),
    granted_at timestamptz not null,
    primary key (user_id, role)
);
