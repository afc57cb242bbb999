-- Whether the stored rows were derived with these settings.
SELECT production_environments IS NOT DISTINCT FROM CAST($production_environments AS VARCHAR[])
       AND link_window_days IS NOT DISTINCT FROM $link_window_days
FROM delivery_settings;
