-- Processing after intake (issue 11): the steps of the internal process copied at receipt, the step that holds the
-- dossier now (columns, for the work queues), the clock (due time per policy, the shifted due time of the national
-- index, the original due time an extension never moves), the result and its return.
alter table dossier.dossier
    add column process_ref           text not null default '',        -- "QĐ 12/QĐ-UBND, phiên bản 2" or "mặc định"
    add column plan                  jsonb not null default '[]',     -- the steps as copied at receipt (PlannedStep)
    add column policy                jsonb,                           -- the clock policy copied at receipt (ClockPolicy)
    add column step_index            int,
    add column step_name             text,
    add column step_role             text,
    add column step_agency_id        uuid,
    add column step_unit_id          uuid,
    add column step_unit_name        text,
    add column step_assignee         text,
    add column step_started_at       timestamptz,
    add column step_due_at           timestamptz,
    add column clock_start           timestamptz,
    add column original_due_at       timestamptz,                     -- the due time before any extension
    add column index_due_at          timestamptz,                     -- shifted by the time the clock stood (Decision 766)
    add column extended              boolean not null default false,
    add column extension_reason      text,
    add column stopped_clock_at      timestamptz,                     -- the clock stands since (supplement, payment, pause)
    add column resume_state          text,                            -- where a pause or a stop request returns to
    add column supplement_requested_at timestamptz,
    add column supplement_received_at  timestamptz,
    add column supplement_count      int not null default 0,
    add column waited_minutes        int not null default 0,          -- working minutes the clock stood, in total
    add column open_consultations    int not null default 0,
    add column proposal              text,                            -- GRANT or REFUSAL, as proposed to the signer
    add column proposal_reason       text,
    add column approved_at           timestamptz,                     -- the result decision (nothing is stopped after it)
    add column approved_by           text,
    add column result                jsonb,                           -- number, date, signed file, kind, reason
    add column result_ready_at       timestamptz,
    add column returned_at           timestamptz,
    add column returned              jsonb,                           -- how and to whom the result was handed over
    add column stopped_at            timestamptz;

create index dossier_step_agency_idx on dossier.dossier (step_agency_id, step_due_at) where step_agency_id is not null;
create index dossier_step_unit_idx on dossier.dossier (step_unit_id, step_due_at) where step_unit_id is not null;
create index dossier_step_assignee_idx on dossier.dossier (step_assignee, step_due_at) where step_assignee is not null;
create index dossier_open_due_idx on dossier.dossier (handling_agency_id, due_at)
    where state in ('RECEIVED', 'IN_PROCESSING', 'WITHDRAWAL_REQUESTED', 'PAUSED');
create index dossier_awaiting_applicant_idx on dossier.dossier (handling_agency_id, decided_at)
    where state in ('AWAITING_INTAKE_SUPPLEMENT', 'AWAITING_SUPPLEMENT', 'AWAITING_PAYMENT');

alter table dossier.history
    add column action text not null default '',
    add column step   text;

-- Every hand-over, append-only: the process-control slip (Form 06) and the lateness of each unit are read from here.
-- on_time says whether the side handing over kept its step budget at that moment (late_minutes: working minutes past).
create table dossier.handover (
    id              bigserial primary key,
    dossier_id      uuid not null references dossier.dossier (id),
    at              timestamptz not null,
    action          text not null,
    step            text not null,
    from_agency_id  uuid,
    from_agency     text not null default '',
    from_unit       text not null default '',
    from_person     text not null default '',
    to_agency_id    uuid,
    to_agency       text not null default '',
    to_unit         text not null default '',
    to_person       text not null default '',
    held_since      timestamptz,
    step_due_at     timestamptz,
    on_time         boolean not null,
    late_minutes    int not null default 0
);
create index handover_dossier_idx on dossier.handover (dossier_id, id);
create trigger handover_append_only before update or delete on dossier.handover
    for each row execute function dossier.forbid_change();

-- Consultations of other agencies (lấy ý kiến), in parallel, each with its own sub-deadline and answer.
create table dossier.consultation (
    id            uuid primary key,
    dossier_id    uuid not null references dossier.dossier (id),
    agency_id     uuid not null,
    agency_name   text not null,
    unit_id       uuid,
    question      text not null,
    asked_at      timestamptz not null,
    asked_by      text not null,
    due_at        timestamptz not null,
    answered_at   timestamptz,
    answered_by   text,
    answer        text,
    on_time       boolean
);
create index consultation_dossier_idx on dossier.consultation (dossier_id);
create index consultation_open_idx on dossier.consultation (agency_id, due_at) where answered_at is null;

-- The clock policy of a procedure (null procedure_code: the default), copied onto a dossier at receipt.
-- supplement_window_days: working days after receipt within which processing may ask for a supplement
-- (Decree 61/2018 Art. 19: 3 unless sector law says otherwise); on_supplement: RESTART the full period (the law)
-- or SHIFT the due time by the waiting time; payment_pauses: whether waiting for a fee or tax stops the clock;
-- pause_reasons: the other pauses the procedure's law allows (site inspection, verification…).
create table dossier.clock_policy (
    id                      bigserial primary key,
    procedure_code          text unique,
    supplement_window_days  int not null default 3 check (supplement_window_days between 0 and 60),
    on_supplement           text not null default 'RESTART' check (on_supplement in ('RESTART', 'SHIFT')),
    payment_allowed         boolean not null default false,
    payment_pauses          boolean not null default false,
    pause_reasons           text[] not null default '{}',
    legal_basis             text not null default '',
    valid_from              date not null default date '2025-07-01'
);
create unique index clock_policy_default_idx on dossier.clock_policy ((procedure_code is null)) where procedure_code is null;
insert into dossier.clock_policy (procedure_code, supplement_window_days, on_supplement, payment_allowed, payment_pauses, legal_basis)
values (null, 3, 'RESTART', false, false, 'Nghị định 61/2018/NĐ-CP Điều 19; Nghị định 118/2025/NĐ-CP');
