namespace CommerceBrain.Identity.Authentication;

/// <summary>Writes the module's refusals as <c>application/problem+json</c> (401, 403, 429), never an empty body.</summary>
internal static class IdentityProblems
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
}
