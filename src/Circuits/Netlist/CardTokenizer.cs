namespace CircuitNeuro.Circuits.Netlist;

internal enum TokenKind { Word, Expr, Equals, LParen, RParen }

/// <summary>A card token. Words are lower-case; Expr holds the text inside {...} or '...'.</summary>
internal readonly record struct Token(TokenKind Kind, string Text)
{
    public bool IsValue => Kind is TokenKind.Word or TokenKind.Expr;
    public bool IsWord(string w) => Kind == TokenKind.Word && Text == w;
    public override string ToString() => Kind == TokenKind.Expr ? "{" + Text + "}" : Text;
}

/// <summary>A logical line plus its lazily computed tokens.</summary>
internal sealed class Card(LogicalLine line)
{
    private List<Token>? _tokens;

    public LogicalLine Line { get; } = line;
    public string Text => Line.Text;
    public SourceLocation Location => Line.Location;
    /// <summary>First word, lower-case: ".model", "r1", ...</summary>
    public string Keyword { get; } = LineReader.FirstWord(line.Text);
    public bool IsDotCard => Keyword.StartsWith('.');
    /// <summary>Element name for error messages; null for dot cards.</summary>
    public string? ElementName => IsDotCard ? null : Keyword;
    public List<Token> Tokens => _tokens ??= CardTokenizer.Tokenize(Text, Location, ElementName);
}

/// <summary>
/// Splits a card into tokens. Whitespace and commas separate (commas are optional separators in
/// ngspice argument lists); '(' ')' '=' are tokens of their own; {...} and '...' stay whole so
/// expressions may contain spaces.
/// </summary>
internal static class CardTokenizer
{
    public static List<Token> Tokenize(string text, SourceLocation location, string? element)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == ',') { i++; continue; }
            switch (c)
            {
                case '(': tokens.Add(new Token(TokenKind.LParen, "(")); i++; continue;
                case ')': tokens.Add(new Token(TokenKind.RParen, ")")); i++; continue;
                case '=': tokens.Add(new Token(TokenKind.Equals, "=")); i++; continue;
                case '{':
                {
                    int depth = 0, j = i;
                    for (; j < text.Length; j++)
                    {
                        if (text[j] == '{') depth++;
                        else if (text[j] == '}' && --depth == 0) break;
                    }
                    if (j >= text.Length)
                        throw new NetlistException(location, element, $"unterminated '{{' in '{text[i..].Trim()}'");
                    tokens.Add(new Token(TokenKind.Expr, text[(i + 1)..j].ToLowerInvariant()));
                    i = j + 1;
                    continue;
                }
                case '\'':
                {
                    int j = text.IndexOf('\'', i + 1);
                    if (j < 0)
                        throw new NetlistException(location, element, $"unterminated quote in '{text[i..].Trim()}'");
                    tokens.Add(new Token(TokenKind.Expr, text[(i + 1)..j].ToLowerInvariant()));
                    i = j + 1;
                    continue;
                }
            }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && ",()={}'".IndexOf(text[i]) < 0) i++;
            tokens.Add(new Token(TokenKind.Word, text[start..i].ToLowerInvariant()));
        }
        return tokens;
    }
}
