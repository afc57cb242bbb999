-- The periods of a range with the instant each starts, converted once per period: queries place rows in their
-- period with an ASOF join on starts_at instead of converting every row's time zone (ICU conversions dominate
-- otherwise). Periods are cut in the given time zone; weeks start on Monday.
CREATE MACRO period_bounds(from_day, to_day, grain, tz) AS TABLE
    SELECT period_start, timezone(tz, CAST(period_start AS TIMESTAMP)) AS starts_at
    FROM (
        SELECT DISTINCT CAST(date_trunc(grain, d) AS DATE) AS period_start
        FROM range(CAST(from_day AS TIMESTAMP), CAST(to_day AS TIMESTAMP), INTERVAL 1 DAY) r(d)
    );
