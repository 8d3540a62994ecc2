using Microsoft.Extensions.FileProviders;

namespace CommerceBrain.Silo.ChatPage;

/// <summary>
/// The agent workspace (<c>/agent</c>) and the supervisor view (<c>/agent/supervisor</c>): HTML pages from
/// <c>wwwroot/agent</c>; their scripts and styles are ordinary static files. The pages sign in themselves (a
/// <c>#token=</c> fragment, or a demo token in Development) and call the agent APIs with it.
/// </summary>
public static class AgentPageEndpoints
{
    /// <summary>The agent workspace's address.</summary>
    public const string WorkspacePath = "/agent";

    /// <summary>The supervisor view's address.</summary>
    public const string SupervisorPath = "/agent/supervisor";

    /// <summary>Maps both pages (no trailing slash needed: the pages use absolute asset paths).</summary>
    public static WebApplication MapAgentPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Page(app, WorkspacePath, "agent/index.html");
        Page(app, SupervisorPath, "agent/supervisor.html");
        return app;
    }

    private static void Page(WebApplication app, string path, string file)
    {
        var provider = app.Environment.WebRootFileProvider;
        app.MapGet(path, (HttpContext http) => Serve(http, provider, file))
            .ExcludeFromDescription()
            .AllowAnonymous();
    }

    internal static IResult Serve(HttpContext http, IFileProvider provider, string file)
    {
        var info = provider.GetFileInfo(file);
        if (!info.Exists)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The page is not installed.",
                detail: $"wwwroot/{file} is missing from this build.");
        }

        // Like the chat page: no version in the name, so revalidate rather than cache blindly.
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Stream(info.CreateReadStream(), "text/html; charset=utf-8");
    }
}
