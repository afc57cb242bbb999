namespace Analytics.Core.Seeding;

/// <summary>How far the generator has come.</summary>
/// <param name="Stage">What it is generating now.</param>
/// <param name="Fraction">Share of the whole job done, from 0 to 1.</param>
public sealed record SeedProgress(string Stage, double Fraction);
