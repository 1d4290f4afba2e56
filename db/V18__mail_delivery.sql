-- The outbox page filters by state and by kind, newest first; the sender's note on a failure is a short class of
-- error (never the address or the server's whole reply), so it has a limit (mail.OutboxLimits.LAST_ERROR_MAX).
create index mail_outbox_state_recent on mail_outbox (state, created_at desc);
create index mail_outbox_kind_recent on mail_outbox (kind, created_at desc);
alter table mail_outbox add constraint mail_outbox_last_error_length check (length(last_error) <= 200);
alter table mail_outbox add constraint mail_outbox_attempts_count check (attempts >= 0);
