-- Issue 22 (d): a team member's own contribution to the team's result, where the results name it
-- (a solve log's member column, a CTFd scoreboard's member scores); null where they do not. The
-- ratings give a member a share of the team's update that follows it (scoring.RatedResults).
alter table team_member add column points double precision;
