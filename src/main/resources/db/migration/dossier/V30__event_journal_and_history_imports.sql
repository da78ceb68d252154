-- The events the dossier module published, in the order it published them, append-only: what a consumer's
-- projection is rebuilt from (DossierReplay). The payload is the event without the applicant's contact, which the
-- replay reads from the dossier row; kind is the event record's name.
create table dossier.event_journal (
    id       bigserial primary key,
    code     text not null,
    at       timestamptz not null,
    kind     text not null,
    payload  jsonb not null
);
create trigger event_journal_append_only before update or delete on dossier.event_journal
    for each row execute function dossier.forbid_change();

-- Historical imports (dossiers with their histories from a previous vendor's system), their progress and the lines
-- they refused; imported_dossier keeps the hash of the line each imported dossier came from, so that posting the
-- same line again changes nothing and a different line for the same code is refused.
create table dossier.history_import (
    id            uuid primary key,
    started_by    text not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    file_name     text not null default '',
    file_sha256   text not null,
    total_lines   int not null,
    done_lines    int not null default 0,
    imported      int not null default 0,
    already       int not null default 0,
    rejected      int not null default 0,
    state         text not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    failure       text
);
create index history_import_started_idx on dossier.history_import (started_at desc);

create table dossier.history_import_reject (
    import_id     uuid not null references dossier.history_import (id),
    line          int not null,
    code          text not null,
    message       text not null,
    dossier_code  text,
    primary key (import_id, line)
);

create table dossier.imported_dossier (
    code          text primary key,
    content_hash  text not null,
    import_id     uuid not null references dossier.history_import (id),
    line          int not null
);
