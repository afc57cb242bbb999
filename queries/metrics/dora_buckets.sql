-- The DORA per-metric answer buckets of the newest report up to $report_year (none before 2025), best first.
-- A value is in a bucket when LowerBound <= value < UpperBound.
SELECT metric AS Metric, rank AS Rank, label AS Label, lower_bound AS LowerBound, upper_bound AS UpperBound, unit AS Unit,
       confirmed AS Confirmed
FROM dora_buckets
WHERE report_year = (SELECT max(report_year) FROM dora_buckets WHERE report_year <= $report_year)
ORDER BY metric, rank;
