-- Integrity of competition evidence, part two: the cases the checks open for an evaluator, with the
-- evidence, and the students each concerns (NAMED: the person the evidence points at; TEAM: a
-- team-mate, whose result a disqualification of the team also leaves out of the ratings).
create sequence integrity_case_seq start with 50 increment by 50;
create table integrity_case (
    id               bigint            not null primary key,
    event_code       varchar(60)       not null,
    pattern          varchar(30)       not null,
    competitors      varchar(2000)     not null,
    statistic        double precision  not null,
    p_value          double precision,
    evidence         varchar(20000)    not null,
    state            varchar(20)       not null,
    created_at       timestamp         not null,
    decided_by       varchar(60),
    decided_at       timestamp,
    decision_reason  varchar(1000),
    version          integer           not null
);
create index integrity_case_event_ix on integrity_case (event_code, state);

create table integrity_case_student (
    case_id      bigint        not null references integrity_case (id) on delete cascade,
    student_id   bigint        not null references student (id) on delete cascade,
    ref          varchar(120)  not null,
    school_code  varchar(16)   not null,
    role         varchar(10)   not null
);
create index integrity_case_student_ix on integrity_case_student (student_id);
create index integrity_case_student_case_ix on integrity_case_student (case_id);
