namespace Analytics.Core.Surveys.Templates;

/// <summary>The shipped survey templates, by name.</summary>
public static class SurveyTemplateCatalog
{
    /// <summary>Every template, in the order an admin sees them.</summary>
    public static readonly IReadOnlyList<SurveyTemplate> All =
    [
        new(DevExPulseTemplate.Name, "Quarterly DevEx pulse", DevExPulseTemplate.Survey, DevExPulseTemplate.Questions),
        new(OnboardingTemplate.Name, "Onboarding (first 90 days)", OnboardingTemplate.Survey, OnboardingTemplate.Questions),
        new(PathToProductionTemplate.Name, "Path-to-production journey", PathToProductionTemplate.Survey, PathToProductionTemplate.Questions),
        new(AiCapabilitiesTemplate.Name, "AI capabilities (DORA 2025)", AiCapabilitiesTemplate.Survey, AiCapabilitiesTemplate.Questions),
        new(DoraProfileBlock.Name, DoraProfileBlock.Label, DoraProfileBlock.Survey, id => DoraProfileBlock.Questions(id)),
        new(AiAssistantsTemplate.Name, "AI coding assistants (time saved, trust)", AiAssistantsTemplate.Survey, AiAssistantsTemplate.Questions),
    ];

    /// <summary>The template with this name, or null.</summary>
    public static SurveyTemplate? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
