-- Live polls that facilitators prepare, open and close during a session, and the feedback people give after it.

create table poll (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references programme_session (id) on delete cascade,
    -- polls.PollLimits.QUESTION_MAX
    question   text        not null check (length(btrim(question)) between 1 and 200),
    multiple   boolean     not null,
    -- answers are counted, never shown by name; who answered is forgotten when the poll closes
    anonymous  boolean     not null,
    state      text        not null check (state in ('DRAFT', 'OPEN', 'CLOSED')),
    created_by bigint      references app_user (id) on delete set null,
    created_at timestamptz not null,
    opened_at  timestamptz,
    closed_at  timestamptz,
    check ((state = 'DRAFT') = (opened_at is null)),
    check ((state = 'CLOSED') = (closed_at is not null))
);
create index poll_session on poll (session_id, id);

create table poll_option (
    poll_id  bigint   not null references poll (id) on delete cascade,
    -- polls.PollLimits.OPTIONS_MAX
    position smallint not null check (position between 1 and 8),
    -- polls.PollLimits.OPTION_MAX
    label    text     not null check (length(btrim(label)) between 1 and 100),
    primary key (poll_id, position)
);

-- One row per person per poll: the unique constraint, not a check in the service, keeps it to one when two
-- answers from the same person race. choices are option positions. user_id is what enforces "one answer each"
-- and lets an answer be changed while the poll is open; closing an anonymous poll sets it to null, so afterwards
-- nothing links an answer to a person.
create table poll_answer (
    id          bigint generated always as identity primary key,
    poll_id     bigint      not null references poll (id) on delete cascade,
    user_id     bigint      references app_user (id) on delete set null,
    choices     smallint[]  not null check (cardinality(choices) between 1 and 8),
    answered_at timestamptz not null,
    unique (poll_id, user_id)
);

-- Feedback after a session: three questions on a scale and free text, all optional but not all empty. user_id
-- keeps it to one per signed-in person (changeable) and is never shown; feedback a facilitator typed in for
-- someone who gave it by phone has none, and notes who typed it.
create table session_feedback (
    id          bigint generated always as identity primary key,
    session_id  bigint      not null references programme_session (id) on delete cascade,
    user_id     bigint      references app_user (id) on delete set null,
    useful      smallint    check (useful between 1 and 5),
    accessible  smallint    check (accessible between 1 and 5),
    come_again  text        check (come_again in ('YES', 'PARTLY', 'NO')),
    -- polls.FeedbackLimits.COMMENT_MAX
    comment     text        check (length(comment) between 1 and 1000),
    by_phone    boolean     not null,
    entered_by  bigint      references app_user (id) on delete set null,
    given_at    timestamptz not null,
    unique (session_id, user_id),
    check (useful is not null or accessible is not null or come_again is not null or comment is not null),
    -- entered_by goes to null if that account is deleted, so only the other way round is a rule
    check (by_phone or entered_by is null)
);
create index session_feedback_session on session_feedback (session_id, id);
