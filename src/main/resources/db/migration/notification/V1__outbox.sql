-- Messages to applicants, written in the transaction of the dossier event they tell about and delivered after it
-- commits (notification.OutboxSender). One message per event and channel, however often the event is delivered.
create table notification.outbox (
    id               bigserial primary key,
    event_key        text not null,                 -- the dossier event: code/action/time
    channel          text not null check (channel in ('EMAIL', 'SMS')),
    kind             text not null,                 -- NotificationKind: which templates
    recipient        text not null,                 -- e-mail address or phone number, as the desk recorded it
    subject          text not null default '',
    body             text not null,
    dossier_code     text not null,
    status           text not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         int not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,          -- PENDING: when to try; SENDING: when the node's lease runs out
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    unique (event_key, channel)
);
-- The sender's query: due messages, oldest first (small: only what is waiting).
create index outbox_due_idx on notification.outbox (next_attempt_at, id) where status in ('PENDING', 'SENDING');
create index outbox_status_idx on notification.outbox (status, created_at desc);
create index outbox_dossier_idx on notification.outbox (dossier_code);
