-- The candidate search within one region: each rated student's overall talent score beside their
-- school's region, indexed in the search's order. A search in a region walks that region's entries
-- alone, not every rated student's, and looks up a student only once the region matched.
-- Derived data, written with the overall ratings (an event's update, a full recompute) and when a
-- school's region changes. Consent and every other filter are read from the student's own row, so
-- a withdrawn consent counts at once.
create table candidate (
    student_id    bigint           not null primary key references student (id) on delete cascade,
    region        varchar(100)     not null,
    talent_score  double precision not null
);
insert into candidate (student_id, region, talent_score)
    select r.student_id, sc.region, r.talent_score from rating r join student st on st.id = r.student_id
    join school sc on sc.id = st.school_id where r.category = '';
create index candidate_region_ix on candidate (region, talent_score desc, student_id);
