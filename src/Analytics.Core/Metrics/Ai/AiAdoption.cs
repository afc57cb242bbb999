namespace Analytics.Core.Metrics.Ai;

/// <summary>Assistant adoption in a period: seats used ÷ seats licensed (<c>queries/metrics/ai_adoption.sql</c>).</summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team, on team rows.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Suppressed">Fewer than k licensed seats: the figures are withheld.</param>
/// <param name="LicensedSeats">Seats held at some time in the period.</param>
/// <param name="ActiveSeats">Of those, seats with a day of activity in the period.</param>
/// <param name="ActiveShare">ActiveSeats ÷ LicensedSeats, 0 to 1.</param>
public sealed record AiAdoption(string Level, string? TeamId, DateOnly PeriodStart, bool Suppressed, long? LicensedSeats, long? ActiveSeats, double? ActiveShare);
