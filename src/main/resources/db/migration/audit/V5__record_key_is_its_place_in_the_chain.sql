-- One btree fewer in every audited transaction: the record's key is where the sealer finds it, (tx, id); ids come
-- from a sequence and stay unique on their own. The newest-first list reads the same index backwards.
alter table audit.record drop constraint record_pkey;
drop index audit.record_tx;
alter table audit.record add primary key (tx, id);
