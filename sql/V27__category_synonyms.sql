-- Canonical skill categories (issue 22): an ADMIN's additions to the built-in synonym table
-- (scoring.engine.SkillCategories). A spelling (folded: lower case, runs of spaces, hyphens and
-- underscores one space) names its canonical category; work_role, where given, maps that category
-- onto a NICE work role. Ratings use the table in force at their recompute.
create table category_synonym (
    spelling   varchar(40) not null primary key,
    category   varchar(40) not null,
    work_role  varchar(20)
);
