-- An update's claim says who is handling it and whether its replies went out. A claim whose owner
-- died before answering (kill -9, a lost host) is taken over by another instance once its lease
-- (kruzhok.dispatcher.claim-lease) has run out, so a redelivered update is not dropped as a duplicate.
alter table processed_update add column owner varchar(64);
alter table processed_update add column answered_at timestamptz;
-- Rows from before were claimed and handled in one go: they count as answered.
update processed_update set answered_at = processed_at;
