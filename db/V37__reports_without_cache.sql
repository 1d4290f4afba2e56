-- Reports work their figures out on every read from the presence kept as intervals change (db/V34): a session's
-- figures read its few thousand kept rows and the conference's its kept counts, within the targets at 1,000,000
-- intervals (docs/benchmarks.md, "Attendance reports"). The cached figures of db/V11, the triggers that forgot them
-- and the claim that guarded their refresh are no longer needed, so a report never writes and a change of
-- attendance no longer deletes cached rows.

drop trigger attendance_interval_inserted on attendance_interval;
drop trigger attendance_interval_updated on attendance_interval;
drop trigger attendance_interval_deleted on attendance_interval;
drop trigger agenda_item_inserted on agenda_item;
drop trigger agenda_item_deleted on agenda_item;
drop trigger programme_session_moved on programme_session;
drop trigger programme_session_removed on programme_session;
drop trigger programme_session_registration_changed on programme_session;
drop trigger conference_zone_changed on conference;
drop trigger conference_rule_changed on conference;
drop trigger conference_rule_changed_sessions on conference;

drop function attendance_forget_summaries();
drop function attendance_forget_session();
drop function attendance_forget_conference();
drop function attendance_forget_rule();

-- db/V34's version, without forgetting the cached figures of an interval moved to another session.
create or replace function attendance_interval_kept() returns trigger language plpgsql as $$
declare
    sessions bigint[];
    users    bigint[];
begin
    if tg_op = 'INSERT' then
        select array_agg(distinct n.session_id), array_agg(distinct n.user_id) into sessions, users
        from new_rows n where n.left_at is not null;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct o.session_id), array_agg(distinct o.user_id) into sessions, users
        from old_rows o where o.left_at is not null;
    else
        select array_agg(distinct x.session_id), array_agg(distinct x.user_id) into sessions, users
        from (select o.session_id, o.user_id, n.session_id as new_session, n.user_id as new_user
              from old_rows o join new_rows n on n.id = o.id
              where o.left_at is distinct from n.left_at or o.joined_at <> n.joined_at
                 or o.session_id <> n.session_id or o.user_id <> n.user_id) c
        cross join lateral (values (c.session_id, c.user_id), (c.new_session, c.new_user)) x (session_id, user_id);
    end if;
    if sessions is not null then
        perform attendance_keep(sessions, users);
    end if;
    return null;
end
$$;

drop table attendance_day_summary;
drop table attendance_conference_summary;
drop table attendance_session_summary;

-- Each session's people's seconds in order, with the person for swapping in the people still there: the
-- figures of all of a conference's sessions (the ranking, in one statement) read this narrow index only, instead
-- of every kept row with its ranges (at 1,000,000 intervals: 500,000 kept rows, 10,000 pages).
create index attendance_presence_seconds_idx on attendance_presence (session_id, seconds) include (user_id);
