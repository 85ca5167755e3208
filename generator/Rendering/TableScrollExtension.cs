using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace ForbedringsAbc.Rendering;

/// <summary>
/// Wraps every table in a box that scrolls sideways on its own, so a wide table never makes the
/// page scroll sideways on a narrow screen (WCAG 1.4.10) and keeps its table semantics. The box
/// can take focus, so keyboard users can scroll it, and is named (a group, "Tabell").
/// </summary>
public sealed class TableScrollExtension(string label) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlTableRenderer>(new ScrollingTableRenderer(label));
        }
    }

    private sealed class ScrollingTableRenderer(string label) : HtmlTableRenderer
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            if (!renderer.EnableHtmlForBlock)
            {
                base.Write(renderer, table);
                return;
            }
            renderer.EnsureLine();
            renderer.Write("<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" aria-label=\"");
            renderer.WriteEscape(label);
            renderer.WriteLine("\">");
            base.Write(renderer, table);
            renderer.EnsureLine();
            renderer.WriteLine("</div>");
        }
    }
}
