-- Live Q&A: questions, votes, replies, each session's settings, and the per-session event log that gives
-- every change a gap-free sequence number.

create table qa_settings (
    session_id        bigint primary key references programme_session (id) on delete cascade,
    open              boolean not null default true,
    pre_moderation    boolean not null default false,
    anonymous_allowed boolean not null default true,
    -- last sequence number handed out on the public stream and on the moderators' stream
    public_seq        bigint  not null default 0,
    moderation_seq    bigint  not null default 0,
    version           integer not null default 0
);

create table question (
    id             bigint generated always as identity primary key,
    session_id     bigint      not null references programme_session (id) on delete cascade,
    -- kept for anonymous questions too, so the asker sees their own question and rate limits apply;
    -- never shown to anyone else, facilitators included
    author_id      bigint references app_user (id) on delete set null,
    anonymous      boolean     not null default false,
    -- a facilitator typed it in for someone who sent it by phone or email
    entered_by     bigint references app_user (id) on delete set null,
    on_behalf_of   text check (length(on_behalf_of) <= 100),
    text           text        not null check (length(btrim(text)) between 1 and 500),
    state          text        not null check (state in ('PENDING', 'APPROVED', 'ANSWERED', 'DISMISSED', 'MERGED')),
    dismiss_reason text check (length(dismiss_reason) <= 300),
    pinned         boolean     not null default false,
    merged_into    bigint references question (id) on delete set null,
    vote_count     integer     not null default 0 check (vote_count >= 0),
    -- set when votes change, cleared when a coalesced votes.changed event has announced the new count
    votes_dirty    boolean     not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        integer     not null default 0,
    check (not pinned or state in ('APPROVED', 'ANSWERED'))
);
create index question_session_idx on question (session_id, state);
create index question_author_idx on question (author_id, created_at);
create index question_votes_dirty_idx on question (session_id) where votes_dirty;
-- one question on stage per session
create unique index question_one_pinned_per_session on question (session_id) where pinned;

create table question_vote (
    question_id bigint      not null references question (id) on delete cascade,
    user_id     bigint      not null references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    primary key (question_id, user_id)
);
create index question_vote_user_idx on question_vote (user_id, created_at);

create table question_reply (
    id          bigint generated always as identity primary key,
    question_id bigint      not null references question (id) on delete cascade,
    author_id   bigint references app_user (id) on delete set null,
    author_name text        not null,
    text        text        not null check (length(btrim(text)) between 1 and 2000),
    created_at  timestamptz not null
);
create index question_reply_question_idx on question_reply (question_id, created_at);

-- The event log: what changed, in order, per session and stream. Nodes read it after a NOTIFY to fan out,
-- and a client that missed events reloads the snapshot.
create table qa_event (
    session_id  bigint      not null references programme_session (id) on delete cascade,
    stream      text        not null check (stream in ('PUBLIC', 'MODERATION')),
    seq         bigint      not null,
    type        text        not null check (type in ('question.created', 'question.updated', 'question.removed',
                                                     'votes.changed', 'settings.changed')),
    question_id bigint,
    -- votes.changed: {"questionId": votes, ...}
    votes       jsonb,
    created_at  timestamptz not null,
    primary key (session_id, stream, seq)
);
