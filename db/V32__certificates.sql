-- Certificates of attendance. Organisers can switch them off per conference (on unless they do).
alter table conference add column certificates_enabled boolean not null default true;

-- One issued certificate: the facts as they were when it was issued, so later changes (a renamed session, an
-- imported meeting report, a changed name or rule) never alter what a verification says about it. Downloading
-- again with the same facts gives the same certificate and code; changed facts issue a new one, and the older one
-- stays genuine for what it said on its day. A deleted account takes its certificates with it.
create table certificate (
    id              bigint generated always as identity primary key,
    -- random, shown on the PDF and in the verification address; never derived from an id
    code            text        not null unique check (code ~ '^[0-9A-Z]{20}$'),
    user_id         bigint      not null references app_user (id) on delete cascade,
    conference_id   bigint      not null references conference (id) on delete cascade,
    -- null: a certificate for the whole conference
    session_id      bigint references programme_session (id) on delete cascade,
    person_name     text        not null,
    conference_name text        not null,
    -- the conference's zone then, for the times the certificate prints
    time_zone       text        not null,
    rule_percent    smallint    not null check (rule_percent between 1 and 100),
    total_minutes   integer     not null check (total_minutes >= 0),
    -- a digest of the facts above and the lines below: the same facts find the same certificate
    facts_digest    text        not null,
    issued_at       timestamptz not null,
    unique (user_id, conference_id, facts_digest)
);
create index certificate_user_idx on certificate (user_id);

-- The sessions a certificate names, in programme order: one for a session's certificate, each session met for
-- a conference's.
create table certificate_line (
    certificate_id bigint      not null references certificate (id) on delete cascade,
    position       integer     not null,
    session_title  text        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    minutes        integer     not null check (minutes >= 0),
    primary key (certificate_id, position)
);
