-- The teams the before/after comparison considers: every team of the catalog except platform teams, by id.
SELECT team_id FROM teams WHERE NOT is_platform_team ORDER BY team_id;
