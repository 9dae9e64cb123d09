-- Category names are stored in lower case (competition.CategoryName): "Web" and "web" are one
-- category. Rows written before are brought to that form here; ratings follow at the next full
-- recompute.

-- an event's categories were already unique without case, so lowering them keeps the key
update event_category set name = lower(name) where name <> lower(name);

-- a result's points under spellings that differ only in case become one category's points
create table result_category_merge as
    select result_id, lower(category) as category, sum(points) as points
    from result_category
    where result_id in (select result_id from result_category where category <> lower(category))
    group by result_id, lower(category);
delete from result_category where result_id in (select result_id from result_category_merge);
insert into result_category (result_id, category, points)
    select result_id, category, points from result_category_merge;
drop table result_category_merge;
