-- Rollups of oversight.dossier_fact, so that a month, quarter or year of a province with millions of dossiers is
-- counted from a few hundred thousand rows instead of every dossier it covers (issue 12: the 766 index and the
-- leader's dashboard in ≤ 1 s at 5,000,000 dossiers; docs/benchmarks.md). A dossier counted in a period either
-- ended in it (its verdict is fixed once it ends) or was open at its end (judged at that moment); each kind has its
-- rollup (and the open ones a narrow table), written by a trigger on dossier_fact from the row before and after every write, so every path that writes
-- a fact (the events as they happen, the historical import, the rebuild) keeps them without knowing they exist.
--
-- Every writer of facts reads rollup_state at READ COMMITTED (the default, and what every path uses): a writer with
-- an older snapshot (REPEATABLE READ) could miss a boundary rolled while it ran.
--
-- Writers never contend: the trigger appends signed rows to the *_delta tables, and a job (FigureRollups) folds
-- them into the main tables every few seconds; readers add the two. A transition is in the figures once it commits.

-- The first day (Vietnam time) of the month of an instant, and the instant a month (given by its first day) begins.
create function oversight.vn_month(t timestamptz) returns date
    language sql immutable parallel safe
    return date_trunc('month', t at time zone 'Asia/Ho_Chi_Minh')::date;

create function oversight.month_start(d date) returns timestamptz
    language sql immutable parallel safe
    return d::timestamp at time zone 'Asia/Ho_Chi_Minh';

-- The instant after which a dossier counts as late (OnTimeRule, vn-rules §7.3): judged at a moment E, before or at
-- its end, a dossier is late when E > late_from. More than one supplement request is late from receipt; no
-- appointment, never late; a supplement requested after the appointment does not help; one requested before it
-- moves the instant by the time the applicant took (never late while still waiting). FactStore's JUDGED words and
-- OnTimeRule say the same; a test compares all three on generated dossiers.
create function oversight.late_from(supplements int, due timestamptz, requested timestamptz, back timestamptz)
    returns timestamptz
    language sql stable parallel safe
    return case
        when supplements > 1 then '-infinity'::timestamptz
        when due is null then 'infinity'::timestamptz
        when requested is null or due < requested then due
        when back is null then 'infinity'::timestamptz
        -- judged after the request: late once past the appointment moved by the wait (negative when the documents are
        -- dated before the request, which the dossier module never writes); judged before it: not late, the appointment
        -- is still to come
        else greatest(requested, due + (back - requested)) end;

-- The moment judged less the supplement interval up to it (FactStore's "effective").
create function oversight.effective(moment timestamptz, requested timestamptz, back timestamptz) returns timestamptz
    language sql stable parallel safe
    return moment - case when requested is null or requested >= moment then interval '0'
                         else least(coalesce(back, moment), moment) - requested end;

-- Dossiers that ended, by the month they ended in, the month they were received in, agency and procedure, with what
-- the figures count of them as columns: how many (n) and by channel, resolved (not stopped), early (an earlier
-- Vietnam day than the appointment, not late), resolved late, refused, stopped, on time, and for indicator 2.2 the
-- resolved ones with an appointment after receipt (timed) with the time they took (less the supplement interval)
-- and the time they were given, in microseconds. The channel and the verdicts are columns, not keys, so that a
-- year of a province is a few hundred thousand rows at most.
create table oversight.figure_ended (
    ended_month         date not null,
    handling_agency_id  uuid not null,
    procedure_code      text not null,
    received_month      date not null,
    n                   bigint not null,
    direct              bigint not null,
    online              bigint not null,
    postal              bigint not null,
    resolved            bigint not null,
    early               bigint not null,
    resolved_late       bigint not null,
    refused             bigint not null,
    stopped             bigint not null,
    on_time             bigint not null,
    timed               bigint not null,
    taken_us            numeric not null,
    legal_us            numeric not null,
    primary key (ended_month, handling_agency_id, procedure_code, received_month)
);
create table oversight.figure_ended_delta (like oversight.figure_ended);

-- Dossiers open at the start of a month (boundary): received before it, not ended before it, how many were late at
-- that moment. received_month older than 12 months before the boundary is kept as 13 months before it: a period of
-- at most a year ending at the boundary only asks whether a dossier was received before its start.
create table oversight.open_boundary (
    boundary            date not null,
    handling_agency_id  uuid not null,
    procedure_code      text not null,
    received_month      date not null,
    n                   bigint not null,
    direct              bigint not null,
    online              bigint not null,
    postal              bigint not null,
    late                bigint not null,
    primary key (boundary, handling_agency_id, procedure_code, received_month)
);
create table oversight.open_boundary_delta (like oversight.open_boundary);

-- The dossiers open now, narrow enough to be read whole for a period that ends today: the instant each turns late.
create table oversight.open_fact (
    code                text primary key,
    handling_agency_id  uuid not null,
    procedure_code      text not null,
    channel             text not null,
    received_at         timestamptz not null,
    late_from           timestamptz not null
);

-- The last boundary whose open dossiers are in open_boundary: boundaries after it are added by FigureRollups.roll
-- once they have passed; until then a period ending there is counted from dossier_fact.
create table oversight.rollup_state (
    id         boolean primary key default true check (id),
    rolled_to  date not null
);

-- What a fact adds to the rollups with the given sign (1 to add, -1 to take away): its row of figure_ended once it
-- has ended, and one row of open_boundary for each boundary from "first" to "last" that it was open at.
create function oversight.ended_rows(f oversight.dossier_fact, sign int) returns setof oversight.figure_ended
    language sql stable parallel safe
    begin atomic
    select oversight.vn_month(f.ended_at), f.handling_agency_id, f.procedure_code, oversight.vn_month(f.received_at),
           sign::bigint,
           case when f.channel = 'DIRECT' then sign else 0 end::bigint,
           case when f.channel = 'ONLINE' then sign else 0 end::bigint,
           case when f.channel = 'POSTAL' then sign else 0 end::bigint,
           case when v.result then sign else 0 end::bigint,
           case when v.result and not v.late and f.original_due_at is not null
                     and (v.effective at time zone 'Asia/Ho_Chi_Minh')::date < (f.original_due_at at time zone 'Asia/Ho_Chi_Minh')::date
                then sign else 0 end::bigint,
           case when v.result and v.late then sign else 0 end::bigint,
           case when v.end_kind = 'REFUSED' then sign else 0 end::bigint,
           case when not v.result then sign else 0 end::bigint,
           case when not v.late then sign else 0 end::bigint,
           case when v.timed then sign else 0 end::bigint,
           case when v.timed then sign * extract(epoch from v.effective - f.received_at) * 1000000 else 0 end,
           case when v.timed then sign * extract(epoch from f.original_due_at - f.received_at) * 1000000 else 0 end
    from (select coalesce(f.end_kind, 'RESOLVED') as end_kind, coalesce(f.end_kind, 'RESOLVED') <> 'STOPPED' as result,
                 f.ended_at > oversight.late_from(f.supplement_count, f.original_due_at, f.supplement_requested_at, f.supplement_received_at) as late,
                 oversight.effective(f.ended_at, f.supplement_requested_at, f.supplement_received_at) as effective,
                 coalesce(f.end_kind, 'RESOLVED') <> 'STOPPED' and f.original_due_at is not null and f.original_due_at > f.received_at as timed) v
    where f.ended_at is not null;
    end;

create function oversight.boundary_rows(f oversight.dossier_fact, sign int, first date, last date) returns setof oversight.open_boundary
    language sql stable parallel safe
    begin atomic
    select b::date, f.handling_agency_id, f.procedure_code,
           greatest(oversight.vn_month(f.received_at), (b - interval '13 months')::date),
           sign::bigint,
           case when f.channel = 'DIRECT' then sign else 0 end::bigint,
           case when f.channel = 'ONLINE' then sign else 0 end::bigint,
           case when f.channel = 'POSTAL' then sign else 0 end::bigint,
           case when oversight.month_start(b::date) > oversight.late_from(f.supplement_count, f.original_due_at, f.supplement_requested_at,
                                                                          f.supplement_received_at) then sign else 0 end::bigint
    from generate_series(greatest(first, oversight.vn_month(f.received_at) + interval '1 month'),
                         case when f.ended_at is null then last else least(last, oversight.vn_month(f.ended_at)) end,
                         interval '1 month') b;
    end;

create function oversight.fact_rollups() returns trigger
    language plpgsql as $$
declare
    rolled date;
begin
    if tg_op = 'UPDATE' and (old.code, old.handling_agency_id, old.procedure_code, old.channel, old.received_at, old.original_due_at,
                             old.supplement_count, old.supplement_requested_at, old.supplement_received_at, old.ended_at, old.end_kind)
        is not distinct from (new.code, new.handling_agency_id, new.procedure_code, new.channel, new.received_at, new.original_due_at,
                              new.supplement_count, new.supplement_requested_at, new.supplement_received_at, new.ended_at, new.end_kind) then
        return null; -- a move that changes nothing the figures count (most of them)
    end if;
    -- held to the end of the transaction: FigureRollups.roll takes it exclusively to add a boundary
    perform pg_advisory_xact_lock_shared(hashtext('oversight.rollups'));
    select rolled_to into rolled from oversight.rollup_state;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into oversight.figure_ended_delta select * from oversight.ended_rows(old, -1);
        insert into oversight.open_boundary_delta select * from oversight.boundary_rows(old, -1, date '1990-01-01', rolled);
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        delete from oversight.open_fact where code = old.code;
    end if;
    if tg_op in ('UPDATE', 'INSERT') and new.ended_at is null then
        insert into oversight.open_fact values (new.code, new.handling_agency_id, new.procedure_code, new.channel, new.received_at,
            oversight.late_from(new.supplement_count, new.original_due_at, new.supplement_requested_at, new.supplement_received_at));
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into oversight.figure_ended_delta select * from oversight.ended_rows(new, 1);
        insert into oversight.open_boundary_delta select * from oversight.boundary_rows(new, 1, date '1990-01-01', rolled);
    end if;
    return null;
end $$;

-- the stored values do not depend on the writer's session time zone (Vietnam has no daylight saving)
alter function oversight.fact_rollups() set timezone = 'Asia/Ho_Chi_Minh';

create trigger dossier_fact_rollups after insert or update or delete on oversight.dossier_fact
    for each row execute function oversight.fact_rollups();

-- A dossier ends after it was received (the dossier module's events are in order, the import refuses others): the
-- rollups count an ended dossier in the month it ended, which must not be before the one it was received in.
alter table oversight.dossier_fact add constraint dossier_fact_ended_after_receipt check (ended_at is null or ended_at >= received_at);

-- What is there already: every boundary up to this month's first day.
set local timezone = 'Asia/Ho_Chi_Minh';
insert into oversight.rollup_state (rolled_to) values (oversight.vn_month(now()));
insert into oversight.figure_ended
select r.ended_month, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal),
       sum(r.resolved), sum(r.early), sum(r.resolved_late), sum(r.refused), sum(r.stopped), sum(r.on_time), sum(r.timed),
       sum(r.taken_us), sum(r.legal_us)
from oversight.dossier_fact f cross join lateral oversight.ended_rows(f, 1) r
group by 1, 2, 3, 4
order by 1, 2, 3, 4; -- a month's rows together on disk, as the fold will append later months
insert into oversight.open_boundary
select r.boundary, r.handling_agency_id, r.procedure_code, r.received_month, sum(r.n), sum(r.direct), sum(r.online), sum(r.postal), sum(r.late)
from oversight.dossier_fact f cross join lateral oversight.boundary_rows(f, 1, date '1990-01-01', oversight.vn_month(now())) r
group by 1, 2, 3, 4
order by 1, 2, 3, 4;
insert into oversight.open_fact
select code, handling_agency_id, procedure_code, channel, received_at,
       oversight.late_from(supplement_count, original_due_at, supplement_requested_at, supplement_received_at)
from oversight.dossier_fact where ended_at is null;

create index figure_ended_delta_month_idx on oversight.figure_ended_delta (ended_month);
create index open_boundary_delta_idx on oversight.open_boundary_delta (boundary);
-- a period that ends today: the dossiers that ended after its end (none, unless it ends before now)
create index dossier_fact_ended_idx on oversight.dossier_fact (ended_at);
-- the drill-down's newest dossiers first, province-wide
create index dossier_fact_received_idx on oversight.dossier_fact (received_at);
-- a period's apologies read from the index alone
create index dossier_fact_apologised_idx on oversight.dossier_fact (apologised_at)
    include (handling_agency_id, procedure_code, received_at, ended_at) where apologised_at is not null;
-- the dashboard's units that held dossiers late, province-wide
create index late_step_at_idx on oversight.late_step (at);
create index dossier_rating_dissatisfied_idx on oversight.dossier_rating (rated_at) where dissatisfied;
