-- The programme: conferences, their tracks and sessions, the organisations that host them, the people who run them.
create table conference (
    id          bigint generated always as identity primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
    name        text not null check (length(btrim(name)) between 1 and 200),
    theme       text,
    description text,
    time_zone   text not null,
    first_day   date not null,
    last_day    date not null,
    version     integer not null default 0,
    check (last_day >= first_day)
);

create table track (
    id            bigint generated always as identity primary key,
    conference_id bigint  not null references conference (id) on delete cascade,
    name          text    not null check (length(btrim(name)) between 1 and 100),
    position      integer not null default 0,
    unique (conference_id, name)
);

-- Host organisations span conferences: a charity hosts sessions year after year.
create table host_organisation (
    id          bigint generated always as identity primary key,
    name        text not null check (length(btrim(name)) between 1 and 200),
    website     text,
    description text
);
create unique index host_organisation_name_uk on host_organisation (lower(name));

create table person (
    id           bigint generated always as identity primary key,
    name         text not null check (length(btrim(name)) between 1 and 200),
    bio          text,
    organisation text,
    -- the account of a person who facilitates, so that they may moderate their sessions
    user_id      bigint references app_user (id) on delete set null
);
create index person_user_idx on person (user_id);

create table programme_session (
    id                 bigint generated always as identity primary key,
    conference_id      bigint      not null references conference (id) on delete cascade,
    title              text        not null check (length(btrim(title)) between 1 and 200),
    summary_markdown   text        not null default '',
    format             text        not null check (format in ('WEBINAR', 'WORKSHOP', 'TALK', 'PANEL', 'SOCIAL',
                                                              'PERFORMANCE', 'DROP_IN')),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    track_id           bigint references track (id) on delete set null,
    host_id            bigint references host_organisation (id) on delete set null,
    join_url           text check (join_url ~ '^https?://'),
    recording_url      text check (recording_url ~ '^https?://'),
    capacity           integer check (capacity > 0),
    bsl_interpretation boolean     not null default false,
    live_captions      boolean     not null default false,
    easy_read          boolean     not null default false,
    audio_or_phone     boolean     not null default false,
    built_in_breaks    boolean     not null default false,
    access_notes       text,
    version            integer     not null default 0,
    check (ends_at > starts_at)
);
create index programme_session_conference_start_idx on programme_session (conference_id, starts_at);

create table session_person (
    session_id bigint  not null references programme_session (id) on delete cascade,
    person_id  bigint  not null references person (id) on delete cascade,
    role       text    not null check (role in ('FACILITATOR', 'SPEAKER')),
    position   integer not null default 0,
    primary key (session_id, person_id, role)
);
create index session_person_person_idx on session_person (person_id);
