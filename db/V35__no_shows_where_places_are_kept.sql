-- No-shows, and the registrations they are a share of, count only in sessions where adding the session to an
-- agenda took a place (it has places, or needs the hosts' approval). Elsewhere an agenda is a bookmark: anyone
-- could come without one, so "registered and never came" says nothing. The one definition of that rule, for the
-- report statements (sql/*.sql) and the Java reads (jOOQ's Routines.sessionTakesPlaces) alike. It reads the
-- session's current setting, so a report follows a session changed from places to none or back.
create function session_takes_places(capacity integer, registration_needs_approval boolean) returns boolean
    language sql immutable parallel safe as $$
    select capacity is not null or coalesce(registration_needs_approval, false)
$$;

-- A conference's cached "registered" counted every agenda until now; from now it counts registrations for sessions
-- with places only. Forget what was cached under the old meaning.
delete from attendance_conference_summary;

-- How many stays a meeting tool's report held was stored at upload, and went stale when a deleted account's matched
-- lines were deleted with it. Every count of an import is now worked out from its rows.
alter table attendance_import drop column participants;
