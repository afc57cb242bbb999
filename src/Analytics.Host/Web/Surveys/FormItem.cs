using Analytics.Core.Surveys;

namespace Analytics.Host.Web.Surveys;

/// <summary>One numbered item of the form: a question on its own, or a grid of scale questions that share a prompt.</summary>
/// <param name="Number">Its place on the form, from 1.</param>
/// <param name="Questions">One question, or the grid's rows in form order.</param>
public sealed record FormItem(int Number, IReadOnlyList<SurveyQuestion> Questions)
{
    /// <summary>The grid's prompt, or null for a question on its own.</summary>
    public string? Grid => Questions[0].Grid;

    /// <summary>The form's items: consecutive scale questions of the same kind and grid become one grid.</summary>
    public static IReadOnlyList<FormItem> Of(IReadOnlyList<SurveyQuestion> questions)
    {
        var groups = new List<List<SurveyQuestion>>();
        foreach (var question in questions)
        {
            var grid = IsScale(question) ? question.Grid : null;
            if (grid is not null && groups.Count > 0 && groups[^1][0] is { Grid: { } previous } first && previous == grid && first.Kind == question.Kind && IsScale(first))
            {
                groups[^1].Add(question);
            }
            else
            {
                groups.Add([question with { Grid = grid }]);
            }
        }

        return groups.Select((g, i) => new FormItem(i + 1, g)).ToList();
    }

    /// <summary>A row's label: its short label, or its text.</summary>
    public static string RowLabel(SurveyQuestion question) => question.RowLabel ?? question.Text;

    private static bool IsScale(SurveyQuestion question) => question.Kind is SurveyQuestionKinds.Nps or SurveyQuestionKinds.Likert;
}
