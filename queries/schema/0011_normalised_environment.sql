-- An environment name as the load stores it: trimmed, lower case, and 'production' for any name configured as
-- production (delivery_settings). The load normalises stored rows with it, and an upsert compares an incoming
-- name through it, so that "Production" arriving again for a row stored as "production" is not a change.
CREATE OR REPLACE MACRO normalised_environment(environment) AS
    CASE WHEN list_contains((SELECT production_environments FROM delivery_settings), lower(trim(environment))) THEN 'production'
         ELSE lower(trim(environment)) END;
