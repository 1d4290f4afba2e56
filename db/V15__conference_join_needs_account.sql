-- Per conference, whether following a session's Join link needs a signed-in account. Off keeps what every
-- conference did before: anyone with the link is sent to the meeting in its join window.
alter table conference add column join_needs_account boolean not null default false;
