-- Ratings per category ('' is the overall rating, other names are skill categories), each with the
-- explanation of the overall rating kept in the row; which events are rated; recompute jobs and the
-- lease that lets one node at a time write ratings. Ratings are derived data: V5's tables are
-- replaced and a recompute fills the new ones.

drop table rating_change;
drop table rating;

create table rating (
    student_id     bigint           not null references student (id) on delete cascade,
    category       varchar(60)      not null,
    mu             double precision not null,
    sigma          double precision not null,
    talent_score   double precision not null,
    events         integer          not null,
    last_event_id  bigint           not null,
    last_event_on  date             not null,
    growth         double precision not null,
    recent_events  integer          not null,
    -- overall only: per event "event id:place:field size:mu before:mu after", separated by ";"
    history        varchar(1000000),
    model_version  varchar(40)      not null,
    primary key (student_id, category)
);
create index rating_score_ix on rating (category, talent_score);

create table rated_event (
    event_id  bigint    not null primary key references competition_event (id) on delete cascade,
    rated_at  timestamp not null
);

create sequence scoring_job_seq start with 50 increment by 50;
create table scoring_job (
    id            bigint        not null primary key,
    state         varchar(20)   not null,
    percent       integer       not null,
    reason        varchar(300)  not null,
    requested_by  varchar(100)  not null,
    requested_at  timestamp     not null,
    started_at    timestamp,
    finished_at   timestamp,
    message       varchar(1000)
);
create index scoring_job_state_ix on scoring_job (state);

-- one row: who holds the right to write ratings, until when (renewed while a job runs)
create table scoring_lease (
    id      integer      not null primary key,
    holder  varchar(100),
    until   timestamp
);
insert into scoring_lease (id, holder, until) values (1, null, null);
