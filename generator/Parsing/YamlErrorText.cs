using YamlDotNet.Core;

namespace ForbedringsAbc.Parsing;

/// <summary>Norwegian wording for the YAML parser's most common complaints.</summary>
public static class YamlErrorText
{
    public static string Translate(YamlException e)
    {
        var message = e.Message;
        var inner = e.InnerException?.Message ?? string.Empty;
        if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ||
            inner.Contains("same key", StringComparison.OrdinalIgnoreCase))
        {
            return "den samme nøkkelen står to ganger. Slett den ene.";
        }
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return "tabulator brukes til innrykk. Bruk mellomrom i stedet.";
        }
        if (message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase))
        {
            return "et kolon (:) i en verdi gjør den uklar. Sett verdien i anførselstegn, for eksempel: title: \"Tema: tavlemøter\".";
        }
        if (message.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("block mapping", StringComparison.OrdinalIgnoreCase))
        {
            return "innrykket stemmer ikke, eller en linje mangler «nøkkel: verdi». Sjekk mellomrommene foran linjen.";
        }
        if (message.Contains("closing quote", StringComparison.OrdinalIgnoreCase) ||
            message.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            return "et anførselstegn er ikke avsluttet.";
        }
        if (message.Contains("alias", StringComparison.OrdinalIgnoreCase) || message.Contains("anchor", StringComparison.OrdinalIgnoreCase))
        {
            return "ukjent eller ugyldig henvisning (&/*). Skriv verdien ut i stedet.";
        }
        return $"teksten kan ikke leses som YAML ({message.Trim()}). Sjekk innrykk, kolon og anførselstegn.";
    }
}
