namespace CommerceBrain.Nlu.Api;

/// <summary>A 503 problem with a <c>Retry-After</c> header: the models are still coming up.</summary>
internal sealed class RetryAfterProblem(int seconds, string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The NLU models are not ready yet.",
            detail: detail).ExecuteAsync(httpContext);
    }
}
