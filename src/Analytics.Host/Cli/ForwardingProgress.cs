namespace Analytics.Host.Cli;

/// <summary>Reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts and may reorder).</summary>
internal sealed class ForwardingProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
