-- Live captions (issue #15): who types them, the lines themselves, what each reader chose for the caption pane,
-- and the transcript a host corrects and publishes after the session.

-- A captioner is assigned per session like a facilitator (programme.PersonRole.CAPTIONER).
alter table session_person drop constraint session_person_role_check;
alter table session_person add constraint session_person_role_check
    check (role in ('FACILITATOR', 'SPEAKER', 'CAPTIONER'));

-- One row per session that has captions or a CART address. Writers lock it, so lines get their numbers in the
-- order they commit and two senders never take the same one.
create table caption_session (
    session_id   bigint      primary key references programme_session (id) on delete cascade,
    -- a CART provider's streaming-text page (programme.WebAddresses, https only)
    cart_url     text        check (length(cart_url) <= 2000 and cart_url ~ '^https://'),
    -- the last line number and the last change number given out
    last_line    bigint      not null default 0,
    last_change  bigint      not null default 0,
    -- when the host published the corrected transcript (null: not published)
    published_at timestamptz,
    version      integer     not null default 0
);

create table caption_line (
    id           bigint      generated always as identity primary key,
    session_id   bigint      not null references caption_session (session_id) on delete cascade,
    -- the line's place in the session (1, 2, 3 ...), kept when the line is revised
    line         bigint      not null,
    -- the change that last wrote it: readers ask for "changes after N"
    change       bigint      not null,
    sender_id    bigint      references app_user (id) on delete set null,
    -- captions.CaptionLimits.LINE_MAX
    text         text        not null check (length(text) between 1 and 500),
    final        boolean     not null,
    started_at   timestamptz not null,
    sent_at      timestamptz not null,
    revisions    integer     not null default 0,
    -- the host's correction for the transcript (null: as sent); the line as sent stays
    corrected    text        check (length(corrected) between 1 and 500),
    unique (session_id, line)
);
create index caption_line_change on caption_line (session_id, change);
-- A sender has at most one line still being revised per session: their next line replaces it until it is final.
create unique index caption_line_open on caption_line (session_id, sender_id) where not final;

-- What each signed-in reader chose for the caption pane (anonymous readers: for the open page only).
create table caption_preference (
    user_id       bigint  primary key references app_user (id) on delete cascade,
    large_text    boolean not null default false,
    spacious      boolean not null default false,
    high_contrast boolean not null default false,
    announce      boolean not null default false
);
