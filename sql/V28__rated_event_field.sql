-- The field of each rated event as it stood before it (scoring.engine.FieldSummary: size, mean
-- deviation, sixteen quantiles of the entrants' means), written when the event is rated: the
-- scouting report's field strength and expected place come from it. Null for events rated before;
-- the recompute that settings 2026.12 bring fills it for every event.
alter table rated_event add column field varchar(400);
