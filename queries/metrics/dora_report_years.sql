-- Every DORA report year Pulse has data for: levels (2023), buckets and profiles (2025).
SELECT report_year FROM dora_thresholds
UNION
SELECT report_year FROM dora_buckets
ORDER BY report_year;
