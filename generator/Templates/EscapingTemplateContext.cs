using System.Net;
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
/// </summary>
public sealed class EscapingTemplateContext : TemplateContext
{
    private readonly IReadOnlyDictionary<string, Template> _partials;

    public EscapingTemplateContext(IReadOnlyDictionary<string, Template> partials, ScriptObject builtins)
        : base(builtins)
    {
        _partials = partials;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        TemplateLoader = new PartialLoader(partials);
        LoopLimit = 100_000;
        RecursiveLimit = 50;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        var text = textAsObject switch
        {
            null => null,
            HtmlString html => html.Html,
            string s => Text.HtmlText.Escape(s),
            _ => Text.HtmlText.Escape(ObjectToString(textAsObject) ?? string.Empty),
        };
        return text is null ? this : base.Write(span, text);
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

    private sealed class SafeInclude : IScriptCustomFunction
    {
        private readonly IncludeFunction _inner = new();

        public int RequiredParameterCount => _inner.RequiredParameterCount;

        public int ParameterCount => _inner.ParameterCount;

        public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

        public Type ReturnType => typeof(HtmlString);

        public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new HtmlString(_inner.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? string.Empty);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
