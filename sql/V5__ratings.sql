-- Ratings: each student's current skill estimate, and how every event moved it (the explanation).

create table rating (
    student_id     bigint           not null primary key references student (id) on delete cascade,
    mu             double precision not null,
    sigma          double precision not null,
    talent_score   double precision not null,
    events         integer          not null,
    last_event_on  date             not null,
    model_version  varchar(200)     not null
);
create index rating_talent_ix on rating (talent_score);

create table rating_change (
    student_id    bigint           not null references student (id) on delete cascade,
    event_id      bigint           not null references competition_event (id) on delete cascade,
    place         integer          not null,
    field_size    integer          not null,
    mu_before     double precision not null,
    mu_after      double precision not null,
    sigma_before  double precision not null,
    sigma_after   double precision not null,
    primary key (student_id, event_id)
);
