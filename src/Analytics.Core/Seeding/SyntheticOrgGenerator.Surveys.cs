using System.Globalization;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;

namespace Analytics.Core.Seeding;

/// <summary>Quarterly DevEx pulse waves answered in patterns that follow each team's tier and platform adoption.</summary>
public sealed partial class SyntheticOrgGenerator
{
    private static readonly string[] Obstacles =
    [
        "CI builds are slow, I wait 30 minutes for feedback on every push",
        "Flaky integration tests block my merges",
        "Getting a new database or environment takes weeks of tickets",
        "The deploy pipeline documentation is out of date",
        "Too many meetings break my focus time",
        "On-call interruptions make it hard to finish anything",
        "Reviews sit for days before anyone picks them up",
        "Debugging production issues needs access I don't have",
    ];

    private static readonly string[] Improvements =
    [
        "Make CI faster with better caching",
        "Self-service environments without a ticket",
        "Fix the flaky tests in the shared pipeline",
        "Better documentation and examples for the golden paths",
        "One place to see logs, metrics and traces",
        "Automatic database provisioning",
    ];

    private void WriteSurveys(Writers writers, CancellationToken cancellationToken)
    {
        const string surveyId = "devex-pulse";
        var createdAt = At(_start, 9);
        writers.Write(DevExPulseTemplate.Survey(surveyId, createdAt));
        var questions = DevExPulseTemplate.Questions(surveyId);
        foreach (var question in questions)
        {
            writers.Write(question);
        }

        var quarter = new DateOnly(_start.Year, ((_start.Month - 1) / 3 * 3) + 1, 1);
        for (var wave = 0; quarter < _options.Until; quarter = quarter.AddMonths(3))
        {
            var opens = quarter.AddDays(60);
            var closes = opens.AddDays(14);
            if (opens < _start || opens >= _options.Until)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var waveId = $"devex-{quarter.Year}-q{((quarter.Month - 1) / 3) + 1}";
            var status = closes < _options.Until ? "closed" : "open";
            var name = string.Create(CultureInfo.InvariantCulture, $"{quarter.Year} Q{((quarter.Month - 1) / 3) + 1}");
            // Synthetic people answer every question, so their waves ask every optional block.
            writers.Write(new SurveyWave(waveId, surveyId, name, At(opens, 9), At(closes, 17), true, 5, null, status, DevExPulseTemplate.OptionalBlocks));
            WriteWaveResponses(writers, questions, waveId, opens, closes < _options.Until ? closes : _options.Until.AddDays(-1), wave++);
        }
    }

    private void WriteWaveResponses(Writers writers, IReadOnlyList<SurveyQuestion> questions, string waveId, DateOnly opens, DateOnly closes, int wave)
    {
        var days = Math.Max(1, closes.DayNumber - opens.DayNumber);
        foreach (var team in _teams)
        {
            var engagement = Math.Clamp(0.76 + (0.1 * _random.Normal()), 0.3, 0.97);
            var teamMood = team.Profile.Sentiment + (0.12 * team.AdoptionShare(opens)) + (0.012 * wave) + (0.05 * _random.Normal());
            foreach (var member in team.Members)
            {
                var engineer = member.Engineer;
                if (engineer.StartDate > opens || engineer.EndDate is { } end && end <= opens || !_random.Chance(engagement))
                {
                    continue;
                }

                var mood = Math.Clamp(teamMood + (0.15 * _random.Normal()), 0, 1);
                var responseId = _random.NextGuid();
                var day = opens.AddDays(_random.Next(days));

                // Anonymous wave: the team is kept, the person and the time of day are not.
                writers.Write(new SurveyResponse(responseId, waveId, team.Team.TeamId, null, At(day, 0), "link", Source));
                foreach (var question in questions)
                {
                    WriteAnswer(writers, responseId, question, mood, team.Profile);
                }
            }
        }
    }

    private void WriteAnswer(Writers writers, Guid responseId, SurveyQuestion question, double mood, DeliveryProfile profile)
    {
        if (!question.Required && !_random.Chance(question.Kind == "long_text" ? 0.5 : 0.95))
        {
            return;
        }

        // Slow teams feel their feedback loops and deploys more than anything else.
        var slowness = profile.Tier is "low" or "medium" ? 0.1 : 0;
        var bias = question.Dimension switch
        {
            "feedback_loops" => -slowness,
            "journey" when question.Capability is "get_infrastructure" or "deploy" => -slowness - 0.05,
            "cognitive_load" => -0.04,
            _ => 0,
        };
        switch (question.Kind)
        {
            case "nps":
                writers.Write(new SurveyAnswer(responseId, question.QuestionId, Math.Clamp((int)Math.Round((mood * 10.6) + (1.3 * _random.Normal())), 0, 10), null, null));
                break;
            case "likert":
                // Agreeing with a friction or burnout item is the unhappy answer.
                var felt = question.Dimension is "work_friction" or "burnout" ? 1 - mood : mood + bias;
                writers.Write(new SurveyAnswer(responseId, question.QuestionId, Math.Clamp((int)Math.Round(1 + (felt * 4.2) + (0.7 * _random.Normal())), 1, 5), null, null));
                break;
            case "single_choice":
                var options = question.Options!;
                var index = Math.Clamp((int)Math.Round(((1 - mood) * (options.Count - 1)) + (0.8 * _random.Normal())), 0, options.Count - 1);
                writers.Write(new SurveyAnswer(responseId, question.QuestionId, null, [options[index]], null));
                break;
            default:
                var text = question.QuestionId == "obstacle" ? _random.Pick(Obstacles) : _random.Pick(Improvements);
                writers.Write(new SurveyAnswer(responseId, question.QuestionId, null, null, text));
                break;
        }
    }
}
