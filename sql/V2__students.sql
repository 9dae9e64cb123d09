-- Schools and students: search keys, consent history, certifications, skills, and the staging
-- table that makes CSV imports all-or-nothing.

-- Lists filter by the start of a name, ignoring case: an indexed lower-case copy serves that on
-- both databases (H2 has no expression indexes). On PostgreSQL the key is compared byte by byte
-- (collation "C", the ${name_collation} placeholder) so that one b-tree index serves both
-- "name_key like 'wa%'" and "order by name_key"; on H2 the placeholder is empty.
alter table student add column name_key varchar(200) ${name_collation};
update student set name_key = lower(full_name);
alter table student alter column name_key set not null;
create index student_school_name_ix on student (school_id, name_key);
create index student_name_ix on student (name_key);

-- a minor under 14 shares only with a guardian's consent on record
alter table student add column guardian_consent boolean default false not null;

create sequence student_consent_seq start with 50 increment by 50;
create table student_consent (
    id                bigint       not null primary key,
    student_id        bigint       not null references student (id) on delete cascade,
    granted           boolean      not null,
    guardian_consent  boolean      not null,
    recorded_by       varchar(60)  not null,
    recorded_at       timestamp    not null,
    source            varchar(20)  not null,
    note              varchar(500)
);
create index student_consent_student_ix on student_consent (student_id, recorded_at);

create sequence student_certification_seq start with 50 increment by 50;
create table student_certification (
    id          bigint       not null primary key,
    student_id  bigint       not null references student (id) on delete cascade,
    name        varchar(200) not null,
    issuer      varchar(200) not null,
    obtained_on date         not null
);
create index student_certification_student_ix on student_certification (student_id);

create table student_skill (
    student_id  bigint       not null references student (id) on delete cascade,
    skill       varchar(100) not null,
    primary key (student_id, skill)
);
create index student_skill_skill_ix on student_skill (skill);
