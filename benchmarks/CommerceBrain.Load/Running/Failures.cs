using System.Net.Sockets;

namespace CommerceBrain.Load.Running;

/// <summary>Turns an exception out of a scenario body into a failed <see cref="Response"/> with a short status kind.</summary>
internal static class Failures
{
    /// <summary>Status of an iteration the driver could not start because too many were in flight.</summary>
    public const string DroppedStatus = "dropped";

    /// <summary>Message of such an iteration.</summary>
    public const string DroppedMessage = "dropped: driver overloaded";

    /// <summary>The failed response for <paramref name="exception"/>.</summary>
    public static Response From(Exception exception, CancellationToken runToken)
    {
        var (status, message) = Describe(exception, runToken);
        return Response.Fail(status, message);
    }

    /// <summary>Status kind and message for <paramref name="exception"/>.</summary>
    public static (string Status, string Message) Describe(Exception exception, CancellationToken runToken)
    {
        if (exception is OperationCanceledException)
        {
            return runToken.IsCancellationRequested
                ? ("cancelled", "the run was stopping")
                : ("timeout", exception.InnerException is TimeoutException t ? t.Message : "the operation timed out");
        }

        if (exception is TimeoutException timeout)
        {
            return ("timeout", timeout.Message);
        }

        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => ("connection_refused", socket.Message),
                    SocketError.ConnectionReset => ("connection_reset", socket.Message),
                    SocketError.TimedOut => ("timeout", socket.Message),
                    _ => ("socket_" + socket.SocketErrorCode.ToString().ToLowerInvariant(), socket.Message),
                };
            }
        }

        if (exception is HttpRequestException http)
        {
            return ("http_" + http.HttpRequestError.ToString().ToLowerInvariant(), http.Message);
        }

        return (exception.GetType().Name, exception.Message);
    }
}
