-- Coding-assistant usage per period and assistant, from the daily figures (the day's totals, editor and language
-- 'all'): mean daily active and engaged users over the days reported, the busiest day's active users, suggestions,
-- acceptances and their ratio, chat and agent use. Days are UTC days, as the sources report them; a period is taken
-- by its first and last day. The figures are the source's own aggregates over the whole organisation.
-- Parameters: $from, $to, $grain, $tz.
WITH bounds AS (
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
)
SELECT b.period_start AS PeriodStart, u.assistant AS Assistant,
       count(DISTINCT u.day) AS DaysReported,
       avg(u.active_users) AS MeanDailyActiveUsers,
       avg(u.engaged_users) AS MeanDailyEngagedUsers,
       max(u.active_users) AS PeakActiveUsers,
       CAST(sum(u.suggestions) AS BIGINT) AS Suggestions,
       CAST(sum(u.acceptances) AS BIGINT) AS Acceptances,
       sum(u.acceptances) / nullif(sum(u.suggestions), 0) AS AcceptanceRate,
       avg(u.chat_engaged_users) AS MeanDailyChatUsers,
       CAST(sum(u.chats) AS BIGINT) AS Chats,
       avg(u.agent_engaged_users) AS MeanDailyAgentUsers,
       CAST(sum(u.agent_uses) AS BIGINT) AS AgentUses
FROM bounds b
JOIN ai_usage_daily u ON u.day >= b.period_start AND u.day < b.period_end
WHERE u.editor = 'all' AND u.language = 'all'
GROUP BY ALL
ORDER BY PeriodStart, Assistant;
