using System.Globalization;
using System.Text;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Surveys;
using Analytics.Surveys.Administration;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>The HTML of the admin pages: survey list, one survey with its questions and waves, and one wave.</summary>
internal static class AdminSurveyPages
{
    public static string Home(AdminPage page, IReadOnlyList<SurveySummary> surveys)
    {
        var html = new StringBuilder("<h1>Surveys</h1>\n");
        if (surveys.Count == 0)
        {
            html.Append("<p>No surveys yet. Start from a template below.</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption class=\"visually-hidden\">Surveys</caption>\n<thead><tr><th scope=\"col\">Survey</th><th scope=\"col\">Template</th><th scope=\"col\" class=\"number\">Questions</th><th scope=\"col\" class=\"number\">Waves</th><th scope=\"col\" class=\"number\">Open</th><th scope=\"col\">Created</th></tr></thead>\n<tbody>\n");
            foreach (var s in surveys)
            {
                html.Append("<tr><td><a href=\"/admin/surveys/").Append(Uri.EscapeDataString(s.SurveyId)).Append("\">").Append(Encode(s.Title)).Append("</a></td><td>")
                    .Append(Encode(s.Template ?? "—")).Append("</td><td class=\"number\">").Append(s.Questions).Append("</td><td class=\"number\">").Append(s.Waves)
                    .Append("</td><td class=\"number\">").Append(s.OpenWaves).Append("</td><td>").Append(Day(s.CreatedAt)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>New survey from a template</h2>\n<form method=\"post\" action=\"/admin/surveys/from-template\">").Append(page.Antiforgery)
            .Append("<fieldset class=\"plain\"><legend>Template</legend>\n");
        var first = true;
        foreach (var template in SurveyTemplateCatalog.All)
        {
            html.Append("<div class=\"choice\"><input type=\"radio\" id=\"template-").Append(template.Name).Append("\" name=\"template\" value=\"").Append(template.Name).Append('"')
                .Append(first ? " checked" : "").Append("><label for=\"template-").Append(template.Name).Append("\">").Append(Encode(template.Label)).Append("</label></div>\n");
            first = false;
        }

        html.Append("</fieldset>\n<button type=\"submit\">Create from template</button>\n</form>\n")
            .Append("<h2>New survey from scratch</h2>\n<form method=\"post\" action=\"/admin/surveys/blank\">").Append(page.Antiforgery)
            .Append("<div class=\"field\"><label for=\"title\">Title</label><input type=\"text\" id=\"title\" name=\"title\" maxlength=\"120\"></div>\n")
            .Append("<div class=\"field\"><label for=\"description\">Introduction <span class=\"muted\">(optional)</span></label><textarea id=\"description\" name=\"description\" rows=\"3\"></textarea></div>\n")
            .Append("<button type=\"submit\">Create empty survey</button>\n</form>\n");
        return html.ToString();
    }

    public static string Survey(AdminPage page, Survey survey, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<SurveyWave> waves, IReadOnlyList<TeamName> teams, DateTimeOffset now)
    {
        var id = Uri.EscapeDataString(survey.SurveyId);
        var editable = waves.All(w => w.Status == "draft");
        var html = new StringBuilder();
        html.Append("<p><a href=\"/admin\">All surveys</a></p>\n<h1>").Append(Encode(survey.Title)).Append("</h1>\n");
        if (survey.Description is { } description)
        {
            html.Append("<p class=\"lead\">").Append(Encode(description)).Append("</p>\n");
        }

        html.Append("<h2>Waves</h2>\n");
        if (waves.Count == 0)
        {
            html.Append("<p>No waves yet. A wave is one run of the survey, for example one quarter.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th scope=\"col\">Wave</th><th scope=\"col\">Status</th><th scope=\"col\">Opens</th><th scope=\"col\">Closes</th><th scope=\"col\">Anonymous</th><th scope=\"col\">Audience</th></tr></thead>\n<tbody>\n");
            foreach (var wave in waves)
            {
                html.Append("<tr><td><a href=\"/admin/waves/").Append(Uri.EscapeDataString(wave.WaveId)).Append("\">").Append(Encode(wave.Name)).Append("</a></td><td>")
                    .Append(Status(wave, now)).Append("</td><td>").Append(Day(wave.OpensAt)).Append("</td><td>").Append(Day(wave.ClosesAt)).Append("</td><td>")
                    .Append(wave.IsAnonymous ? "Yes" : "No").Append("</td><td>").Append(Encode(Audience(wave, teams))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (questions.Count > 0)
        {
            AppendWaveForm(html, page, id, teams, questions, now);
        }

        html.Append("<h2>Questions</h2>\n");
        html.Append(editable
            ? "<p class=\"muted\">You can change the questions until a wave opens.</p>\n"
            : "<p class=\"muted\">A wave has opened, so these questions are fixed; answers must mean the same in every wave.</p>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\" class=\"number\">#</th><th scope=\"col\">Question</th><th scope=\"col\">Kind</th><th scope=\"col\">Required</th>")
            .Append(editable ? "<th scope=\"col\">Change</th>" : "").Append("</tr></thead>\n<tbody>\n");
        var number = 0;
        foreach (var question in questions)
        {
            html.Append("<tr><td class=\"number\">").Append(++number).Append("</td><td>").Append(Encode(question.Text));
            if (question.Options is { Count: > 0 } options)
            {
                html.Append("<br><span class=\"muted\">").Append(Encode(string.Join(" · ", options))).Append("</span>");
            }

            html.Append("</td><td>").Append(Encode(SurveyQuestionKinds.Label(question.Kind))).Append("</td><td>").Append(question.Required ? "Yes" : "No").Append("</td>");
            if (editable)
            {
                var q = Uri.EscapeDataString(question.QuestionId);
                html.Append("<td><a href=\"/admin/surveys/").Append(id).Append("/questions/").Append(q).Append("\">Edit<span class=\"visually-hidden\"> question ").Append(number).Append("</span></a> ")
                    .Append(page.Button($"/admin/surveys/{id}/questions/{q}/delete", "Delete", "link")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (editable)
        {
            html.Append("<h2>Add a question</h2>\n<form method=\"post\" action=\"/admin/surveys/").Append(id).Append("/questions\">").Append(page.Antiforgery);
            AppendQuestionFields(html, null);
            html.Append("<button type=\"submit\">Add question</button>\n</form>\n");
        }

        return html.ToString();
    }

    public static string EditQuestion(AdminPage page, Survey survey, SurveyQuestion question)
    {
        var html = new StringBuilder();
        var id = Uri.EscapeDataString(survey.SurveyId);
        html.Append("<p><a href=\"/admin/surveys/").Append(id).Append("\">").Append(Encode(survey.Title)).Append("</a></p>\n<h1>Edit question</h1>\n")
            .Append("<form method=\"post\" action=\"/admin/surveys/").Append(id).Append("/questions/").Append(Uri.EscapeDataString(question.QuestionId)).Append("\">").Append(page.Antiforgery);
        AppendQuestionFields(html, question);
        html.Append("<div class=\"actions\"><button type=\"submit\">Save question</button><a href=\"/admin/surveys/").Append(id).Append("\">Cancel</a></div>\n</form>\n");
        return html.ToString();
    }

    /// <summary>One wave; <paramref name="links"/> says what new personal links would replace, and is null for a closed wave, which gets none.</summary>
    public static string Wave(AdminPage page, Survey survey, SurveyWave wave, IReadOnlyList<ResponseRate> rates, IReadOnlyList<TeamName> teams, string publicBaseUrl, int minimumGroupSize,
        LinkReplacement? links, DateTimeOffset now)
    {
        var k = wave.ReportedGroupSize(minimumGroupSize);
        var waveId = Uri.EscapeDataString(wave.WaveId);
        var names = teams.ToDictionary(t => t.TeamId, t => t.Name, StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<p><a href=\"/admin/surveys/").Append(Uri.EscapeDataString(survey.SurveyId)).Append("\">").Append(Encode(survey.Title)).Append("</a></p>\n")
            .Append("<h1>").Append(Encode(wave.Name)).Append(' ').Append(Status(wave, now)).Append("</h1>\n")
            .Append("<p>Opens ").Append(Day(wave.OpensAt)).Append(", closes ").Append(Day(wave.ClosesAt)).Append(". ")
            .Append(wave.IsAnonymous ? "Anonymous: responses keep the team, never the person." : "Confidential: responses keep the person, reported only in groups.")
            .Append(" Results are shown for groups of ").Append(k).Append(" or more").Append(k > wave.MinGroupSize ? " (the organisation's minimum)" : "").Append(". Audience: ").Append(Encode(Audience(wave, teams))).Append('.')
            .Append(wave.OptionalBlocks is { Count: > 0 } blocks ? $" Optional blocks asked: {Encode(string.Join(", ", blocks))}." : "").Append("</p>\n")
            .Append("<div class=\"actions\">");
        if (wave.Status == "draft")
        {
            html.Append(page.Button($"/admin/waves/{waveId}/open", "Open wave", "primary"));
        }

        // Closing, and links that replace ones already sent, are asked about first on a page of their own.
        if (wave.Status == "open")
        {
            html.Append("<a class=\"button danger\" href=\"/admin/waves/").Append(waveId).Append("/close\">Close wave…</a>");
        }

        if (wave.Status == "closed" && wave.ClosesAt > now)
        {
            html.Append(page.Button($"/admin/waves/{waveId}/reopen", "Reopen wave", "primary"));
        }

        if (links is { WorkingLinks: > 0 })
        {
            html.Append("<a class=\"button secondary\" href=\"/admin/waves/").Append(waveId).Append("/links\">Download new personal links (CSV)…</a>");
        }
        else if (links is not null)
        {
            html.Append(page.Button($"/admin/waves/{waveId}/links", "Download personal links (CSV)"));
        }

        html.Append("<a class=\"button secondary\" href=\"/admin/waves/").Append(waveId).Append("/responses.csv\">Download responses (CSV, no identities)</a></div>\n");
        if (wave.Status != "closed")
        {
            html.Append("<p class=\"muted\">Personal links work once each. Only their fingerprints are stored, so the CSV is the only copy: downloading again replaces every unused link.</p>\n");
        }
        else if (wave.ClosesAt > now)
        {
            html.Append("<p class=\"muted\">Closed before its end: you can reopen it until ").Append(Moment(wave.ClosesAt)).Append(", and its unused links then work again.</p>\n");
        }

        if (wave.IsAnonymous)
        {
            html.Append("<p>Open link for everyone (one response per browser): <code>").Append(Encode($"{publicBaseUrl.TrimEnd('/')}/s/open/{wave.WaveId}")).Append("</code></p>\n");
        }

        html.Append("<h2>Response rate</h2>\n<p class=\"actions\"><a class=\"button secondary\" href=\"/admin/waves/").Append(waveId).Append("\">Refresh results</a>")
            .Append("<span class=\"muted\">As of ").Append(now.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC.</span></p>\n")
            .Append("<p class=\"muted\">Teams with fewer than ").Append(k)
            .Append(" responses are hidden, with the smallest other team when needed, so no one can be singled out.</p>\n")
            .Append("<table>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\" class=\"number\">Invited</th><th scope=\"col\" class=\"number\">Responses</th><th scope=\"col\" class=\"number\">Rate</th></tr></thead>\n<tbody>\n");
        if (rates.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">No one is invited yet: the audience has no engineers employed when the wave opens.</td></tr>\n");
        }

        foreach (var rate in rates)
        {
            var group = rate.Level == "organisation" ? "Whole organisation" : names.GetValueOrDefault(rate.TeamId ?? "", rate.TeamId ?? "");
            html.Append("<tr><td>").Append(Encode(group)).Append("</td><td class=\"number\">").Append(rate.Invited).Append("</td>");
            html.Append(rate.Suppressed
                ? $"<td class=\"number\" colspan=\"2\"><span class=\"muted\">Hidden (fewer than {k}, or would reveal one)</span></td>"
                : $"<td class=\"number\">{rate.Responses}</td><td class=\"number\">{(rate.RatePercent ?? 0).ToString("0", CultureInfo.InvariantCulture)}%</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    private static void AppendWaveForm(StringBuilder html, AdminPage page, string surveyId, IReadOnlyList<TeamName> teams, IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now)
    {
        var opens = now.UtcDateTime.Date.AddDays(1);
        html.Append("<details><summary>Create a wave</summary>\n<form method=\"post\" action=\"/admin/surveys/").Append(surveyId).Append("/waves\">").Append(page.Antiforgery)
            .Append("<div class=\"field\"><label for=\"name\">Name</label><input type=\"text\" id=\"name\" name=\"name\" maxlength=\"100\" value=\"")
            .Append(Encode($"{now.Year} Q{((now.Month - 1) / 3) + 1}")).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"opens\">Opens (UTC)</label><input type=\"datetime-local\" id=\"opens\" name=\"opens\" value=\"").Append(opens.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"closes\">Closes (UTC)</label><input type=\"datetime-local\" id=\"closes\" name=\"closes\" value=\"").Append(opens.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"k\">Smallest group reported (k, at least 3)</label><input type=\"number\" id=\"k\" name=\"k\" min=\"3\" value=\"5\"></div>\n")
            .Append("<div class=\"choice\"><input type=\"checkbox\" id=\"anonymous\" name=\"anonymous\" value=\"true\" checked><label for=\"anonymous\">Anonymous (keep the team, never the person; allows an open link)</label></div>\n")
            .Append("<fieldset class=\"plain\"><legend>Audience</legend><p class=\"muted\">Choose none for every team.</p>\n");
        foreach (var team in teams)
        {
            html.Append("<div class=\"choice\"><input type=\"checkbox\" id=\"team-").Append(Encode(team.TeamId)).Append("\" name=\"teams\" value=\"").Append(Encode(team.TeamId))
                .Append("\"><label for=\"team-").Append(Encode(team.TeamId)).Append("\">").Append(Encode(team.Name)).Append("</label></div>\n");
        }

        html.Append("</fieldset>\n");
        var blocks = questions.Where(q => q.Block is not null).GroupBy(q => q.Block!).ToList();
        if (blocks.Count > 0)
        {
            html.Append("<fieldset class=\"plain\"><legend>Optional blocks</legend><p class=\"muted\">Off by default, to keep the form short; asked only in this wave when ticked.</p>\n");
            foreach (var block in blocks)
            {
                html.Append("<div class=\"choice\"><input type=\"checkbox\" id=\"block-").Append(Encode(block.Key)).Append("\" name=\"blocks\" value=\"").Append(Encode(block.Key))
                    .Append("\"><label for=\"block-").Append(Encode(block.Key)).Append("\">").Append(Encode(block.First().Grid ?? block.First().Text))
                    .Append(block.Count() == 1 ? "" : $" ({block.Count()} questions)").Append("</label></div>\n");
            }

            html.Append("</fieldset>\n");
        }

        html.Append("<button type=\"submit\">Create wave</button>\n</form>\n</details>\n");
    }

    private static void AppendQuestionFields(StringBuilder html, SurveyQuestion? question)
    {
        if (question is null)
        {
            html.Append("<div class=\"field\"><label for=\"kind\">Kind</label><select id=\"kind\" name=\"kind\">");
            foreach (var kind in SurveyQuestionKinds.All)
            {
                html.Append("<option value=\"").Append(kind).Append("\">").Append(Encode(SurveyQuestionKinds.Label(kind))).Append("</option>");
            }

            html.Append("</select></div>\n");
        }
        else
        {
            html.Append("<input type=\"hidden\" name=\"kind\" value=\"").Append(Encode(question.Kind)).Append("\"><p>Kind: ").Append(Encode(SurveyQuestionKinds.Label(question.Kind))).Append("</p>\n");
        }

        html.Append("<div class=\"field\"><label for=\"text\">Question</label><input type=\"text\" id=\"text\" name=\"text\" maxlength=\"500\" value=\"").Append(Encode(question?.Text)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"help\">Help text <span class=\"muted\">(optional)</span></label><input type=\"text\" id=\"help\" name=\"help\" maxlength=\"500\" value=\"").Append(Encode(question?.HelpText)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"options\">Options, one per line <span class=\"muted\">(choice questions)</span></label><textarea id=\"options\" name=\"options\" rows=\"4\">")
            .Append(Encode(string.Join('\n', question?.Options ?? []))).Append("</textarea></div>\n")
            .Append("<div class=\"field\"><label for=\"low\">Low end label <span class=\"muted\">(scales)</span></label><input type=\"text\" id=\"low\" name=\"low\" maxlength=\"60\" value=\"").Append(Encode(question?.LowLabel)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"high\">High end label <span class=\"muted\">(scales)</span></label><input type=\"text\" id=\"high\" name=\"high\" maxlength=\"60\" value=\"").Append(Encode(question?.HighLabel)).Append("\"></div>\n")
            .Append("<div class=\"choice\"><input type=\"checkbox\" id=\"required\" name=\"required\" value=\"true\"").Append(question?.Required == true ? " checked" : "").Append("><label for=\"required\">An answer is required</label></div>\n");
    }

    private static string Status(SurveyWave wave, DateTimeOffset now) => wave.AvailabilityAt(now) switch
    {
        WaveAvailability.Open => "<span class=\"status open\">Open</span>",
        WaveAvailability.NotYetOpen => "<span class=\"status\">Scheduled</span>",
        WaveAvailability.Draft => "<span class=\"status\">Draft</span>",
        _ => "<span class=\"status closed\">Closed</span>",
    };

    private static string Audience(SurveyWave wave, IReadOnlyList<TeamName> teams) =>
        wave.AudienceTeamIds is { Count: > 0 } ids
            ? string.Join(", ", ids.Select(id => teams.FirstOrDefault(t => t.TeamId == id)?.Name ?? id))
            : "every team";

    private static string Day(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day and time as admin pages show them, such as "24 Nov 2026 09:00 UTC".</summary>
    public static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
