using Microsoft.Playwright;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its driver ships in the NuGet package and runs on its bundled node).
/// Playwright's own browser download is never used: the machine has no access to it, and CI installs the Debian package.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where the browser is looked for; <c>COMMERCEBRAIN_CHROMIUM</c> overrides.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("COMMERCEBRAIN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            // Fail, never skip: a missing browser must not look like a passing browser test.
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. Install it with `apt-get install chromium` (./build.sh test does " +
                "this when run as root) or point COMMERCEBRAIN_CHROMIUM at a Chromium binary.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in CI and containers: Chromium's sandbox needs user namespaces it may not get; /dev/shm can be tiny.
            ChromiumSandbox = false,
            Args = ["--disable-dev-shm-usage", "--disable-gpu"],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>
/// Browser tests share one Chromium and run one after another (2 cores), and not alongside other test classes: the
/// operations page counts what every silo in this process measures (the modules' meters are static), so another class's
/// sessions would show up on its charts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
