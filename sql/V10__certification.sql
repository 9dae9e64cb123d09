-- School certification: the programme's criteria and cycles, schools' applications with their
-- evidence, reviews and decisions, and each school's current certified status.

create sequence certification_criterion_seq start with 50 increment by 50;
create table certification_criterion (
    id                 bigint         not null primary key,
    code               varchar(40)    not null,
    title              varchar(200)   not null,
    description        varchar(2000),
    weight             numeric(6, 2)  not null,
    max_score          integer        not null,
    evidence_required  boolean        not null,
    position           integer        not null,
    active             boolean        not null,
    version            integer        not null,
    constraint certification_criterion_code_uk unique (code)
);

create sequence certification_cycle_seq start with 50 increment by 50;
create table certification_cycle (
    id            bigint         not null primary key,
    code          varchar(40)    not null,
    name          varchar(200)   not null,
    opens_on      date           not null,
    closes_on     date           not null,
    period_years  integer        not null,
    pass_mark     numeric(5, 2)  not null,
    version       integer        not null,
    constraint certification_cycle_code_uk unique (code)
);

create sequence certification_application_seq start with 50 increment by 50;
create table certification_application (
    id                     bigint         not null primary key,
    school_id              bigint         not null references school (id),
    cycle_id               bigint         not null references certification_cycle (id),
    state                  varchar(20)    not null,
    created_at             timestamp      not null,
    created_by             varchar(60)    not null,
    submitted_at           timestamp,
    decided_at             timestamp,
    certified_from         date,
    certified_until        date,
    decision_note          varchar(2000),
    -- evidence computed from the pipeline's data, frozen when the application is submitted
    evidence_from          date,
    evidence_to            date,
    students               integer,
    students_with_results  integer,
    median_talent_score    numeric(10, 1),
    national_top_one       integer,
    placements             integer,
    version                integer        not null
);
create index certification_application_school_ix on certification_application (school_id, state);
create index certification_application_state_ix on certification_application (state, certified_until);

-- one row per criterion of an application: the school's statement, and the criterion as it stood
create sequence certification_evidence_seq start with 50 increment by 50;
create table certification_evidence (
    id                 bigint         not null primary key,
    application_id     bigint         not null references certification_application (id) on delete cascade,
    criterion_id       bigint         not null references certification_criterion (id),
    code               varchar(40)    not null,
    title              varchar(200)   not null,
    weight             numeric(6, 2)  not null,
    max_score          integer        not null,
    evidence_required  boolean        not null,
    position           integer        not null,
    statement          varchar(4000),
    constraint certification_evidence_uk unique (application_id, criterion_id)
);

create sequence certification_document_seq start with 50 increment by 50;
create table certification_document (
    id            bigint        not null primary key,
    evidence_id   bigint        not null references certification_evidence (id) on delete cascade,
    file_name     varchar(255)  not null,
    content_type  varchar(60)   not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    content       bytea         not null,
    uploaded_at   timestamp     not null,
    uploaded_by   varchar(60)   not null
);
create index certification_document_evidence_ix on certification_document (evidence_id);

create sequence certification_review_seq start with 50 increment by 50;
create table certification_review (
    id              bigint         not null primary key,
    application_id  bigint         not null references certification_application (id) on delete cascade,
    reviewer        varchar(60)    not null,
    assigned_at     timestamp      not null,
    assigned_by     varchar(60)    not null,
    conflict        boolean        not null,
    conflict_note   varchar(1000),
    submitted_at    timestamp,
    constraint certification_review_uk unique (application_id, reviewer)
);
create index certification_review_reviewer_ix on certification_review (reviewer);

create sequence certification_score_seq start with 50 increment by 50;
create table certification_score (
    id           bigint         not null primary key,
    review_id    bigint         not null references certification_review (id) on delete cascade,
    evidence_id  bigint         not null references certification_evidence (id) on delete cascade,
    score        integer        not null,
    comment      varchar(2000)  not null,
    constraint certification_score_uk unique (review_id, evidence_id)
);

create sequence certification_finding_seq start with 50 increment by 50;
create table certification_finding (
    id              bigint         not null primary key,
    application_id  bigint         not null references certification_application (id) on delete cascade,
    evidence_id     bigint         not null references certification_evidence (id) on delete cascade,
    severity        varchar(20)    not null,
    text            varchar(2000)  not null
);

create sequence certification_transition_seq start with 50 increment by 50;
create table certification_transition (
    id              bigint         not null primary key,
    application_id  bigint         not null references certification_application (id) on delete cascade,
    state           varchar(20)    not null,
    changed_at      timestamp      not null,
    actor           varchar(60)    not null,
    note            varchar(2000)
);
create index certification_transition_application_ix on certification_transition (application_id, changed_at);

-- the school's current certification, kept by the certification area so that every area that shows a
-- school (lists, reports, the recruiters' search) reads it without depending on certification
alter table school add column certification_status varchar(20);
alter table school add column certified_from date;
alter table school add column certified_until date;
