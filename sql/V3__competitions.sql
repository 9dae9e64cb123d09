-- Competitions (series), their events (editions), teams and results.

create sequence competition_seq start with 50 increment by 50;
create table competition (
    id         bigint       not null primary key,
    code       varchar(40)  not null,
    name       varchar(200) not null,
    organiser  varchar(200),
    version    integer      not null,
    constraint competition_code_uk unique (code)
);

create sequence event_seq start with 50 increment by 50;
create table competition_event (
    id              bigint       not null primary key,
    code            varchar(60)  not null,
    name            varchar(200) not null,
    competition_id  bigint       not null references competition (id),
    level           varchar(20)  not null,
    format          varchar(20)  not null,
    weight          double precision not null,
    start_date      date         not null,
    end_date        date         not null,
    created_at      timestamp    not null,
    version         integer      not null,
    constraint competition_event_code_uk unique (code)
);
create index competition_event_start_ix on competition_event (start_date);

-- an event's skill categories ("web", "pwn") and the NICE work role each maps onto
create table event_category (
    event_id   bigint       not null references competition_event (id) on delete cascade,
    name       varchar(60)  not null,
    work_role  varchar(20),
    primary key (event_id, name)
);

create sequence team_seq start with 50 increment by 50;
create table team (
    id        bigint       not null primary key,
    event_id  bigint       not null references competition_event (id) on delete cascade,
    name      varchar(200) not null,
    constraint team_name_uk unique (event_id, name)
);

-- a student is in at most one team per event
create table team_member (
    team_id     bigint not null references team (id) on delete cascade,
    event_id    bigint not null references competition_event (id) on delete cascade,
    student_id  bigint not null references student (id) on delete cascade,
    primary key (team_id, student_id),
    constraint team_member_once_uk unique (event_id, student_id)
);

create sequence result_seq start with 50 increment by 50;
create table result (
    id           bigint        not null primary key,
    event_id     bigint        not null references competition_event (id) on delete cascade,
    place        integer       not null,
    competitor   varchar(200)  not null,
    points       double precision not null,
    student_id   bigint        references student (id) on delete cascade,
    team_id      bigint        references team (id) on delete cascade,
    reached_at   timestamp
);
create index result_event_place_ix on result (event_id, place);
create index result_student_ix on result (student_id);
create index result_team_ix on result (team_id);

create table result_category (
    result_id  bigint           not null references result (id) on delete cascade,
    category   varchar(60)      not null,
    points     double precision not null,
    primary key (result_id, category)
);
