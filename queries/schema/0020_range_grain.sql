-- A 'range' grain: the whole of [from_day, to_day) as one period, for figures over a date range a dashboard or
-- the API is asked for (a median over a range cannot be put together from monthly medians). The other grains
-- are cut exactly as before. date_trunc is never handed 'range': DuckDB checks its specifier even in a branch
-- that is not taken.
-- The first day of the period of grain that a day falls in; for 'range', the range's first day.
CREATE OR REPLACE MACRO period_of(day, grain, from_day) AS
    CASE grain WHEN 'range' THEN CAST(from_day AS DATE)
               ELSE CAST(date_trunc(CASE grain WHEN 'range' THEN 'day' ELSE grain END, day) AS DATE)
    END;

CREATE OR REPLACE MACRO period_bounds(from_day, to_day, grain, tz) AS TABLE
    SELECT period_start,
           timezone(tz, CAST(period_start AS TIMESTAMP)) AS starts_at,
           period_end,
           CAST(datediff('day', greatest(period_start, CAST(from_day AS DATE)), least(period_end, CAST(to_day AS DATE))) AS BIGINT) AS days_in_range,
           least(period_end, CAST(to_day AS DATE)) AS range_end
    FROM (
        SELECT period_start,
               CASE grain WHEN 'range' THEN CAST(to_day AS DATE)
                          ELSE CAST(period_start + CASE grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE)
               END AS period_end
        FROM (
            SELECT DISTINCT period_of(d, grain, from_day) AS period_start
            FROM range(CAST(from_day AS TIMESTAMP), CAST(to_day AS TIMESTAMP), INTERVAL 1 DAY) r(d)
        )
    );
