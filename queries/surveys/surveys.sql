-- Every survey with its question and wave counts, newest first, for the admin home page.
SELECT s.survey_id AS SurveyId, s.title AS Title, s.template AS Template, s.created_at AS CreatedAt,
       (SELECT count(*) FROM survey_questions q WHERE q.survey_id = s.survey_id) AS Questions,
       (SELECT count(*) FROM survey_waves w WHERE w.survey_id = s.survey_id) AS Waves,
       (SELECT count(*) FROM survey_waves w WHERE w.survey_id = s.survey_id AND w.status = 'open') AS OpenWaves
FROM surveys s
ORDER BY s.created_at DESC, s.survey_id;
