using System.Net;
using System.Net.Sockets;

namespace Analytics.Host.Tests.Cli;

/// <summary>Starts the real <c>analytics serve</c> as a process on a free port and waits until it answers <c>/healthz</c>.</summary>
public static class RunningService
{
    public static async Task<CliProcess> StartAsync(string workingDirectory, string database) =>
        (await StartOnPortAsync(workingDirectory, database)).Service;

    /// <summary>Starts the service and returns it with the port it listens on.</summary>
    public static async Task<(CliProcess Service, int Port)> StartOnPortAsync(string workingDirectory, string database)
    {
        var port = FreePort();
        var service = CliProcess.Start(workingDirectory, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            await WaitForHealthAsync(port);
            return (service, port);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(int port)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("The service did not become healthy.");
            }

            await Task.Delay(200);
        }
    }
}
