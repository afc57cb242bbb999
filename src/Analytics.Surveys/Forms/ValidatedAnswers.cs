using Analytics.Core.Surveys;

namespace Analytics.Surveys.Forms;

/// <summary>The outcome of checking a filled-in form: the answers to store, or what to fix.</summary>
/// <param name="Answers">One per answered question (response id left empty); only meaningful without errors.</param>
/// <param name="Errors">In form order; empty when the form is valid.</param>
public sealed record ValidatedAnswers(IReadOnlyList<SurveyAnswer> Answers, IReadOnlyList<FieldError> Errors)
{
    /// <summary>Whether the form can be stored.</summary>
    public bool IsValid => Errors.Count == 0;
}
