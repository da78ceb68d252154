-- Internal processes (quy trình nội bộ) with step budgets, per procedure and optionally per handling agency,
-- versioned by the approving decision; a new version closes the previous one the day before it applies.
create table catalog.internal_process (
    id                   uuid primary key,
    code                 varchar(8) not null,
    agency_electronic_id varchar(35),
    version_no           int not null,
    decision_number      varchar(100) not null,
    decision_date        date not null,
    valid_from           date not null,
    valid_to             date,
    steps                jsonb not null,
    created_at           timestamptz not null,
    unique (code, agency_electronic_id, version_no)
);
create index internal_process_open on catalog.internal_process (code, agency_electronic_id) where valid_to is null;
