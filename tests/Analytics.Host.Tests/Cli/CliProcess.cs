using System.Diagnostics;

namespace Analytics.Host.Tests.Cli;

/// <summary>Runs the built <c>analytics</c> command line as a separate process, as a person would.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(string workingDirectory, IEnumerable<string> args, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start analytics.");
        if (input is not null)
        {
            _process.StandardInput.Write(input);
            _process.StandardInput.Close();
        }

        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return await process.WaitAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs the command with <paramref name="input"/> piped to its standard input.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string workingDirectory, string input, params string[] args)
    {
        using var process = new CliProcess(workingDirectory, args, input);
        return await process.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task<(int ExitCode, string Output, string Error)> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Ends the process at once (SIGKILL): no shutdown code runs, as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Asks the process to stop (SIGTERM), as a service manager or <c>docker stop</c> does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
