using Analytics.Host.Cli;

return await PulseCli.RunAsync(args);

/// <summary>The entry point; public so that web tests can host the app.</summary>
public partial class Program;
