-- The waves among these that accept responses right now: opened by an admin and inside their dates.
SELECT wave_id AS WaveId
FROM survey_waves
WHERE wave_id IN (SELECT unnest($wave_ids))
  AND status = 'open' AND opens_at <= $now AND closes_at > $now;
