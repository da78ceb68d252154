-- The audit trail without a global lock (issue 4). An action's transaction inserts one record carrying an
-- HMAC made with a key that is not in the database; nothing else is locked or updated. A sealer (one node at
-- a time) later covers every committed record, in transaction order, with a keyed seal chained to the one
-- before. See vn.motcua.audit.package-info.
create sequence audit.record_id_seq increment by 64;   -- each node reserves ids in blocks of 64

create table audit.record (
    id          bigint primary key,
    -- The writing transaction: the sealer covers transactions below the oldest one still running, so a
    -- record is sealed only once every record that could come before it has committed or rolled back.
    tx          xid8 not null default pg_current_xact_id(),
    occurred_at timestamptz not null,
    actor       varchar(100) not null,
    action      varchar(80) not null,
    target      varchar(200) not null,
    summary     varchar(1000) not null,
    key_id      varchar(40) not null,
    mac         char(64) not null
);
create index record_tx on audit.record (tx, id);
create index record_occurred_at on audit.record (occurred_at);
create index record_target on audit.record (target, id);

create table audit.seal (
    seal_no      bigint primary key,
    sealed_at    timestamptz not null,
    from_tx      xid8 not null,       -- covers the records with from_tx <= tx < to_tx
    to_tx        xid8 not null,
    record_ids   bigint[] not null,   -- in (tx, id) order: a removed or inserted record is named by id
    digest       char(64) not null,   -- SHA-256 over the previous seal's MAC and each record's id and MAC
    previous_mac char(64) not null,
    key_id       varchar(40) not null,
    mac          char(64) not null
);

-- Rows written before this migration keep their SHA-256 chain (key 'legacy-sha256', mac = the old hash) and are
-- covered by the first seal like any other record.
insert into audit.record (id, occurred_at, actor, action, target, summary, key_id, mac)
select seq, occurred_at, actor, action, target, summary, 'legacy-sha256', hash from audit.entry;
select setval('audit.record_id_seq', (select coalesce(max(seq), 0) + 1 from audit.entry), false);

drop trigger entry_append_only on audit.entry;
drop table audit.entry;
drop table audit.chain_head;

create trigger record_append_only before update or delete or truncate on audit.record
    for each statement execute function audit.refuse_change();
create trigger seal_append_only before update or delete or truncate on audit.seal
    for each statement execute function audit.refuse_change();
