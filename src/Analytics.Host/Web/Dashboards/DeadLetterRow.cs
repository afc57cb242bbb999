namespace Analytics.Host.Web.Dashboards;

/// <summary>A record ingestion refused, with where it was in its source and why.</summary>
/// <param name="Source">The source it came from, e.g. <c>github</c> or <c>import</c>.</param>
/// <param name="Entity">What it would have been, e.g. <c>deployments</c>.</param>
/// <param name="Location">Where it was: "line 12", "owner/repo pull request 7".</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="ReceivedAt">When it was refused.</param>
/// <param name="Payload">The record as received.</param>
public sealed record DeadLetterRow(string Source, string Entity, string Location, string Reason, DateTimeOffset ReceivedAt, string Payload)
{
    /// <summary>Splits the stored reason, which ingestion writes as "&lt;location&gt;: &lt;why&gt;".</summary>
    public static DeadLetterRow Of(Analytics.Ingestion.Import.DeadLetter letter)
    {
        var separator = letter.Reason.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0
            ? new DeadLetterRow(letter.Source, letter.Entity, letter.Reason[..separator], letter.Reason[(separator + 2)..], letter.ReceivedAt, letter.Payload)
            : new DeadLetterRow(letter.Source, letter.Entity, "", letter.Reason, letter.ReceivedAt, letter.Payload);
    }
}
