//! Stable ids for entities: derived from names, so the same actor gets the
//! same id in every article and every run.

/// Lower-case ASCII letters and digits joined by single hyphens:
/// "ISIS-K" -> "isis-k", "Côte d'Ivoire" -> "c-te-d-ivoire".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_hyphenated() {
        assert_eq!(slug("ISIS-K"), "isis-k");
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("  A \"B\" <C> & D "), "a-b-c-d");
        assert_eq!(slug("***"), "actor");
    }
}
