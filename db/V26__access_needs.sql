-- Access needs and access arrangements (docs/access.md, "Access needs and access arrangements").
-- The feature names are programme.AccessFeature's, as in the timetable's filters.

-- What an attendee recorded once in their account, all optional: when they last saved, and the features.
-- There is no free text: hosts see counts only, and a person's own words could tell who they are. Deleted with
-- the account, and by access.AccessNeedsService.applyRetention a retention period (convene.attendance.retention,
-- the same as attendance) after last use: after it was last saved and the last session on the agenda ended.
create table access_needs (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    updated_at timestamptz not null
);

create table access_need_feature (
    user_id bigint not null references access_needs (user_id) on delete cascade,
    feature text   not null check (feature in ('BSL_INTERPRETATION', 'LIVE_CAPTIONS', 'EASY_READ',
                                               'AUDIO_OR_PHONE', 'BUILT_IN_BREAKS')),
    primary key (user_id, feature)
);
create index access_need_feature_feature_idx on access_need_feature (feature);

-- How far the host has got with each feature a session advertises. No row: requested (the default), so
-- every advertised feature has a state without a write.
create table access_arrangement (
    session_id bigint      not null references programme_session (id) on delete cascade,
    feature    text        not null check (feature in ('BSL_INTERPRETATION', 'LIVE_CAPTIONS', 'EASY_READ',
                                                       'AUDIO_OR_PHONE', 'BUILT_IN_BREAKS')),
    state      text        not null check (state in ('REQUESTED', 'BOOKED', 'CONFIRMED')),
    updated_at timestamptz not null,
    primary key (session_id, feature)
);

-- A promise taken back: the host stopped offering a feature, or set a confirmed one back.
create table access_withdrawal (
    id           bigint      generated always as identity primary key,
    session_id   bigint      not null references programme_session (id) on delete cascade,
    feature      text        not null check (feature in ('BSL_INTERPRETATION', 'LIVE_CAPTIONS', 'EASY_READ',
                                                         'AUDIO_OR_PHONE', 'BUILT_IN_BREAKS')),
    kind         text        not null check (kind in ('NO_LONGER_OFFERED', 'NO_LONGER_CONFIRMED')),
    withdrawn_at timestamptz not null
);
create index access_withdrawal_session_idx on access_withdrawal (session_id);

-- The notice on a person's agenda about a withdrawal, written for those who need the feature and have the
-- session on their agenda at that moment; one per person and withdrawal (the key), kept until dismissed.
create table access_withdrawal_notice (
    withdrawal_id bigint      not null references access_withdrawal (id) on delete cascade,
    user_id       bigint      not null references app_user (id) on delete cascade,
    dismissed_at  timestamptz,
    primary key (withdrawal_id, user_id)
);
create index access_withdrawal_notice_user_idx on access_withdrawal_notice (user_id) where dismissed_at is null;
