using Hangfire.Logging;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Hangfire's log provider is process-wide and points at the logger factory of the host that configured it last;
/// where several hosts share a process (tests, one after another or side by side), a message meant for a host that
/// is already disposed is dropped instead of failing the job that logs it.
/// </summary>
internal sealed class HostTolerantLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new TolerantLog(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new TolerantLog(null);
        }
    }

    private sealed class TolerantLog(ILog? inner) : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
