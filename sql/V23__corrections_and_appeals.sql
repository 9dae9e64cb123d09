-- Students' own rights, part two: requests to correct their record, appeals of automated scores and
-- flags, and the results an appeal's decision excludes from a student's rating.

create sequence correction_request_seq start with 50 increment by 50;
create table correction_request (
    id               bigint         not null primary key,
    student_id       bigint         not null references student (id) on delete cascade,
    field            varchar(40)    not null,
    requested_value  varchar(500)   not null,
    explanation      varchar(1000),
    state            varchar(20)    not null,
    created_at       timestamp      not null,
    decided_by       varchar(60),
    decided_at       timestamp,
    decision_reason  varchar(1000),
    version          integer        not null
);
create index correction_request_student_ix on correction_request (student_id, created_at);
create index correction_request_state_ix on correction_request (state, created_at);

create sequence score_appeal_seq start with 50 increment by 50;
create table score_appeal (
    id               bigint         not null primary key,
    student_id       bigint         not null references student (id) on delete cascade,
    subject          varchar(60)    not null,
    event_code       varchar(60),
    statement        varchar(2000)  not null,
    state            varchar(20)    not null,
    created_at       timestamp      not null,
    decided_by       varchar(60),
    decided_at       timestamp,
    decision_reason  varchar(1000),
    version          integer        not null
);
create index score_appeal_student_ix on score_appeal (student_id, created_at);
create index score_appeal_state_ix on score_appeal (state, created_at);

-- A result left out of the student's rating: the replay reads the event as if the student had not
-- entered it (a team's result without that member).
create table result_exclusion (
    result_id    bigint         not null references result (id) on delete cascade,
    student_id   bigint         not null references student (id) on delete cascade,
    reason       varchar(1000)  not null,
    appeal_id    bigint         references score_appeal (id) on delete set null,
    excluded_by  varchar(60)    not null,
    excluded_at  timestamp      not null,
    primary key (result_id, student_id)
);
create index result_exclusion_student_ix on result_exclusion (student_id);
