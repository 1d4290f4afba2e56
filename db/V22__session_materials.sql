-- Slides, an easy-read version, handouts: what a session's hosts share with its attendees. A material is either
-- a file kept here or a web address, and is published at publish_at (null: a hidden draft). publish_rule says
-- how publish_at was chosen, so that it follows the session when the session moves (see the trigger below).
create table session_material (
    id           bigint generated always as identity primary key,
    session_id   bigint      not null references programme_session (id) on delete cascade,
    kind         text        not null check (kind in ('SLIDES', 'EASY_READ', 'HANDOUT', 'OTHER')),
    -- materials.MaterialLimits.TITLE_MAX
    title        text        not null check (length(btrim(title)) between 1 and 120),
    -- a web address (programme.WebAddresses, https only) ...
    web_address  text        check (length(web_address) <= 2000 and web_address ~ '^https://'),
    -- ... or a file: its type found from its first bytes (materials.FileType), its size and the name it came with
    file_type    text        check (file_type in ('PDF', 'DOCX', 'PPTX', 'ODT', 'ODP', 'ODS', 'TEXT', 'PNG',
                                                  'JPEG', 'GIF', 'WEBP')),
    file_size    bigint      check (file_size > 0),
    file_name    text        check (length(file_name) between 1 and 255),
    publish_rule text        not null check (publish_rule in ('HIDDEN', 'NOW', 'DAY_BEFORE', 'AFTER_SESSION')),
    publish_at   timestamptz,
    position     integer     not null default 0,
    created_by   bigint      references app_user (id) on delete set null,
    created_at   timestamptz not null,
    check ((web_address is null) <> (file_type is null)),
    check ((file_type is null) = (file_size is null) and (file_type is null) = (file_name is null)),
    check ((publish_rule = 'HIDDEN') = (publish_at is null))
);
create index session_material_session on session_material (session_id, position, id);

-- The bytes apart from the row, so that listing materials never reads them.
create table session_material_file (
    material_id bigint primary key references session_material (id) on delete cascade,
    content     bytea  not null
);

-- When a material following a rule is published: the one definition, used by materials.MaterialQueries when a
-- host saves and by the trigger when a session moves. "The day before" starts at midnight at the start of the
-- day before the session's day in the conference's time zone, so every reminder sent that day can link to it.
create function material_publish_at(p_rule text, p_starts_at timestamptz, p_ends_at timestamptz, p_zone text,
                                    p_now timestamptz) returns timestamptz
    language sql stable as
$$
select case p_rule
           when 'NOW' then p_now
           when 'DAY_BEFORE' then (((p_starts_at at time zone p_zone)::date - 1)::timestamp at time zone p_zone)
           when 'AFTER_SESSION' then p_ends_at
       end
$$;

create function session_material_follows_session() returns trigger
    language plpgsql as
$$
begin
    update session_material m
    set publish_at = material_publish_at(m.publish_rule, new.starts_at, new.ends_at,
                                         (select c.time_zone from conference c where c.id = new.conference_id),
                                         m.publish_at)
    where m.session_id = new.id and m.publish_rule in ('DAY_BEFORE', 'AFTER_SESSION');
    return new;
end
$$;

create trigger session_material_follows_session after update of starts_at, ends_at on programme_session
    for each row when (new.starts_at <> old.starts_at or new.ends_at <> old.ends_at)
    execute function session_material_follows_session();
