-- Failed log-ins are now counted per account and client address, in memory on each node (account.LoginAttempts),
-- so these per-account counters are no longer read or written.
alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;
