using System.Diagnostics;
using System.Text;

namespace Analytics.Host.Tests.Cli;

/// <summary>Runs the built <c>analytics</c> command line as a separate process, as a person would.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errorOutput = new();
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private CliProcess(string workingDirectory, IEnumerable<string> args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
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
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start analytics.");
        if (input is not null)
        {
            _process.StandardInput.Write(input);
            _process.StandardInput.Close();
        }

        _stdout = ReadAllAsync(_process.StandardOutput, _output);
        _stderr = ReadAllAsync(_process.StandardError, _errorOutput);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process has written to standard output so far.</summary>
    public string OutputSoFar
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process has written to standard error so far.</summary>
    public string ErrorSoFar
    {
        get
        {
            lock (_errorOutput)
            {
                return _errorOutput.ToString();
            }
        }
    }

    public static CliProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Starts the command with these environment variables added to the test's own.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(workingDirectory, args, environment: environment);

    /// <summary>Runs the command with these environment variables added to the test's own.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await process.WaitAsync(TimeSpan.FromMinutes(2));
    }

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
    public void Terminate() => Signal("-TERM");

    /// <summary>Interrupts the process (SIGINT), as Ctrl+C at the terminal does.</summary>
    public void Interrupt() => Signal("-INT");

    private static async Task<string> ReadAllAsync(StreamReader reader, StringBuilder text)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (text)
            {
                text.Append(buffer, 0, read);
            }
        }

        lock (text)
        {
            return text.ToString();
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
