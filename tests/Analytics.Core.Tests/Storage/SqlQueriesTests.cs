using Analytics.Core.Storage;

namespace Analytics.Core.Tests.Storage;

public sealed class SqlQueriesTests
{
    [Fact]
    public void Every_sql_file_under_queries_is_embedded()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../queries"));
        var files = Directory.EnumerateFiles(root, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')[..^4])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var name in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(root, name + ".sql")), SqlQueries.Get(name));
        }
    }

    [Fact]
    public void Missing_query_fails_loudly_with_the_expected_path()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SqlQueries.Get("nope/missing"));
        Assert.Contains("queries/nope/missing.sql", error.Message, StringComparison.Ordinal);
    }
}
