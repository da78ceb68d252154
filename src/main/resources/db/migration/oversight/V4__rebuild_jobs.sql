-- A rebuild of the projections runs in the background as a job with its progress (issue 12): at 5,000,000 dossiers
-- it replays about 30 million events, far longer than an HTTP request may take. One runs at a time, on any node.
create table oversight.rebuild (
    id           uuid primary key,
    started_by   text not null,
    started_at   timestamptz not null,
    progress_at  timestamptz not null,
    finished_at  timestamptz,
    state        text not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    -- the journal position the replay has to reach (the last event when it started) and where it stands
    target_position bigint not null,
    position     bigint not null default 0,
    events       bigint not null default 0,
    dossiers     bigint,
    late_steps   bigint,
    failure      text,
    check ((state = 'RUNNING') = (finished_at is null))
);
create unique index rebuild_one_running on oversight.rebuild ((true)) where state = 'RUNNING';
create index rebuild_started_idx on oversight.rebuild (started_at desc);

-- The rebuild empties the projections with TRUNCATE (a DELETE would fire the rollup trigger for every row), which the
-- application's role may not do (it reads and writes rows only): this function, owned by the schema owner, does it
-- for it. Callable by the roles granted execute (ModuleMigrations grants the application's role), not by PUBLIC.
create function oversight.empty_projections() returns void
    language sql security definer set search_path = pg_catalog, oversight as $$
    truncate oversight.dossier_fact, oversight.open_fact, oversight.figure_ended, oversight.figure_ended_delta,
        oversight.open_boundary, oversight.open_boundary_delta;
$$;
revoke execute on function oversight.empty_projections() from public;
