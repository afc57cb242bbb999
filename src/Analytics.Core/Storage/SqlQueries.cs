using System.Collections.Concurrent;

namespace Analytics.Core.Storage;

/// <summary>
/// The SQL files under <c>queries/</c>, embedded in this assembly and loaded by path without the extension,
/// for example <c>SqlQueries.Get("storage/applied_migrations")</c>.
/// </summary>
public static class SqlQueries
{
    private const string Prefix = "queries/";
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of a query; throws when no such file was embedded.</summary>
    public static string Get(string name) => Cache.GetOrAdd(name, Load);

    /// <summary>The names of every embedded query under a folder, sorted.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        typeof(SqlQueries).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith($"{Prefix}{folder}/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".sql".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Load(string name)
    {
        using var stream = typeof(SqlQueries).Assembly.GetManifestResourceStream($"{Prefix}{name}.sql")
            ?? throw new InvalidOperationException($"No query named '{name}' is embedded: expected the file queries/{name}.sql.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
