using System.Globalization;
using Analytics.Core.Assistants;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Seeding;

/// <summary>
/// Coding-assistant adoption, staggered by team: about two thirds of the teams adopt Copilot, each on its own day in
/// the second half of the history (most of the team then uses it on most workdays); the others hold a few seats
/// that are little used. Seats, weekly activity days, daily organisation usage, and co-author trailers on adopting
/// teams' pull requests. Drawn from its own random stream, so the rest of the organisation is the same with or
/// without it.
/// </summary>
public sealed partial class SyntheticOrgGenerator
{
    private const string Assistant = "copilot";
    private const string CopilotTrailer = "Co-authored-by: GitHub Copilot <175728472+Copilot@users.noreply.github.com>";
    private const int AiAssistedPercent = 45;

    private readonly List<(string Team, DateOnly AdoptedOn)> _aiAdoptions = [];

    private void WriteAiAssistance(Writers writers, CancellationToken cancellationToken)
    {
        var random = new Random(unchecked(_options.Seed * 31 + 15));
        var half = _start.AddDays(_options.Days / 2);
        var active = new Dictionary<DateOnly, int>();
        foreach (var team in _teams)
        {
            cancellationToken.ThrowIfCancellationRequested();
            DateOnly? adopted = random.NextDouble() < 0.67 ? half.AddDays(random.Next(Math.Max(1, _options.Days / 2 - 14))) : null;
            if (adopted is { } adoptionDay)
            {
                _aiAdoptions.Add((team.Team.TeamId, adoptionDay));
            }

            var assigned = (adopted ?? half).AddDays(-random.Next(7, 45));
            foreach (var member in team.Members)
            {
                var holds = adopted is not null || random.NextDouble() < 0.4;
                if (!holds || member.Engineer.ScmLogin is not { } login)
                {
                    continue;
                }

                var from = assigned > member.Engineer.StartDate ? assigned : member.Engineer.StartDate;
                var leaning = random.NextDouble();
                DateOnly? last = null;
                for (var day = from < _start ? _start : from; day < _options.Until; day = day.AddDays(1))
                {
                    var share = adopted is { } on && day >= on ? 0.85 : 0.15;
                    if (!IsWorkday(day) || leaning >= share || random.NextDouble() >= 0.6)
                    {
                        continue;
                    }

                    active[day] = active.GetValueOrDefault(day) + 1;
                    last = day;
                    // A weekly sync sees each seat's last activity of the week.
                    if (day.DayOfWeek == DayOfWeek.Friday)
                    {
                        writers.Write(new AiSeatActivity(Assistant, login.ToLowerInvariant(), day, Source));
                        last = null;
                    }
                }

                if (last is { } lastDay)
                {
                    writers.Write(new AiSeatActivity(Assistant, login.ToLowerInvariant(), lastDay, Source));
                }

                writers.Write(new AiSeat(Assistant, login.ToLowerInvariant(), At(from, 9), null, null, Source));
            }
        }

        foreach (var (day, users) in active.OrderBy(a => a.Key))
        {
            var suggestions = users * (long)random.Next(25, 60);
            writers.Write(new AiUsageDay(Assistant, "seed", day, AiUsageDay.All, AiUsageDay.All, users + 1, users, suggestions, (long)(suggestions * (0.25 + (0.1 * random.NextDouble()))),
                null, null, users * 2 / 5, users, users / 4, users / 8, Source));
        }
    }

    /// <summary>Marks adopting teams' pull requests written with the assistant (after the changes are stored).</summary>
    private void WriteAiChangeSignals(PulseConnection connection)
    {
        if (_aiAdoptions.Count == 0)
        {
            return;
        }

        var added = connection.Execute(SqlQueries.Get("seeding/ai_change_signals"), new
        {
            teams = new ListParameter(_aiAdoptions.Select(a => a.Team)),
            adopted_on = new ListParameter(_aiAdoptions.Select(a => a.AdoptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            share_percent = AiAssistedPercent,
            trailer = CopilotTrailer,
        });
        _rows[ChangeSignal.Table] = added;
    }
}
