-- One read of personal data can show many students (a search result page, a board, an export):
-- the audit entry lists them here, so that each student's school finds every read of its students.
create table audit_subject (
    event_id     bigint        not null references audit_event (id),
    subject      varchar(200)  not null,
    school_code  varchar(16),
    primary key (event_id, subject)
);
create index audit_subject_school_ix on audit_subject (school_code, event_id);
create index audit_subject_subject_ix on audit_subject (subject, event_id);
