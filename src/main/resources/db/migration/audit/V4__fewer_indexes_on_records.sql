-- Every index on audit.record is work in every audited transaction. Records are appended in time order, so a BRIN
-- index (a summary per block range, near-free to maintain) serves "actions today" and period queries; the
-- newest-first list reads the primary key. Nothing looks records up by target yet (a dossier keeps its own history).
drop index audit.record_target;
drop index audit.record_occurred_at;
create index record_occurred_at on audit.record using brin (occurred_at);
