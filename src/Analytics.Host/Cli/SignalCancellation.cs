using System.Runtime.InteropServices;

namespace Analytics.Host.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancelled token instead of ending the process, so that a command can
/// clean up what it has half made before it exits.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public SignalCancellation()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel)];
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }
}
