//! The one table format of `assets/`: TAB-separated fields, `|` between
//! alternatives in a field, `#` comment lines, blank lines ignored.

/// One data line: its 1-based line number and its fields.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, trimmed; empty when the line has fewer fields.
    pub fn field(&self, i: usize) -> &'a str {
        self.fields.get(i).map_or("", |f| f.trim())
    }

    /// The `|`-separated alternatives of field `i`, without empty ones.
    pub fn list(&self, i: usize) -> impl Iterator<Item = &'a str> {
        self.field(i)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// The rows of `text`, which is the file `name`; an error names the file and
/// line of the first row with fewer than `min_fields` fields.
pub fn rows<'a>(name: &str, text: &'a str, min_fields: usize) -> Result<Vec<Row<'a>>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < min_fields || fields[0].trim().is_empty() {
            return Err(format!(
                "{name}:{}: expected {min_fields} TAB-separated fields, found {}",
                i + 1,
                fields.len()
            ));
        }
        out.push(Row {
            line: i + 1,
            fields,
        });
    }
    Ok(out)
}

/// The non-comment lines of a one-column word list.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_fields_and_lists() {
        let text = "# header\n\nrussia\tRussia\tMoscow| the Kremlin |\n";
        let parsed = rows("t.tsv", text, 2).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].line, 3);
        assert_eq!(parsed[0].field(1), "Russia");
        assert_eq!(
            parsed[0].list(2).collect::<Vec<_>>(),
            ["Moscow", "the Kremlin"]
        );
        assert_eq!(parsed[0].field(7), "");
        assert_eq!(
            rows("t.tsv", "a\n", 2).unwrap_err(),
            "t.tsv:1: expected 2 TAB-separated fields, found 1"
        );
    }
}
