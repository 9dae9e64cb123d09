-- Recruiting: agencies' positions, candidates shortlisted and moved through the placement stages,
-- and recruiters' saved searches.

create sequence job_position_seq start with 50 increment by 50;
create table job_position (
    id           bigint        not null primary key,
    agency_id    bigint        not null references agency (id),
    title        varchar(200)  not null,
    work_role    varchar(20),
    categories   varchar(400)  not null,
    openings     integer       not null,
    location     varchar(200),
    open         boolean       not null,
    created_at   timestamp     not null,
    version      integer       not null
);
create index job_position_agency_ix on job_position (agency_id);

create sequence placement_seq start with 50 increment by 50;
create table placement (
    id           bigint       not null primary key,
    position_id  bigint       not null references job_position (id),
    student_id   bigint       not null references student (id) on delete cascade,
    stage        varchar(20)  not null,
    created_at   timestamp    not null,
    updated_at   timestamp    not null,
    version      integer      not null,
    constraint placement_once_uk unique (position_id, student_id)
);
create index placement_student_ix on placement (student_id);

create sequence stage_change_seq start with 50 increment by 50;
create table stage_change (
    id            bigint        not null primary key,
    placement_id  bigint        not null references placement (id) on delete cascade,
    stage         varchar(20)   not null,
    changed_at    timestamp     not null,
    actor         varchar(60)   not null,
    note          varchar(1000)
);
create index stage_change_placement_ix on stage_change (placement_id, changed_at);

create sequence saved_search_seq start with 50 increment by 50;
create table saved_search (
    id           bigint         not null primary key,
    username     varchar(60)    not null,
    name         varchar(100)   not null,
    query        varchar(2000)  not null,
    last_run_at  timestamp      not null,
    constraint saved_search_name_uk unique (username, name)
);

-- candidates are searched by talent score among those who consented
create index student_consent_share_ix on student (consent_to_share, expected_graduation_year);
create index student_certification_name_ix on student_certification (name);
