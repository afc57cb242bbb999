UPDATE delivery_settings
SET production_environments = CAST($production_environments AS VARCHAR[]), link_window_days = $link_window_days;
