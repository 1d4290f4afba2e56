-- Display preferences remembered on the account: a high-contrast theme and a larger text size.
alter table app_user add column high_contrast boolean not null default false;
alter table app_user add column text_size text not null default 'STANDARD'
    check (text_size in ('STANDARD', 'LARGE', 'LARGEST'));
