using Analytics.Core.Metrics.Core4;
using Analytics.Core.WorkItems;

namespace Analytics.Core.Seeding;

/// <summary>Bugs and features per team, and support requests from every team to the platform team.</summary>
public sealed partial class SyntheticOrgGenerator
{
    /// <summary>Support request categories: how often each comes up and how long it takes to handle (median hours).</summary>
    private static readonly IReadOnlyList<((string Category, double Hours) Item, double Weight)> SupportCategories =
    [
        (("access request", 4), 25),
        (("pipeline failure", 6), 20),
        (("observability setup", 16), 12),
        (("new environment", 40), 10),
        (("database provisioning", 60), 10),
        (("dns and certificates", 24), 8),
        (("secrets rotation", 8), 8),
        (("cost question", 12), 7),
    ];

    private void WriteWorkItems(Writers writers, CancellationToken cancellationToken)
    {
        var platform = _teams.First(t => t.Team.IsPlatformTeam);
        var supportNumber = 0;
        // Titles and the tasks come from their own stream, so that every other seeded figure stays as it was.
        var words = new Random(_options.Seed ^ 0x0C04E);
        for (var day = _start; day < _options.Until; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsWorkday(day))
            {
                continue;
            }

            foreach (var team in _teams)
            {
                var key = team.Team.TeamId.ToUpperInvariant();
                for (var i = _random.Poisson(0.25); i > 0; i--)
                {
                    WriteTicket(writers, team, key, "bug", day, 30, null, null, words: words);
                }

                for (var i = _random.Poisson(0.4); i > 0; i--)
                {
                    WriteTicket(writers, team, key, "feature", day, 120, null, null, words: words);
                }

                WriteTasks(writers, team, key, day, words);

                if (team != platform && _random.Chance(0.06))
                {
                    var (category, hours) = _random.Weighted(SupportCategories);
                    supportNumber++;
                    WriteTicket(writers, platform, "PLAT", "support_request", day, hours, category, team.Team.TeamId, supportNumber);
                }
            }
        }
    }

    private void WriteTicket(Writers writers, TeamPlan handler, string key, string kind, DateOnly day, double medianHours, string? category, string? requester, int? number = null,
        Random? words = null)
    {
        var created = At(day, 8 + (_random.NextDouble() * 9));
        var firstResponse = created.AddHours(_random.LogNormal(2, 0.9));
        var resolved = created.AddHours(Math.Max(0.2, _random.LogNormal(medianHours, 0.8)));
        var done = resolved < At(_options.Until, 0);
        var id = number is { } n ? $"seed:{key}-{n}" : $"seed:{key}-{handler.NextWorkItem++}";
        var title = kind switch
        {
            "support_request" => $"Help needed: {category}",
            "bug" => TitleOf(WorkCategory.Unplanned, words ?? _random),
            _ => TitleOf(WorkCategory.NewCapability, words ?? _random),
        };
        IReadOnlyList<string?> labels = category is null ? [kind] : [kind, category.Replace(' ', '-')];
        writers.Write(new WorkItem(id, key, kind, title, labels, handler.Team.TeamId, requester, category, done ? "Done" : "In Progress",
            created, kind == "support_request" ? firstResponse : null, done ? resolved : null, Source));
    }
}
