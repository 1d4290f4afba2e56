-- A stable identity for a session that other schedule tools know it by (frab/pretalx "guid"). Importing a
-- schedule again matches sessions on it, so a re-import updates rather than duplicates. Sessions made in
-- Convene leave it empty and are exported with a guid derived from their id.
alter table programme_session add column guid uuid;
create unique index programme_session_guid_uk on programme_session (conference_id, guid);
