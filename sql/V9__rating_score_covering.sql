-- The candidate search walks the overall ratings by score and joins each to its student: with the
-- student id in the score index, that walk reads the index alone (the rows hold the explanation
-- text and are wide). A full recompute builds its fresh table's index the same way.
drop index rating_score_ix;
create index rating_score_ix on rating (category, talent_score, student_id);
