using Analytics.Core.Delivery;
using Analytics.Core.Metrics.Core4;
using Analytics.Core.Metrics.Core4.Classification;
using Analytics.Core.Organisation;
using Analytics.Core.WorkItems;

namespace Analytics.Core.Tests.Metrics.Core4;

/// <summary>Builders for Core 4's records: merged pull requests, engineers with an end date, resolved work items, labelled texts.</summary>
internal static class Core4Data
{
    private static int _sequence;

    public static void Engineer(this MetricsFixture fixture, string id, string team, DateOnly start, DateOnly? end) =>
        fixture.Write(new Engineer(id, id, null, id, team, start, end, "test"));

    /// <summary>A pull request by <paramref name="author"/> merged at <paramref name="mergedAt"/> (UTC).</summary>
    public static void Merged(this MetricsFixture fixture, string? author, string mergedAt, string service = "api")
    {
        var merged = MetricsFixture.At(mergedAt);
        fixture.Write(new Change($"pr{Interlocked.Increment(ref _sequence)}", "pull_request", null, service, null, author, "change", [],
            merged.AddHours(-5), merged.AddHours(-4), merged.AddHours(-2), merged, null, null, "test"));
    }

    /// <summary><paramref name="count"/> pull requests by <paramref name="author"/>, one a day from <paramref name="first"/> (12:00 UTC).</summary>
    public static void MergedDaily(this MetricsFixture fixture, string author, DateOnly first, int count)
    {
        for (var i = 0; i < count; i++)
        {
            fixture.Merged(author, $"{first.AddDays(i):yyyy-MM-dd}T12:00:00Z");
        }
    }

    public static void WorkItem(this MetricsFixture fixture, string team, string kind, string title, string resolved, params string[] labels)
    {
        var at = MetricsFixture.At(resolved);
        fixture.Write(new WorkItem($"w{Interlocked.Increment(ref _sequence)}", "P", kind, title, labels, team, null, null, "Done", at.AddDays(-3), null, at, "test"));
    }

    /// <summary>
    /// A set whose category shows in its words: each category has its own vocabulary, mixed with shared filler, so a
    /// model can learn it; some titles are empty.
    /// </summary>
    public static List<WorkItemText> Learnable(int count, int seed = 7)
    {
        var random = new Random(seed);
        var words = new Dictionary<string, string[]>
        {
            [WorkCategory.NewCapability] = ["add", "new", "launch", "checkout", "export", "dashboard", "customers", "support", "for"],
            [WorkCategory.Maintenance] = ["upgrade", "refactor", "library", "deprecate", "cleanup", "dependency", "version", "legacy", "cache"],
            [WorkCategory.Unplanned] = ["crash", "error", "broken", "failing", "timeout", "urgent", "page", "down", "fix"],
        };
        string[] filler = ["the", "service", "api", "team", "module", "billing", "search"];
        return Enumerable.Range(0, count).Select(i =>
        {
            var category = WorkCategory.All[i % 3];
            var vocabulary = words[category];
            var title = i % 17 == 0 ? "" : string.Join(' ', Enumerable.Range(0, 4).Select(_ => random.Next(3) == 0 ? filler[random.Next(filler.Length)] : vocabulary[random.Next(vocabulary.Length)]));
            return new WorkItemText { Title = title, Labels = vocabulary[random.Next(vocabulary.Length)], Kind = "task", Category = category };
        }).ToList();
    }

    /// <summary>Categories drawn independently of the words: nothing to learn.</summary>
    public static List<WorkItemText> Noise(int count, int seed = 11)
    {
        var random = new Random(seed);
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
        return Enumerable.Range(0, count).Select(_ => new WorkItemText
        {
            Title = string.Join(' ', Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)])),
            Labels = words[random.Next(words.Length)],
            Kind = "task",
            Category = WorkCategory.All[random.Next(3)],
        }).ToList();
    }
}
