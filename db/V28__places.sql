-- Places that are kept. A session with a capacity gives a place to each person who adds it to their agenda
-- (agenda_item is the registration) while there is one; after that people may wait in line for one.

-- Null: registration stays open (the default). Adding after this moment is refused.
alter table programme_session add column registration_closes_at timestamptz;

-- The waiting list, in the order people joined (id breaks ties of the same instant).
create table waiting_list_entry (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references programme_session (id) on delete cascade,
    user_id    bigint      not null references app_user (id) on delete cascade,
    joined_at  timestamptz not null,
    unique (session_id, user_id)
);
create index waiting_list_entry_order_idx on waiting_list_entry (session_id, joined_at, id);
create index waiting_list_entry_user_idx on waiting_list_entry (user_id);

-- "You have a place now": told on the agenda page until dismissed, and by email (key: place-given:<id>).
create table place_given (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references programme_session (id) on delete cascade,
    user_id    bigint      not null references app_user (id) on delete cascade,
    given_at   timestamptz not null,
    seen       boolean     not null default false
);
create index place_given_unseen_idx on place_given (user_id) where not seen;
