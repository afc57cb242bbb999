using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Host.Tests.Web;

/// <summary>Puts a test's clock in place of the service's <see cref="TimeProvider"/>.</summary>
public static class ClockReplacement
{
    public static IWebHostBuilder UseClock(this IWebHostBuilder builder, TimeProvider clock) =>
        builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton(clock));
}
