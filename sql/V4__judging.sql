-- Judged events: a rubric per event, judges assigned to entries, and each judge's scores.

create sequence rubric_criterion_seq start with 50 increment by 50;
create table rubric_criterion (
    id         bigint           not null primary key,
    event_id   bigint           not null references competition_event (id) on delete cascade,
    position   integer          not null,
    name       varchar(100)     not null,
    weight     double precision not null,
    max_score  double precision not null,
    constraint rubric_criterion_name_uk unique (event_id, name)
);

-- a judge (an EVALUATOR's user name) is assigned the entries (students) they score
create table judge_assignment (
    event_id    bigint      not null references competition_event (id) on delete cascade,
    judge       varchar(60) not null,
    student_id  bigint      not null references student (id) on delete cascade,
    primary key (event_id, judge, student_id)
);

create table judge_score (
    event_id      bigint           not null references competition_event (id) on delete cascade,
    judge         varchar(60)      not null,
    student_id    bigint           not null references student (id) on delete cascade,
    criterion_id  bigint           not null references rubric_criterion (id) on delete cascade,
    score         double precision not null,
    scored_at     timestamp        not null,
    primary key (event_id, judge, student_id, criterion_id)
);
