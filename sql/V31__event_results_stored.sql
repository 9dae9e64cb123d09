-- When an event's results were last stored, and by whom: the evaluator's home lists the latest uploads.
alter table competition_event add column results_stored_at timestamp;
alter table competition_event add column results_stored_by varchar(100);
