-- The teams the before/after comparison considers: every team of the catalog, by id (a platform team ships changes
-- too, and may adopt an assistant or serve as a team that has not yet).
SELECT team_id FROM teams ORDER BY team_id;
