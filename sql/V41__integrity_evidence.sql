-- Integrity of competition evidence, part one: who may form a team at an event (a rule of
-- eligibility), and the solve evidence kept so that the integrity checks can run on it: the solves
-- of a solve log or a CTFd export, a CTFd export's submissions right and wrong, its per-team dynamic
-- flags, and every competitor's members as the results were stored. Replaced with the results.
alter table competition_event add column team_rule varchar(20) default 'OPEN' not null;

create table integrity_solve (
    event_code   varchar(60)    not null,
    challenge    varchar(200)   not null,
    category     varchar(100)   not null,
    competitor   varchar(200)   not null,
    member_ref   varchar(200),
    solved_at    timestamp      not null,
    points       double precision not null
);
create index integrity_solve_event_ix on integrity_solve (event_code, challenge, solved_at);

create table integrity_submission (
    event_code    varchar(60)    not null,
    challenge     varchar(200)   not null,
    competitor    varchar(200)   not null,
    member_ref    varchar(200),
    submitted_at  timestamp      not null,
    correct       boolean        not null,
    provided      varchar(500)   not null
);
create index integrity_submission_event_ix on integrity_submission (event_code, challenge);

create table integrity_flag (
    event_code   varchar(60)    not null,
    challenge    varchar(200)   not null,
    competitor   varchar(200)   not null,
    flag         varchar(500)   not null
);
create index integrity_flag_event_ix on integrity_flag (event_code, challenge);

create table integrity_member (
    event_code   varchar(60)    not null,
    competitor   varchar(200)   not null,
    ref          varchar(120)   not null,
    student_id   bigint         not null references student (id) on delete cascade
);
create index integrity_member_event_ix on integrity_member (event_code, competitor);
create index integrity_member_student_ix on integrity_member (student_id);
