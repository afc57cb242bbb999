using Analytics.Ingestion.Import;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The data-health page: each source's latest runs and one page of the refused records.</summary>
/// <param name="Filter">The dashboards' filter, kept on the tabs.</param>
/// <param name="Runs">The latest runs of each source, grouped by source, newest first.</param>
/// <param name="Watermarks">How far each source's streams have read.</param>
/// <param name="DeadLetters">The refused records on this page, newest first.</param>
/// <param name="DeadLetterCount">All refused records.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageCount">Pages of refused records (at least 1).</param>
public sealed record DataHealthModel(DashboardFilter Filter, IReadOnlyList<IngestionRun> Runs, IReadOnlyList<WatermarkRow> Watermarks, IReadOnlyList<DeadLetterRow> DeadLetters, long DeadLetterCount, int Page, int PageCount);
