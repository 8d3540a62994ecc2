using OpenTelemetry.Exporter;

namespace CommerceBrain.Silo.Hosting;

/// <summary>The silo host's log messages.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Exporting traces and metrics over OTLP ({Protocol}) to {OtlpEndpoint}")]
    public static partial void TelemetryExport(ILogger logger, OtlpExportProtocol protocol, Uri otlpEndpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Telemetry export is off (set CommerceBrain:Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT to export)")]
    public static partial void TelemetryOff(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Data directory {DataDirectory} is writable")]
    public static partial void DataDirectoryReady(ILogger logger, string dataDirectory);
}
