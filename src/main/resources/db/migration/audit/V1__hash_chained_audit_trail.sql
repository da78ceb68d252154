-- Append-only audit trail: each row links to the previous one by hash.
create table audit.entry (
    seq           bigint primary key,
    occurred_at   timestamptz not null,
    actor         varchar(100) not null,
    action        varchar(80) not null,
    target        varchar(200) not null,
    summary       varchar(1000) not null,
    previous_hash char(64) not null,
    hash          char(64) not null
);
create index entry_occurred_at on audit.entry (occurred_at);

-- The chain head: locked for update by every append, so appends are serialised.
create table audit.chain_head (
    id        int primary key check (id = 1),
    last_seq  bigint not null,
    last_hash char(64) not null
);
insert into audit.chain_head values (1, 0, repeat('0', 64));

-- Rows are never changed or removed by the application.
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.entry is append-only (% refused)', tg_op;
end $$;
create trigger entry_append_only before update or delete or truncate on audit.entry
    for each statement execute function audit.refuse_change();
