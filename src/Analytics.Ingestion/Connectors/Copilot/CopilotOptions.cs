namespace Analytics.Ingestion.Connectors.Copilot;

/// <summary>The GitHub Copilot source (configuration section <c>Pulse:Sources:Copilot</c>); the token is never logged.</summary>
public sealed class CopilotOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Sources:Copilot";

    /// <summary>The REST API's base address (GitHub Enterprise Server: <c>https://host/api/v3/</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>
    /// A token of an organisation owner or billing manager with <c>manage_billing:copilot</c> or <c>read:org</c>
    /// (environment: <c>Pulse__Sources__Copilot__Token</c>).
    /// </summary>
    public string? Token { get; set; }

    /// <summary>The GitHub organisation whose Copilot metrics and seats are read.</summary>
    public string? Organization { get; set; }

    /// <summary>Also read the licensed seats (<c>/copilot/billing/seats</c>), for adoption as active ÷ licensed per team.</summary>
    public bool Seats { get; set; } = true;

    /// <summary>
    /// The editors whose figures are kept (lower case, as the API names them); another editor's breakdown is
    /// dead-lettered, naming it, so that a new editor is a decision and not a silent new category.
    /// </summary>
    public string[] Editors { get; set; } = ["vscode", "visualstudio", "jetbrains", "neovim", "vim", "xcode", "eclipse", "emacs", "github.com"];

    /// <summary>How far back the first sync reads (the API keeps at most 100 days).</summary>
    public int FirstSyncDays { get; set; } = 28;

    /// <summary>Days read again on every sync, since the API may complete a day late.</summary>
    public int OverlapDays { get; set; } = 2;
}
