-- The DORA team profiles (2025 on) of the newest report up to $report_year, with their centres in standard scores.
SELECT profile AS Profile, rank AS Rank, name AS Name, throughput AS Throughput, instability AS Instability,
       team_performance AS TeamPerformance, product_performance AS ProductPerformance,
       individual_effectiveness AS IndividualEffectiveness, valuable_work AS ValuableWork, friction AS Friction,
       burnout AS Burnout
FROM dora_profiles
WHERE report_year = (SELECT max(report_year) FROM dora_profiles WHERE report_year <= $report_year)
ORDER BY rank;
