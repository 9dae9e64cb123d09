-- identity: failed sign-ins slow an account and an address down instead of locking the account,
-- and every credential of a user can be revoked at once, on every node

-- one row per attempted user name (ACCOUNT, whether or not the user exists) and per client
-- address (ADDRESS); rows are forgotten an hour after their last failure
create table sign_in_throttle (
    kind             varchar(8)   not null,
    subject          varchar(100) not null,
    failures         integer      not null,
    last_failure_at  timestamp    not null,
    blocked_until    timestamp    not null,
    constraint sign_in_throttle_pk primary key (kind, subject)
);
create index sign_in_throttle_last_ix on sign_in_throttle (last_failure_at);

-- raised by a password change and by disabling: page sessions signed in under an older
-- generation are signed out on their next request
alter table app_user add column credentials_generation integer default 0 not null;

-- the lock-out is gone
alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;

-- revoking a user's tokens deletes them by user
create index api_token_user_ix on api_token (user_id);
