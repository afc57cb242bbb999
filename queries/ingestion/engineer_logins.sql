SELECT scm_login AS Login, engineer_id AS Id FROM engineers WHERE scm_login IS NOT NULL;
