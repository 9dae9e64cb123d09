-- Talent Pipeline: the first schema. Runs unchanged on H2 2.x and PostgreSQL 15.
-- Every id comes from a sequence stepping by 50: JPA allocates ids in blocks of 50 (batch inserts).
-- Sequences start at 50 because EclipseLink reads the value it gets as the top of its block.

-- identity -------------------------------------------------------------------------------------
create sequence app_user_seq start with 50 increment by 50;
create sequence api_token_seq start with 50 increment by 50;

-- school -----------------------------------------------------------------------------------------
create sequence school_seq start with 50 increment by 50;
create sequence program_seq start with 50 increment by 50;

create table school (
    id          bigint       not null primary key,
    code        varchar(16)  not null,
    name        varchar(200) not null,
    local_name  varchar(200),
    region      varchar(100) not null,
    city        varchar(100),
    type        varchar(30)  not null,
    created_at  timestamp    not null,
    version     integer      not null,
    constraint school_code_uk unique (code)
);

create table program (
    id         bigint       not null primary key,
    school_id  bigint       not null references school (id),
    name       varchar(200) not null,
    level      varchar(30)  not null,
    version    integer      not null,
    constraint program_name_uk unique (school_id, name)
);

-- placement (agencies only, for now) -----------------------------------------------------------
create sequence agency_seq start with 50 increment by 50;

create table agency (
    id          bigint       not null primary key,
    code        varchar(16)  not null,
    name        varchar(200) not null,
    created_at  timestamp    not null,
    version     integer      not null,
    constraint agency_code_uk unique (code)
);

-- identity -------------------------------------------------------------------------------------
create table app_user (
    id             bigint       not null primary key,
    username       varchar(60)  not null,
    password_hash  varchar(400) not null,
    school_code    varchar(16)  references school (code),
    agency_code    varchar(16)  references agency (code),
    enabled        boolean      not null,
    failed_logins  integer      not null,
    locked_until   timestamp,
    created_at     timestamp    not null,
    version        integer      not null,
    constraint app_user_username_uk unique (username)
);

create table user_role (
    user_id  bigint      not null references app_user (id) on delete cascade,
    role     varchar(20) not null,
    primary key (user_id, role)
);

create table api_token (
    id          bigint      not null primary key,
    token_hash  varchar(64) not null,
    user_id     bigint      not null references app_user (id) on delete cascade,
    issued_at   timestamp   not null,
    expires_at  timestamp   not null,
    constraint api_token_hash_uk unique (token_hash)
);
create index api_token_expires_ix on api_token (expires_at);

-- student --------------------------------------------------------------------------------------
create sequence student_seq start with 50 increment by 50;

create table student (
    id                        bigint       not null primary key,
    school_id                 bigint       not null references school (id),
    student_number            varchar(40)  not null,
    full_name                 varchar(200) not null,
    date_of_birth             date         not null,
    email                     varchar(254),
    program_id                bigint       references program (id),
    enrollment_year           integer      not null,
    expected_graduation_year  integer      not null,
    status                    varchar(20)  not null,
    consent_to_share          boolean      not null,
    created_at                timestamp    not null,
    updated_at                timestamp    not null,
    version                   integer      not null,
    constraint student_number_uk unique (school_id, student_number)
);

-- audit: append-only ---------------------------------------------------------------------------
create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id           bigint        not null primary key,
    occurred_at  timestamp     not null,
    actor        varchar(60)   not null,
    action       varchar(40)   not null,
    subject      varchar(200),
    school_code  varchar(16),
    detail       varchar(1000),
    remote_addr  varchar(64)
);
create index audit_event_occurred_ix on audit_event (occurred_at);
create index audit_event_actor_ix on audit_event (actor, occurred_at);
create index audit_event_subject_ix on audit_event (subject, occurred_at);
create index audit_event_school_ix on audit_event (school_code, occurred_at);
