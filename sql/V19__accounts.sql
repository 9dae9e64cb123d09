-- Issue 19: a password reset makes the user choose a new one at the next sign-in; the first
-- administrator's one-time set-up secrets (their SHA-256 only), one per node that started while
-- the database had no user.
alter table app_user add column must_change_password boolean default false not null;

create table setup_secret (
    secret_hash  varchar(64)  not null primary key,
    expires_at   timestamp    not null
);
