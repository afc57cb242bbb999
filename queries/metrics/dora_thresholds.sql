-- The DORA performance bands of the newest report year up to $report_year that has levels, best level first (the
-- 2025 report has buckets instead, so a 2025 setting keeps the 2023 levels beside them).
SELECT level AS Level, rank AS Rank, min_deploys_per_day AS MinDeploysPerDay, max_lead_time_hours AS MaxLeadTimeHours,
       max_change_failure_rate AS MaxChangeFailureRate, max_recovery_hours AS MaxRecoveryHours
FROM dora_thresholds
WHERE report_year = (SELECT max(report_year) FROM dora_thresholds WHERE report_year <= $report_year)
ORDER BY rank DESC;
