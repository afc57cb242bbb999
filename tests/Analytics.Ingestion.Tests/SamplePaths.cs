namespace Analytics.Ingestion.Tests;

/// <summary>Where the repository's data-samples folder is, seen from the test output.</summary>
public static class SamplePaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../data-samples"));
}
