# CommerceBrain silo image: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
#   docker build -t commercebrain .
#   docker run -p 8080:8080 -v commercebrain-data:/data commercebrain
# Note: this file could not be built on the development machine (no Docker engine there); it is kept correct by reading.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json CommerceBrain.sln Directory.Build.props Directory.Packages.props .editorconfig ./
# All of src/: the silo references modules by project, and the set of modules grows.
COPY src/ src/
# Publishing also copies the demo NLU corpus (Data/nlu/) the silo trains its models from on first start, and the
# ONNX Runtime native libraries of the Microsoft.ML.OnnxRuntime package (runtimes/<rid>/native/), so the runtime image
# needs nothing else. The portable publish carries every platform's copy (~240 MB); only the Linux ones can load here.
RUN dotnet publish src/CommerceBrain.Silo/CommerceBrain.Silo.csproj -c Release -o /app \
    && rm -rf /app/runtimes/android /app/runtimes/ios /app/runtimes/osx-arm64 /app/runtimes/win-x64 /app/runtimes/win-arm64

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The runtime image listens on 8080 (ASPNETCORE_HTTP_PORTS) as the non-root user 'app'.
ENV CommerceBrain__DataDirectory=/data \
    Logging__Console__FormatterName=json
RUN mkdir -p /data && chown app /data
VOLUME ["/data"]
USER app
EXPOSE 8080
# The aspnet image has no curl/wget; bash's /dev/tcp speaks just enough HTTP to read the status line.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "commercebrain.dll"]
CMD ["serve"]
