-- Publishing decisions (quyết định công bố) and the items they contain.
create table catalog.decision (
    id             uuid primary key,
    number         varchar(100) not null,
    decided_on     date not null,
    issuer         varchar(300) not null,
    effective_date date not null,
    source         varchar(20) not null check (source in ('MANUAL', 'IMPORT')),
    applied_at     timestamptz,
    applied_by     varchar(100),
    created_at     timestamptz not null
);
create index decision_number on catalog.decision (number);

create table catalog.decision_item (
    decision_id uuid not null references catalog.decision (id),
    position    int not null,
    code        varchar(8) not null,
    change      varchar(10) not null check (change in ('NEW', 'AMENDED', 'REPLACED', 'ABOLISHED')),
    replaced_by varchar(8),
    record      jsonb,
    primary key (decision_id, position)
);

-- Every version a procedure has had; nothing is edited in place, a version is only closed (valid_to).
create table catalog.procedure_version (
    id           uuid primary key,
    code         varchar(8) not null,
    version_no   int not null,
    decision_id  uuid not null references catalog.decision (id),
    valid_from   date not null,
    valid_to     date,
    name         varchar(2000) not null,
    field        varchar(500) not null,
    levels       varchar(100) not null,
    online_level varchar(10) not null,
    record       jsonb not null,
    unique (code, version_no)
);
create index procedure_version_open on catalog.procedure_version (code) where valid_to is null;
create index procedure_version_period on catalog.procedure_version (code, valid_from, valid_to);
