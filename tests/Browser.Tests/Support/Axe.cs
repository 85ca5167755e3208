using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// axe-core with the rules the site must pass: WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best
/// practices. The engine is the axe-core that Deque.AxeCore.Playwright bundles (4.14).
/// <see cref="RunAsync"/> runs it in the page directly: the pages have no frames, and Deque's
/// own <c>RunAxe</c> (runPartial, then finishRun in a new blank page) costs about three seconds
/// more per page, which the whole-site pass cannot afford on two cores.
/// <see cref="RunWithDequeAsync"/> is Deque's own call; a test checks that both agree.
/// </summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public sealed record Node(string Html, IReadOnlyList<JsonElement> Target, string? FailureSummary);

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<Node> Nodes);

    public sealed record Result(string Version, IReadOnlyList<Violation> Violations);

    public static async Task<Result> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(Script.Value);
        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify({ version: r.testEngine.version, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ html: n.html, target: n.target, failureSummary: n.failureSummary })) })) });
            }
            """, Tags.ToArray());
        return JsonSerializer.Deserialize<Result>(json, Json)!;
    }

    /// <summary>Deque.AxeCore.Playwright's own run, with the same tags: the rule ids it reports.</summary>
    public static async Task<IReadOnlyList<string>> RunWithDequeAsync(IPage page)
    {
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags.ToList() },
            ResultTypes = [ResultType.Violations],
        });
        return result.Violations.Select(v => v.Id).ToList();
    }

    /// <summary>The violations as readable lines: rule, impact, help, and each failing element.</summary>
    public static string Describe(string where, Result result)
    {
        var sb = new StringBuilder();
        foreach (var v in result.Violations)
        {
            sb.Append(where).Append(": ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append('\n');
            foreach (var node in v.Nodes.Take(5))
            {
                sb.Append("    ").Append(string.Join(" ", node.Target)).Append("  ").Append(node.Html).Append('\n');
                if (node.FailureSummary is { Length: > 0 } summary) sb.Append("      ").Append(summary.Replace("\n", "\n      ")).Append('\n');
            }
        }
        return sb.ToString();
    }
}
