-- Personal agendas and the private calendar feed of each.
create table agenda_item (
    user_id    bigint      not null references app_user (id) on delete cascade,
    session_id bigint      not null references programme_session (id) on delete cascade,
    added_at   timestamptz not null,
    primary key (user_id, session_id)
);
create index agenda_item_session_idx on agenda_item (session_id);

-- Only a hash of the feed token is kept: the token itself is a bearer secret in a URL.
create table calendar_feed (
    user_id    bigint primary key references app_user (id) on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null
);
