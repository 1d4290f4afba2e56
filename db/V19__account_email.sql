-- Accounts learn whether their email address is really theirs, and get the one-time links email sends them:
-- confirm the address after sign-up, choose a new password, confirm a new address.

-- When the person proved the address is theirs (by opening a link sent to it); null until then. An account
-- that is not confirmed cannot be made a facilitator or a partner host's coordinator. Accounts made before
-- Convene sent email could not confirm, and organisers already trusted them: they count as confirmed.
alter table app_user add column email_confirmed_at timestamptz;
update app_user set email_confirmed_at = created_at;

-- One row per link sent. Only a SHA-256 of the token is kept (as for API tokens and host invitations): the
-- token itself is only in the message. A link works once, until it expires.
create table account_link (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id) on delete cascade,
    kind        text        not null check (kind in ('CONFIRM_ADDRESS', 'RESET_PASSWORD', 'CHANGE_ADDRESS')),
    token_hash  text        not null unique,
    -- The address a CHANGE_ADDRESS link moves the account to (checked again when it is used).
    new_email   text        check (new_email = lower(new_email) and length(new_email) between 3 and 254),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    -- Used, or made useless by a newer link or a change of address: either way it no longer works.
    used_at     timestamptz,
    check ((kind = 'CHANGE_ADDRESS') = (new_email is not null))
);
create index account_link_user_idx on account_link (user_id, kind) where used_at is null;
