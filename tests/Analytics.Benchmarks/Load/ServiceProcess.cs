using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Analytics.Benchmarks.Load;

/// <summary><c>analytics serve</c> as its own process on a fresh database file and a free loopback port.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-load-").FullName;

    private ServiceProcess(string server, string? database, IEnumerable<string> settings)
    {
        Database = database ?? Path.Combine(_folder, "load.duckdb");
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _process = Process.Start(new ProcessStartInfo("dotnet",
            ["exec", Path.GetFullPath(server), "serve", "--db", Database, "--urls", BaseAddress.ToString().TrimEnd('/'), "--Logging:LogLevel:Default=Warning", .. settings])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder,
        })!;
        _ = _process.StandardOutput.ReadToEndAsync();
        _ = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>The database file.</summary>
    public string Database { get; }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the service with extra <c>--Key=Value</c> settings and waits until <c>/healthz</c> answers.</summary>
    public static Task<ServiceProcess> StartAsync(string server, HttpClient http, params string[] settings) => StartOnAsync(server, null, http, settings);

    /// <summary>As <see cref="StartAsync"/>, on an existing database file (left in place afterwards) when one is given.</summary>
    public static async Task<ServiceProcess> StartOnAsync(string server, string? database, HttpClient http, params string[] settings)
    {
        var service = new ServiceProcess(server, database, settings);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var health = await http.GetAsync(new Uri(service.BaseAddress, "/healthz"));
                if (health.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        service.Dispose();
        throw new TimeoutException("The service did not come up within 60 s.");
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
