-- The language and time zone each user reads the pages in, kept from one sign-in to the next
-- (null: the browser's language and the platform's zone).
alter table app_user add column language varchar(16);
alter table app_user add column time_zone varchar(40);
