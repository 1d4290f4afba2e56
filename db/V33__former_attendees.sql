-- Deleting an account keeps the questions its person asked (the session's record stays whole) but shows them as a
-- former attendee's: author_id goes to null by its foreign key, and this marks why, so the question is not shown
-- as anonymous or as typed in by a facilitator. Set before the row goes, by a trigger, so an operator deleting an
-- account by hand gets the same.
alter table question add column author_removed boolean not null default false;

create function mark_former_attendee() returns trigger language plpgsql as $$
begin
    update question set author_removed = true where author_id = old.id;
    return old;
end $$;

create trigger app_user_former_attendee before delete on app_user
    for each row execute function mark_former_attendee();
