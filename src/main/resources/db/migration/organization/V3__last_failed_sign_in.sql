-- When and from where the last wrong password for an account came: shown to the holder at the next sign-in.
alter table organization.staff add column last_failed_login_at timestamptz;
alter table organization.staff add column last_failed_login_from varchar(64);
