-- The wave of a link that a newer one replaced, or nothing.
SELECT wave_id FROM survey_replaced_links WHERE token_hash = $token_hash;
