using System.Runtime.CompilerServices;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ForbedringsAbc.Templates;

/// <summary>
/// A Scriban context that escapes every value a template writes, except <see cref="HtmlString"/>:
/// a template cannot forget to escape an editor's text. Variables are strict (a typo is an error),
/// and included partials come from the set parsed once at start-up.
/// A page is written into character buffers the context keeps and reuses: the layout into one,
/// then the frame around it into another (the layout's markup copied in from its buffer), and an
/// include that stands as a statement writes its partial straight into the including template's
/// output. The finished page stays in its buffer until the next page (<see cref="PageHtml"/>): no
/// string of it is made unless one is asked for. (Scriban's own include allocates a builder per
/// include, a second array of its whole size when it empties it, and a string of the partial.)
/// </summary>
public sealed class EscapingTemplateContext : TemplateContext
{
    private readonly IReadOnlyDictionary<string, Template> _partials;

    // The outputs of includes by depth: [0] a partial the page includes, [1] one included by that, …
    private readonly List<ReusedOutput> _outputsByDepth = [];
    private int _depth;

    public EscapingTemplateContext(IReadOnlyDictionary<string, Template> partials, ScriptObject builtins)
        : base(builtins)
    {
        _partials = partials;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        TemplateLoader = new PartialLoader(partials);
        LoopLimit = 100_000;
        RecursiveLimit = 50;
        // Markup is written as it is: Scriban's auto-indent would put the indentation of a
        // {{ … }} in front of every line of a multi-line value, inside <pre> and <textarea> too.
        AutoIndent = false;
        // No cut-off: Scriban cuts a value or a page past 1 M characters short with "..." and says
        // nothing. The templates are the site's own; a content file is at most 4 MiB.
        LimitToString = 0;
        OutputLimit = 0;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is LayoutMarkup markup && string.IsNullOrEmpty(CurrentIndent) && Output is ReusedOutput target)
        {
            // What base.Write does with this text (no indent to add, no output limit), from the buffer it is in.
            if (markup.Buffer.Length == 0) return this;
            target.Write(markup.Buffer);
            PreviousTextWasNewLine(this) = markup.Buffer.EndsWithNewLine;
            return this;
        }
        var text = textAsObject switch
        {
            null => null,
            HtmlString html => html.Html,
            LayoutMarkup layoutMarkup => layoutMarkup.ToString(),
            string s => Text.HtmlText.Escape(s),
            _ => Text.HtmlText.Escape(ObjectToString(textAsObject) ?? string.Empty),
        };
        return text is null ? this : base.Write(span, text);
    }

    /// <summary>
    /// Renders a page in two steps on this context, each with its own scope over
    /// <paramref name="globals"/> (as two renders would have): the kind's <paramref name="layout"/>,
    /// then the <paramref name="frame"/> around it, whose <c>content</c> is the layout's markup,
    /// written from the buffer the layout was rendered into (no string of it is made). Without a
    /// frame (it is missing or broken, which was reported) the layout is still rendered, so its own
    /// errors are found in the same run, and there is no page. The page is in this context's buffer
    /// until it renders the next one.
    /// </summary>
    public PageHtml RenderFramed(Template layout, Template? frame, ScriptObject globals)
    {
        var content = _layoutOutput;
        var page = _pageOutput;
        // The last page stays in its buffer until now: its caller used it since.
        page.Clear();
        Rendering = true;
        try
        {
            RenderInto(content, layout, globals);
            if (frame is null) return default;
            globals.SetValue("content", new LayoutMarkup(content), readOnly: true);
            RenderInto(page, frame, globals);
            return page.AsPage();
        }
        finally
        {
            content.Clear();
            Rendering = false;
        }
    }

    /// <summary>One template into <paramref name="output"/>, in a scope of its own over <paramref name="globals"/>, from a fresh line.</summary>
    private void RenderInto(ReusedOutput output, Template template, ScriptObject globals)
    {
        ResetPreviousNewLine();
        PushGlobal(globals);
        PushOutput(output);
        try
        {
            RenderInPlace(template);
        }
        finally
        {
            PopOutput();
        }
        PopGlobal();
    }

    /// <summary>True while a page is being rendered on this context (a page made inside a page needs a context of its own).</summary>
    public bool Rendering { get; private set; }

    private readonly ReusedOutput _pageOutput = new();
    private readonly ReusedOutput _layoutOutput = new();

    /// <summary>The markup of a page's layout, as the frame's <c>content</c>; a string only when one is asked for.</summary>
    private sealed class LayoutMarkup(ReusedOutput output)
    {
        internal ReusedOutput Buffer => output;

        /// <summary>The markup, as <see cref="HtmlString.Html"/> gives it: a template may read <c>content.html</c>.</summary>
        public string Html => output.ToString();

        public override string ToString() => output.ToString();
    }

    /// <summary>
    /// What <see cref="TemplateContext.RenderTemplate"/> does for an include (its own local scope, the
    /// arguments, indentation saved and restored), with the partial written into the buffer of its depth.
    /// </summary>
    private string RenderPartial(Template template, ScriptArray arguments, ScriptNode callerContext)
    {
        EnterRecursive(callerContext);
        var indent = CurrentIndent;
        var previousTextWasNewLine = PreviousTextWasNewLine(this);
        CurrentIndent = null;
        var output = OutputAt(++_depth);
        PushOutput(output);
        PushLocal();
        try
        {
            SetArguments(arguments, callerContext);
            if (indent is not null) ResetPreviousNewLine();
            return template.Render(this);
        }
        finally
        {
            PopLocal();
            PopOutput();
            output.Clear();
            _depth--;
            CurrentIndent = indent;
            PreviousTextWasNewLine(this) = previousTextWasNewLine;
            ExitRecursive(callerContext);
        }
    }

    /// <summary>
    /// An include that stands as a statement of its own (all of ours): the partial is written
    /// straight into the output of the template that includes it, with no string of its own in
    /// between. What <see cref="RenderPartial"/> does otherwise (own local scope, arguments), as
    /// Scriban's Template.Render does it, less the ToString.
    /// </summary>
    private void RenderPartialInPlace(Template template, ScriptArray arguments, ScriptNode callerContext)
    {
        // Only without an indent (see SafeInclude), so none of RenderPartial's indentation state is kept.
        EnterRecursive(callerContext);
        PushLocal();
        try
        {
            SetArguments(arguments, callerContext);
            RenderInPlace(template);
        }
        finally
        {
            PopLocal();
            ExitRecursive(callerContext);
        }
    }

    /// <summary>The include's arguments, as Scriban's include sets them: <c>$</c> and the named ones as locals.</summary>
    private void SetArguments(ScriptArray arguments, ScriptNode callerContext)
    {
        var named = FetchNamedArguments(this, callerContext);
        SetValue(ScriptVariable.Arguments, arguments, asReadOnly: true, force: true);
        if (named is null) return;
        foreach (var (name, value) in named) SetValue(ScriptVariable.Create(name, ScriptVariableScope.Local), value, asReadOnly: false, force: true);
    }

    /// <summary>Scriban's Template.Render less its ToString: the template is written into the current output.</summary>
    private void RenderInPlace(Template template)
    {
        EnterRender(this);
        try
        {
            EvaluateAndRender(template, this, render: true);
        }
        finally
        {
            ExitRender(this);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "EnterRender")]
    private static extern void EnterRender(TemplateContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ExitRender")]
    private static extern void ExitRender(TemplateContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "EvaluateAndRender")]
    private static extern object? EvaluateAndRender(Template template, TemplateContext context, bool render);

    private ReusedOutput OutputAt(int depth)
    {
        while (_outputsByDepth.Count < depth) _outputsByDepth.Add(new ReusedOutput());
        return _outputsByDepth[depth - 1];
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_previousTextWasNewLine")]
    private static extern ref bool PreviousTextWasNewLine(TemplateContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "FetchNamedArguments")]
    private static extern Dictionary<string, object?>? FetchNamedArguments(TemplateContext context, ScriptNode? callerContext);

    /// <summary>A growable character buffer written by one page after another; ToString gives what was written since <see cref="Clear"/>.</summary>
    private sealed class ReusedOutput : IScriptOutput
    {
        private char[] _buffer = new char[4096];
        private int _length;

        public int Length => _length;

        public void Write(string text, int offset, int count)
        {
            if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
            text.CopyTo(offset, _buffer, _length, count);
            _length += count;
        }

        /// <summary>Appends what another buffer holds.</summary>
        public void Write(ReusedOutput other)
        {
            if (_length + other._length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + other._length));
            other._buffer.AsSpan(0, other._length).CopyTo(_buffer.AsSpan(_length));
            _length += other._length;
        }

        public bool EndsWithNewLine => _length > 0 && _buffer[_length - 1] == '\n';

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        /// <summary>Empties the buffer; one grown past 1 M characters by a very long page is let go rather than kept by the pooled context.</summary>
        public void Clear()
        {
            _length = 0;
            if (_buffer.Length > 1 << 20) _buffer = new char[4096];
        }

        public override string ToString() => new(_buffer, 0, _length);

        /// <summary>What was written since <see cref="Clear"/>, in the buffer itself (until the next write or clear).</summary>
        public PageHtml AsPage() => PageHtml.InBuffer(_buffer, _length);
    }

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
        _partials.TryGetValue(templatePath, out var template)
            ? template
            : throw new ScriptRuntimeException(callerContext?.Span ?? default, $"Fant ikke malen «{templatePath}» i templates/.");

    /// <summary>Builtins whose <c>include</c> returns markup, so the escaping above does not escape partials twice.</summary>
    public static ScriptObject CreateBuiltins()
    {
        var builtins = GetDefaultBuiltinObject();
        builtins.SetValue("include", new SafeInclude(), readOnly: true);
        return builtins;
    }

    private sealed class PartialLoader(IReadOnlyDictionary<string, Template> partials) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            partials.TryGetValue(templatePath, out var t) ? t.Page?.ToString() ?? string.Empty : string.Empty;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Load(context, callerSpan, templatePath));
    }

    /// <summary>
    /// <c>include "partials/x.html"</c>: Scriban's include (the same checks and messages), rendered by
    /// <see cref="RenderPartial"/>, returning markup so the escaping above does not escape it again.
    /// </summary>
    private sealed class SafeInclude : IScriptCustomFunction
    {
        private readonly IncludeFunction _inner = new();

        public int RequiredParameterCount => _inner.RequiredParameterCount;

        public int ParameterCount => _inner.ParameterCount;

        public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

        public Type ReturnType => typeof(HtmlString);

        public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var escaping = (EscapingTemplateContext)context;
            var span = callerContext?.Span ?? context.CurrentSpan;
            var caller = callerContext ?? context.CurrentNode;
            if (arguments.Count == 0) throw new ScriptRuntimeException(span, "Expecting at least the name of the template to include for the <include> function");
            var name = context.ObjectToString(arguments[0]);
            if (caller is null) throw new ScriptRuntimeException(span, "Unable to resolve the include caller context.");
            var path = context.GetTemplatePathFromName(name, caller);
            if (path is null) return null;
            var template = context.GetOrCreateTemplate(path, caller);
            // A statement of its own writes nothing but the partial: that is written in place. Anywhere
            // else (a value assigned or piped) the include gives its markup as a value.
            if (caller.Parent is ScriptExpressionStatement && string.IsNullOrEmpty(context.CurrentIndent) && context.Output is ReusedOutput)
            {
                escaping.RenderPartialInPlace(template, arguments, caller);
                return null;
            }
            return new HtmlString(escaping.RenderPartial(template, arguments, caller));
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
