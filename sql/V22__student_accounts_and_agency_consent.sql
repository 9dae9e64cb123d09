-- Students' own rights, part one: student accounts (invitations), consent per agency, and the
-- schools' approved agencies.

-- A student's account: the user it is linked to (one user, one student), and the invitations that
-- let a student make it. A code is kept only as its SHA-256 hash; it is shown once, when made.
alter table student add column account varchar(60);
alter table student add constraint student_account_uk unique (account);

create sequence student_invitation_seq start with 50 increment by 50;
create table student_invitation (
    id          bigint       not null primary key,
    student_id  bigint       not null references student (id) on delete cascade,
    code_hash   varchar(64)  not null,
    created_by  varchar(60)  not null,
    created_at  timestamp    not null,
    expires_at  timestamp    not null,
    used_at     timestamp,
    constraint student_invitation_code_uk unique (code_hash)
);
create index student_invitation_student_ix on student_invitation (student_id);

-- The agencies a school lets see its students. Today's schools approve today's agencies.
create table school_agency (
    school_id    bigint       not null references school (id) on delete cascade,
    agency_code  varchar(16)  not null references agency (code) on delete cascade,
    primary key (school_id, agency_code)
);
create index school_agency_agency_ix on school_agency (agency_code, school_id);
insert into school_agency (school_id, agency_code) select s.id, a.code from school s cross join agency a;

-- A student's consent names the agencies it shares with: all the school approves (every consent
-- so far), or those chosen (student_agency).
alter table student add column all_agencies boolean default true not null;
create table student_agency (
    student_id   bigint       not null references student (id) on delete cascade,
    agency_code  varchar(16)  not null references agency (code) on delete cascade,
    primary key (student_id, agency_code)
);
create index student_agency_agency_ix on student_agency (agency_code, student_id);
-- the history: null for "all approved agencies", else the chosen codes separated by commas
alter table student_consent add column agencies varchar(1000);

-- The candidate search reads "all approved agencies" beside consent, from its indexes alone; a
-- student sharing with chosen agencies is looked up in student_agency, only then.
alter table candidate add column all_agencies boolean default true not null;
drop index candidate_region_ix;
create index candidate_region_ix on candidate (region, talent_score desc, student_id, consent_to_share, graduation_year, all_agencies);
drop index student_candidate_ix;
create index student_candidate_ix on student (id, consent_to_share, expected_graduation_year, school_id, all_agencies);
