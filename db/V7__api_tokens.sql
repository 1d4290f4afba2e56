-- Personal access tokens for scripts, stage displays and bots (STOMP and the HTTP API).
-- Only a SHA-256 of each token is kept; the token itself is shown to its owner once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         text        not null check (length(btrim(name)) between 1 and 100),
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);
