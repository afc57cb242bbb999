namespace Analytics.Host.Web.Dashboards;

/// <summary>A filter names a service that does not exist or belongs to another team: a 404 titled for the service, not the team.</summary>
/// <param name="message">What is wrong, naming the service (and its team when it has one).</param>
public sealed class UnknownServiceException(string message) : ArgumentException(message);
