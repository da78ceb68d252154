-- PostgreSQL's own limit for a dossier transition (docs/benchmarks.md, issue 11): the tables of
-- bench/pgbench-transition.pgbench. A dossier row as wide as motcua's (applicant and documents as JSON, agencies,
-- procedure, times) with as many indexes on it as dossier.dossier has, and the append-only history with its index.
-- :clients × 10,000 rows at version 0; LifecycleComparison reloads them before every pgbench run.
drop schema if exists bench cascade;
create schema bench;
create table bench.dossier (
    id                 bigint primary key,
    code               text not null unique,
    state              text not null,
    national_status    smallint not null,
    procedure_code     text not null,
    handling_agency_id uuid not null,
    receiving_agency_id uuid not null,
    applicant_name     text not null,
    applicant_id_number text,
    applicant          jsonb not null,
    documents          jsonb not null,
    received_at        timestamptz not null,
    due_at             timestamptz not null,
    assignee           text,
    version            int not null
);
create index on bench.dossier (receiving_agency_id, received_at desc);
create index on bench.dossier (handling_agency_id, received_at desc);
create index on bench.dossier (applicant_id_number, received_at desc);
create index on bench.dossier (handling_agency_id, state, due_at);
create index on bench.dossier (assignee, due_at) where assignee is not null;
create table bench.history (
    id              bigserial primary key,
    dossier_id      bigint not null references bench.dossier (id),
    at              timestamptz not null,
    actor           text not null,
    from_state      text,
    to_state        text not null,
    national_status smallint not null,
    public_note     text not null,
    note            text not null default ''
);
create index on bench.history (dossier_id, id);
insert into bench.dossier
select g, 'H36.10-261201-' || lpad(g::text, 7, '0'), 'RECEIVED', 2, '2.000908', '5b1b7b52-8a3e-4b59-9d0e-6c3e4a3b2a10',
       '0c7d6c9e-2f4b-4b1e-9d7a-3f6a2b1c0d01', 'Nguyễn Văn Thử ' || g, '0680900' || lpad(g::text, 5, '0'),
       jsonb_build_object('type', 'CITIZEN', 'name', 'Nguyễn Văn Thử ' || g, 'idNumber', '0680900' || lpad(g::text, 5, '0'),
                          'birthDate', '1990-05-17', 'phone', '0912345678', 'address', 'Số 12 đường Trần Phú, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng'),
       jsonb_build_array(jsonb_build_object('number', 1, 'name', 'Tờ khai đăng ký khai sinh theo mẫu', 'mandatory', true, 'originals', 1, 'copies', 0),
                         jsonb_build_object('number', 2, 'name', 'Giấy chứng sinh do cơ sở y tế cấp', 'mandatory', true, 'originals', 1, 'copies', 0),
                         jsonb_build_object('number', 3, 'name', 'Văn bản ủy quyền (nếu có)', 'mandatory', false, 'originals', 0, 'copies', 0)),
       now(), now() + interval '5 days', null, 0
from generate_series(0, :clients * 100000 + 9999) g
where g % 100000 < 10000;
vacuum analyze bench.dossier;
