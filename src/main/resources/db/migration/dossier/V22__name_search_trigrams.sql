-- The desk's search by name (DossierStore.search: applicant_name_folded like '%…%', a fragment of the folded name,
-- "van an" finds "Nguyễn Văn An") read every dossier of the caller's scope: 0.6-1.3 s at a million dossiers. A
-- trigram index answers the infix match. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, so the
-- database owner who runs the migrations may create it (README, Production). It goes into the schema Flyway migrates
-- (dossier) unless the database has it already; the operator class is taken from wherever it is.
create extension if not exists pg_trgm;

do $$
declare
    trgm_schema text;
begin
    select n.nspname into strict trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm';
    execute format('create index dossier_name_trgm_idx on dossier.dossier using gin (applicant_name_folded %I.gin_trgm_ops)',
                   trgm_schema);
end $$;
