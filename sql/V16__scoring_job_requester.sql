-- A recompute requested by a user carries who they were (roles, school, agency), so that the job
-- checks the access policy again with that caller when it runs, on whichever node, after a restart
-- too. Null roles: system work (ratings following stored results, start-up), which acts for nobody.
alter table scoring_job add column requester_roles varchar(200);
alter table scoring_job add column requester_school varchar(16);
alter table scoring_job add column requester_agency varchar(16);
