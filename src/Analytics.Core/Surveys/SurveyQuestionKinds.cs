namespace Analytics.Core.Surveys;

/// <summary>The kinds of question a survey can ask, as stored in <c>survey_questions.kind</c>.</summary>
public static class SurveyQuestionKinds
{
    /// <summary>0–10 likelihood to recommend.</summary>
    public const string Nps = "nps";

    /// <summary>1–5 with labelled ends.</summary>
    public const string Likert = "likert";

    /// <summary>One of the listed options.</summary>
    public const string SingleChoice = "single_choice";

    /// <summary>Any of the listed options.</summary>
    public const string MultipleChoice = "multiple_choice";

    /// <summary>A line of text.</summary>
    public const string ShortText = "short_text";

    /// <summary>A paragraph of text.</summary>
    public const string LongText = "long_text";

    /// <summary>Every kind, in the order an editor lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Nps, Likert, SingleChoice, MultipleChoice, ShortText, LongText];

    /// <summary>Whether answers of this kind pick from the question's options.</summary>
    public static bool HasOptions(string kind) => kind is SingleChoice or MultipleChoice;

    /// <summary>Whether answers of this kind are on a numbered scale with labelled ends.</summary>
    public static bool IsScale(string kind) => kind is Nps or Likert;

    /// <summary>A name for people.</summary>
    public static string Label(string kind) => kind switch
    {
        Nps => "0–10 recommendation (NPS)",
        Likert => "1–5 scale",
        SingleChoice => "Single choice",
        MultipleChoice => "Multiple choice",
        ShortText => "Short text",
        LongText => "Long text",
        _ => kind,
    };
}
