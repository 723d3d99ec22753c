using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Transcripts.Api.Tests.Features.Verification;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Debian's Chromium driven by Playwright: each page checked with axe-core (no serious or critical violation) and, at phone
/// width, for sideways scrolling; screenshots at desktop and phone width under <c>artifacts/screenshots</c> of the test output.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const int PhoneWidth = 360;
    public const int DesktopWidth = 1280;
    public static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        Chromium.EnsureAvailable();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Executable, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh profile (its own cookies) at <paramref name="width"/> pixels wide.</summary>
    public async Task<IPage> NewPageAsync(int width = DesktopWidth)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Checks the page now shown: no serious or critical axe violation, no sideways scrolling at phone width; saves it as
    /// <c>{name}-desktop.png</c> and <c>{name}-phone.png</c>.
    /// </summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        var axe = await page.RunAxe();
        var bad = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join("; ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{name} ({page.Url}): " + string.Join("\n", bad) + "\n" + await page.ContentAsync());
        var original = page.ViewportSize!;
        await page.SetViewportSizeAsync(DesktopWidth, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(overflow <= PhoneWidth, $"{name} is {overflow} px wide at {PhoneWidth} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
