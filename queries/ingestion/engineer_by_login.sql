SELECT engineer_id FROM engineers WHERE lower(scm_login) = lower($login) ORDER BY engineer_id LIMIT 1;
