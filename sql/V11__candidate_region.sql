-- The candidate search within one region: each rated student's overall talent score beside what
-- the search filters on most (their school's region, their consent, their graduation year), in one
-- index in the search's order. A search in a region walks that region's entries alone and counts
-- its matches without reading a student row; only the page's rows are read, and their consent is
-- checked again there.
-- Derived data, written with the overall ratings (an event's update, a full recompute) and in the
-- same transaction as a change to a student's consent or graduation year or a school's region.
create table candidate (
    student_id        bigint           not null primary key references student (id) on delete cascade,
    region            varchar(100)     not null,
    consent_to_share  boolean          not null,
    graduation_year   integer          not null,
    talent_score      double precision not null
);
insert into candidate (student_id, region, consent_to_share, graduation_year, talent_score)
    select r.student_id, sc.region, st.consent_to_share, st.expected_graduation_year, r.talent_score
    from rating r join student st on st.id = r.student_id join school sc on sc.id = st.school_id where r.category = '';
create index candidate_region_ix on candidate (region, talent_score desc, student_id, consent_to_share, graduation_year);
