-- A school's statement for a criterion is edited from the version it was read at (If-Match in the
-- API, a hidden version in the case page): the evidence row gets the version column that the
-- criteria, cycles and applications have had since V10.
alter table certification_evidence add column version integer default 0 not null;
