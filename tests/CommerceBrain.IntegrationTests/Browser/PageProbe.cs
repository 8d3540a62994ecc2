using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CommerceBrain.IntegrationTests.Browser;

/// <summary>
/// A page with what it reported: console errors and uncaught exceptions fail a test (a broken script would otherwise
/// show as a page that merely does nothing).
/// </summary>
public sealed class PageProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();

    private PageProbe(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"uncaught: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Desktop-sized unless a viewport is given; <paramref name="locale"/> drives navigator.language.</summary>
    public static async Task<PageProbe> OpenAsync(IBrowser browser, int width = 1280, int height = 800, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            DeviceScaleFactor = 1,
            IsMobile = width < 500,
            HasTouch = width < 500,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        return new PageProbe(context, page);
    }

    /// <summary>Phone size used by the tests: 360×640.</summary>
    public static Task<PageProbe> OpenPhoneAsync(IBrowser browser, string locale = "en-US") => OpenAsync(browser, 360, 640, locale);

    public void AssertNoErrors(params string[] expected)
    {
        var unexpected = errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, "The page reported errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>Saves a screenshot to <c>COMMERCEBRAIN_SCREENSHOTS</c>/<paramref name="name"/>.png when that is set.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Environment.GetEnvironmentVariable("COMMERCEBRAIN_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(directory))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png") });
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
