using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommerceBrain.Identity.OpenApi;

/// <summary>Declares the bearer scheme in the OpenAPI document and marks the operations that need a token.</summary>
public static class BearerSecurityTransformers
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "Bearer";

    /// <summary>Adds the scheme and a security requirement on every operation whose endpoint requires authorization.</summary>
    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token signed by this service (HMAC-SHA256, issuer and audience 'commercebrain') carrying " +
                    "sub, role (customer, agent, reviewer, merchant, admin) and merchant_id for merchants. Missing, expired " +
                    "or invalid: 401; wrong role: 403; both as application/problem+json.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
