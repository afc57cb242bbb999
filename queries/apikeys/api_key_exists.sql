SELECT count(*) > 0 FROM api_keys WHERE key_id = $key_id;
