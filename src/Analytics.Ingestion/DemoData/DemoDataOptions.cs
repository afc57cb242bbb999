namespace Analytics.Ingestion.DemoData;

/// <summary>The demo organisation shipped in <c>data-samples/</c> (configuration section <c>Pulse:DemoData</c>).</summary>
public sealed class DemoDataOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:DemoData";

    /// <summary>The folder with the sample files; by default the copy next to the executable.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "data-samples");

    /// <summary>Whether an empty database gets the demo data when the service starts or on <c>analytics init</c>.</summary>
    public bool LoadWhenEmpty { get; set; } = true;
}
