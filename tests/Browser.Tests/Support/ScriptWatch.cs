using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>
/// Watches a browser context for script that content must never run, and for CSP violations:
/// alert, confirm, prompt and print are replaced (before any page script, by an init script, which
/// CSP does not govern) with recorders that report to the test, as does <c>__xss()</c>, the call
/// the test vectors make; a dialog that opens anyway, an uncaught script error, and every
/// <c>securitypolicyviolation</c> event are recorded too, each named by what <see cref="At"/> said
/// that page was showing.
/// </summary>
public sealed class ScriptWatch
{
    public const string DomCheck = """
        () => {
          const bad = [];
          const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'srcset', 'dynsrc', 'lowsrc'];
          for (const e of document.querySelectorAll('*')) {
            for (const a of e.attributes) {
              const n = a.name.toLowerCase();
              if (n.startsWith('on') || n === 'style' || n === 'srcdoc') bad.push(`<${e.localName} ${n}="${a.value}">`);
              if (urlAttrs.includes(n) && /^(javascript|vbscript|data|livescript):/i.test(a.value.replace(/[\u0000-\u0020\u007f-\u009f\s]/g, '')))
                bad.push(`<${e.localName} ${n}="${a.value}">`);
            }
            if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'style', 'applet'].includes(e.localName)) bad.push(`<${e.localName}>`);
            if (e.localName === 'form' && !e.matches('form[role=search]')) bad.push('<form> that is not the search form');
            if (e.localName === 'script' && (e.textContent.trim() || !/\/(assets\/js\/[a-z-]+|sok\/indeks\/[a-z0-9_/.-]+)\.js$/.test(e.src))) bad.push(`<script src="${e.src}">${e.textContent.slice(0, 80)}`);
            if (e.localName === 'meta' && /refresh/i.test(e.getAttribute('http-equiv') || '')) bad.push('<meta refresh>');
          }
          return bad;
        }
        """;

    private const string InitScript = """
        (() => {
          const report = (what) => (...args) => { try { window.__abcReport(what + '(' + args.map(String).join(',') + ')'); } catch (e) {} };
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            try { Object.defineProperty(window, name, { value: report(name), writable: false, configurable: false }); } catch (e) {}
          }
          window.__xss = report('__xss');
          document.addEventListener('securitypolicyviolation', e => {
            try { window.__abcCsp(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`); } catch (x) {}
          });
        })();
        """;

    public ConcurrentBag<string> Ran { get; } = [];

    public ConcurrentBag<string> CspViolations { get; } = [];

    private readonly ConcurrentDictionary<IPage, string> _where = new();

    /// <summary>Names what <paramref name="page"/> shows now, for the messages.</summary>
    public void At(IPage page, string where) => _where[page] = where;

    private string Where(IPage? page) => page is not null && _where.TryGetValue(page, out var where) ? where : "?";

    public static async Task<ScriptWatch> AttachAsync(IBrowserContext context)
    {
        var watch = new ScriptWatch();
        await context.ExposeBindingAsync("__abcReport", (BindingSource source, string what) => watch.Ran.Add($"{watch.Where(source.Page)}: {what}"));
        await context.ExposeBindingAsync("__abcCsp", (BindingSource source, string what) => watch.CspViolations.Add($"{watch.Where(source.Page)}: {what}"));
        await context.AddInitScriptAsync(InitScript);
        context.Page += (_, page) => watch.Watch(page);
        return watch;
    }

    /// <summary>Loads each path on one of two pages of <paramref name="context"/> at a time and runs <paramref name="check"/> on it.</summary>
    public async Task EachAsync(IBrowserContext context, IEnumerable<string> paths, Func<string, string> url, Func<IPage, string, IResponse?, Task> check)
    {
        var queue = new ConcurrentQueue<string>(paths);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var page = await context.NewPageAsync();
            while (queue.TryDequeue(out var path))
            {
                At(page, path);
                var response = await page.GotoAsync(url(path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                await check(page, path, response);
            }
            await page.CloseAsync();
        }));
    }

    private void Watch(IPage page)
    {
        page.Dialog += async (_, dialog) =>
        {
            Ran.Add($"{Where(page)}: dialog {dialog.Type} «{dialog.Message}»");
            await dialog.DismissAsync();
        };
        page.PageError += (_, error) => Ran.Add($"{Where(page)}: script error {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) CspViolations.Add($"{Where(page)}: {message.Text}");
        };
    }
}
