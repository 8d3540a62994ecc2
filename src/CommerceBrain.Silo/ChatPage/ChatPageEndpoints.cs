using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace CommerceBrain.Silo.ChatPage;

/// <summary>
/// The customer chat page: static files from <c>wwwroot</c> (plain ES modules, no build step) at <c>/</c>, and the one
/// anonymous endpoint the page reads first.
/// </summary>
public static class ChatPageEndpoints
{
    /// <summary>The page's settings endpoint.</summary>
    public const string ConfigPath = "/api/chat/config";

    /// <summary>Registers the page's JSON contract.</summary>
    public static IServiceCollection AddChatPage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ChatPageJsonContext.Default));
        return services;
    }

    /// <summary>Serves <c>index.html</c> at <c>/</c> and the page's scripts and styles, and maps <see cref="ConfigPath"/>.</summary>
    public static WebApplication MapChatPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var contentTypes = new FileExtensionContentTypeProvider();
        // ES modules must arrive as JavaScript or the browser refuses them; state it rather than rely on the defaults.
        contentTypes.Mappings[".js"] = "text/javascript; charset=utf-8";
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = contentTypes,
            // The files change with each release and carry no version in their names: revalidate instead of caching blindly.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet(ConfigPath, Config)
            .WithTags("Chat page")
            .WithName("GetChatPageConfig")
            .WithSummary("Settings the customer chat page reads before signing in: whether demo (Development) tokens exist.")
            .AllowAnonymous();
        return app;
    }

    private static Ok<ChatPageConfig> Config(IHostEnvironment environment) =>
        TypedResults.Ok(new ChatPageConfig(environment.IsDevelopment()));
}
