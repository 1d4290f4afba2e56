-- Every email Convene sends is first a row here, written in the same transaction as what caused it (a sign-up,
-- a cancelled session, a reminder's turn), so a message is never lost to a crash between the two. The sender
-- delivers pending rows (FOR UPDATE SKIP LOCKED, so several nodes share the work) and records what happened.
create table mail_outbox (
    id                bigint generated always as identity primary key,
    -- One message per person, thing and kind (e.g. 'reminder-soon:42:17'): the same cause twice, on two nodes
    -- or after a restart, makes one message.
    idempotency_key   text        not null unique check (length(idempotency_key) between 1 and 200),
    kind              text        not null check (kind ~ '^[a-z][a-z0-9-]{0,39}$'),
    recipient_user_id bigint      references app_user (id) on delete set null,
    to_address        text        not null check (length(to_address) between 3 and 254),
    subject           text        not null check (length(subject) between 1 and 200),
    text_body         text        not null,
    html_body         text        not null,
    -- RFC 8058 one-click unsubscribe address, for the List-Unsubscribe header; null for messages people cannot
    -- turn off (a password reset).
    unsubscribe_url   text,
    state             text        not null default 'PENDING'
        check (state in ('PENDING', 'SENT', 'FAILED', 'KEPT')),
    attempts          int         not null default 0,
    -- Not before this time: a reminder is written ahead, and a retry waits its back-off.
    next_attempt_at   timestamptz not null,
    created_at        timestamptz not null,
    sent_at           timestamptz,
    last_error        text
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where state = 'PENDING';
create index mail_outbox_recent on mail_outbox (created_at desc);
create index mail_outbox_recipient on mail_outbox (recipient_user_id);

-- What each person wants to hear about. No row means the default (on); a row records their choice.
create table mail_preference (
    user_id bigint  not null references app_user (id) on delete cascade,
    topic   text    not null check (topic in ('DAY_BEFORE_REMINDER', 'SOON_REMINDER', 'SESSION_CHANGES', 'RECORDINGS')),
    wanted  boolean not null,
    primary key (user_id, topic)
);

-- The secret in each person's one-click unsubscribe links (RFC 8058): a link works without logging in, so it
-- must not be guessable from the user id.
create table mail_unsubscribe_token (
    user_id bigint primary key references app_user (id) on delete cascade,
    token   text   not null unique
);
