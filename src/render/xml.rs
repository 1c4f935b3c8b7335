//! Text inside XML (SVG, GraphML, GEXF): escaped, and cleared of the
//! control characters XML 1.0 cannot hold at all.

/// Escape `text` for an XML attribute value or element content.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Keep line structure in attributes (a raw newline would be
            // normalised to a space by parsers).
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters XML 1.0 does not allow anywhere, even escaped.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("A \"B\" <C> & D's"),
            "A &quot;B&quot; &lt;C&gt; &amp; D&apos;s"
        );
        assert_eq!(escape("a\u{1}b\nc"), "a\u{FFFD}b&#10;c");
    }

    #[test]
    fn escaped_text_parses_back() {
        let raw = "A \"B\" <C> & D\nnext\tline";
        let doc = format!("<x a=\"{}\">{}</x>", escape(raw), escape(raw));
        let parsed = roxmltree::Document::parse(&doc).unwrap();
        let root = parsed.root_element();
        assert_eq!(root.attribute("a"), Some(raw));
        assert_eq!(root.text(), Some(raw));
    }
}
