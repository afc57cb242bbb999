using Analytics.Host.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Analytics.Host.Web.Api;

/// <summary>
/// What the OpenAPI document says beyond the endpoints themselves: its title, and that the read-only API wants a
/// key as a bearer token, so the reference page can send one.
/// </summary>
internal static class ApiDocument
{
    private const string SecurityScheme = "apiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Pulse API",
                Version = "v1",
                Description = "DORA, sentiment, adoption and onboarding metrics, suppressed for privacy exactly as on the pages and in the report. " +
                    "Read endpoints need an API key (an admin creates one with `analytics api-keys create`) sent as `Authorization: Bearer <key>`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key, pulse_…",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var needsKey = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == ApiKeyDefaults.Policy);
            if (needsKey)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
    }
}
