-- Registration by approval: the hosts of such a session approve each person who asks for a place (with places or
-- without). A request takes no place and is not on the agenda; an approval puts the session on the person's agenda
-- (taking a place, under the session's row lock, as adding does); both answers are told on the agenda and by email.

alter table programme_session add column registration_needs_approval boolean not null default false;

-- Waiting for the hosts' answer, in the order people asked (id breaks ties of the same instant).
create table registration_request (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references programme_session (id) on delete cascade,
    user_id    bigint      not null references app_user (id) on delete cascade,
    asked_at   timestamptz not null,
    unique (session_id, user_id)
);
create index registration_request_order_idx on registration_request (session_id, asked_at, id);
create index registration_request_user_idx on registration_request (user_id);

-- The hosts' answer, shown on the person's agenda until dismissed (email key: registration-answer:<id>).
-- 500: agenda.RegistrationRequests.MESSAGE_MAX, the limit the service and the page use.
create table registration_answer (
    id          bigint generated always as identity primary key,
    session_id  bigint      not null references programme_session (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    approved    boolean     not null,
    message     text check (char_length(message) between 1 and 500),
    answered_at timestamptz not null,
    seen        boolean     not null default false
);
create index registration_answer_unseen_idx on registration_answer (user_id) where not seen;

-- No-shows count only in sessions with places or approval, so the cached figures of a session (and of its
-- conference) are forgotten when either changes (V11's function, as for a moved session).
create trigger programme_session_registration_changed
    after update of capacity, registration_needs_approval on programme_session
    for each row
    when ((old.capacity is null) <> (new.capacity is null)
          or old.registration_needs_approval <> new.registration_needs_approval)
    execute function attendance_forget_session();
