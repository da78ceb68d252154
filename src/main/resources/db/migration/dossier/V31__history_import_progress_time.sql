-- When a historical import last moved on (each chunk written): a job that has not for a while is not running any more
-- (its process stopped) and is marked FAILED, instead of showing "running" on the admin page for ever.
alter table dossier.history_import add column progress_at timestamptz;
update dossier.history_import set progress_at = coalesce(finished_at, started_at);
alter table dossier.history_import alter column progress_at set not null;
create index history_import_running_idx on dossier.history_import (progress_at) where state = 'RUNNING';
