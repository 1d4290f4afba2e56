-- Open STOMP connections trust a person's token and roles between checks. Every change that could withdraw them
-- tells every node at once (after commit), whichever code made it: 't<token id>' when a token is revoked or
-- deleted, 'u<user id>' when a person's roles, name or address change or the account goes.
create function notify_token_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('convene_credentials', 't' || old.id);
    return null;
end $$;

create trigger api_token_revoked after update of revoked_at on api_token
    for each row when (new.revoked_at is not null and old.revoked_at is null)
    execute function notify_token_change();
create trigger api_token_deleted after delete on api_token
    for each row execute function notify_token_change();

create function notify_user_role_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('convene_credentials', 'u' || coalesce(new.user_id, old.user_id));
    return null;
end $$;

create trigger user_role_changed after insert or delete on user_role
    for each row execute function notify_user_role_change();

create function notify_user_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('convene_credentials', 'u' || old.id);
    return null;
end $$;

create trigger app_user_changed after update of email, display_name on app_user
    for each row execute function notify_user_change();
create trigger app_user_deleted after delete on app_user
    for each row execute function notify_user_change();
