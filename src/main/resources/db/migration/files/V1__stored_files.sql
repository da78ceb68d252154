-- Metadata of uploads; the bytes are in the blob store under their SHA-256 (one copy per content).
create table files.stored_file (
    id            uuid primary key,
    sha256        char(64) not null,
    size          bigint not null check (size > 0),
    content_type  varchar(100) not null,
    original_name varchar(255) not null,
    uploaded_by   varchar(100) not null,
    uploaded_at   timestamptz not null,
    owner         varchar(200),            -- null while waiting to be attached
    attached_at   timestamptz
);
create index stored_file_sha256 on files.stored_file (sha256);
create index stored_file_owner on files.stored_file (owner);
create index stored_file_waiting on files.stored_file (uploaded_at) where owner is null;
