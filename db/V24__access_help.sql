-- Access help during a session: one-press private signals from an attendee to the session's facilitators
-- ("Captions have stopped", "I cannot hear", ...). Facilitators see recent counts live; the session report shows
-- the totals, so hosts learn what failed. user_id is kept only to limit how many one person sends; reports never
-- name anyone.
create table access_help_signal (
    id         bigint generated always as identity primary key,
    session_id bigint      not null references programme_session (id) on delete cascade,
    user_id    bigint      references app_user (id) on delete set null,
    kind       text        not null check (kind in ('CAPTIONS_STOPPED', 'CANNOT_HEAR', 'TOO_FAST', 'NEED_BREAK',
                                                    'CANNOT_SEE_INTERPRETER', 'SOMETHING_ELSE')),
    -- accesshelp.AccessHelpLimits.TEXT_MAX; only "Something else" carries words
    note       text        check (note is null or (length(note) between 1 and 200 and kind = 'SOMETHING_ELSE')),
    sent_at    timestamptz not null
);
create index access_help_signal_session on access_help_signal (session_id, sent_at);
create index access_help_signal_user on access_help_signal (user_id, sent_at) where user_id is not null;

-- BSL: the interpreter's video during the session (an embeddable player or a plain link, https only, as
-- programme.WebAddresses checks) and the BSL version of the recording, published with the recording.
alter table programme_session
    add column bsl_video_url     text check (length(bsl_video_url) <= 2000 and bsl_video_url ~ '^https://'),
    add column bsl_recording_url text check (length(bsl_recording_url) <= 2000 and bsl_recording_url ~ '^https?://');
