-- The DORA performance bands of one report year, best level first.
SELECT level AS Level, rank AS Rank, min_deploys_per_day AS MinDeploysPerDay, max_lead_time_hours AS MaxLeadTimeHours,
       max_change_failure_rate AS MaxChangeFailureRate, max_recovery_hours AS MaxRecoveryHours
FROM dora_thresholds
WHERE report_year = $report_year
ORDER BY rank DESC;
