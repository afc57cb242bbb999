-- The catalog's services, for the API; $team (NULL = all) keeps one team's.
SELECT service_id AS ServiceId, name AS Name, team_id AS TeamId, repository AS Repository, lifecycle AS Lifecycle,
       is_platform_owned AS IsPlatformOwned, onboarded_on AS OnboardedOn
FROM services
WHERE $team IS NULL OR team_id = $team
ORDER BY service_id;
