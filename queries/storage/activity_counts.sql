SELECT
    (SELECT count(*) FROM teams)            AS Teams,
    (SELECT count(*) FROM services)         AS Services,
    (SELECT count(*) FROM engineers)        AS Engineers,
    (SELECT count(*) FROM deployments)      AS Deployments,
    (SELECT count(*) FROM changes)          AS Changes,
    (SELECT count(*) FROM incidents)        AS Incidents,
    (SELECT count(*) FROM work_items)       AS WorkItems,
    (SELECT count(*) FROM survey_responses) AS SurveyResponses;
