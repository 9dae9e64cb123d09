-- The candidate search filters each rating-index entry's student by consent, graduation year and
-- school: with those in one index beside the id, the database checks them without reading the
-- student's row (an index-only lookup), and reads whole rows only for the page it returns.
create index student_candidate_ix on student (id, consent_to_share, expected_graduation_year, school_id);
