namespace Analytics.Core.Storage;

/// <summary>How much the database holds, per kind of record.</summary>
public sealed record ActivityCounts(
    long Teams,
    long Services,
    long Engineers,
    long Deployments,
    long Changes,
    long Incidents,
    long WorkItems,
    long SurveyResponses)
{
    /// <summary>True when nothing has been stored yet.</summary>
    public bool IsEmpty => Teams + Services + Engineers + Deployments + Changes + Incidents + WorkItems + SurveyResponses == 0;

    /// <summary>A one-line summary for the command line.</summary>
    public override string ToString() =>
        $"{Teams:N0} teams, {Services:N0} services, {Engineers:N0} engineers, {Deployments:N0} deployments, {Changes:N0} changes, " +
        $"{Incidents:N0} incidents, {WorkItems:N0} work items, {SurveyResponses:N0} survey responses";
}
