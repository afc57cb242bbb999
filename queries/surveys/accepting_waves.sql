-- The waves among these that accept responses right now: opened by an admin and inside their dates, with their
-- opening time, which is all an anonymous wave's responses and used links record of when they were given.
SELECT wave_id AS WaveId, opens_at AS OpensAt
FROM survey_waves
WHERE wave_id IN (SELECT unnest($wave_ids))
  AND status = 'open' AND opens_at <= $now AND closes_at > $now;
