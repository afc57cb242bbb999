using Hangfire;
using Hangfire.Common;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Hangfire's filters with its default retry (ten attempts for any exception) swapped for
/// <see cref="TransientRetryFilter"/>. Given to Hangfire through the container rather than its static global
/// collection, so each host in one process (as in tests) keeps its own retry delays.
/// </summary>
public sealed class PulseJobFilters(TransientRetryFilter retry) : IJobFilterProvider
{
    /// <inheritdoc />
    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job)
            .Where(f => f.Instance is not AutomaticRetryAttribute)
            .Append(new JobFilter(retry, JobFilterScope.Global, null));
}
