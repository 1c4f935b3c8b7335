//! Plain edge lists, the lingua franca of graph tools: one `a b` pair per
//! line (tab-, comma- or space-separated), an optional header, an optional
//! third column of weights, `#` or `%` comment lines.

use super::graph::Graph;
use std::collections::HashMap;

/// How the columns of an edge list are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// RFC 4180 CSV: commas, double-quoted fields may hold commas, quotes
    /// (doubled) and line breaks.
    Comma,
    Tab,
    /// Tabs on lines that have them, otherwise runs of spaces.
    Whitespace,
}

impl Separator {
    /// From a file name: `.csv` is CSV, `.tsv` is tab-separated, anything
    /// else is whitespace.
    pub fn for_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Separator::Comma,
            Some("tsv") => Separator::Tab,
            _ => Separator::Whitespace,
        }
    }
}

/// Node names in order of first appearance and edges between their indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeList {
    pub names: Vec<String>,
    /// `(a, b, weight)`; weight 1 unless a third column gives a positive number.
    pub edges: Vec<(u32, u32, f32)>,
}

/// First-row cells that mark a header rather than two nodes.
const HEADER_WORDS: [&str; 18] = [
    "source",
    "target",
    "from",
    "to",
    "src",
    "dst",
    "dest",
    "destination",
    "node1",
    "node2",
    "node_1",
    "node_2",
    "id1",
    "id2",
    "head",
    "tail",
    "start",
    "end",
];

impl EdgeList {
    /// Parse an edge list; the error names the line that could not be read.
    pub fn parse(text: &str, separator: Separator) -> Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let rows = match separator {
            Separator::Comma => csv_rows(text)?,
            Separator::Tab => plain_rows(text, |line| line.split('\t').collect()),
            Separator::Whitespace => plain_rows(text, |line| {
                if line.contains('\t') {
                    line.split('\t').collect()
                } else {
                    line.split_whitespace().collect()
                }
            }),
        };
        let mut list = EdgeList::default();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut node = |name: &str, list: &mut EdgeList| -> u32 {
            if let Some(&i) = index.get(name) {
                return i;
            }
            let i = list.names.len() as u32;
            index.insert(name.to_string(), i);
            list.names.push(name.to_string());
            i
        };
        for (row_number, (_, cells)) in rows.iter().enumerate() {
            let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
            if row_number == 0 && is_header(&cells) {
                continue;
            }
            match cells.as_slice() {
                [] => {}
                [a] | [a, ""] | ["", a] => {
                    if !a.is_empty() {
                        node(a, &mut list);
                    }
                }
                [a, b, rest @ ..] => {
                    let weight = rest
                        .first()
                        .and_then(|w| w.parse::<f32>().ok())
                        .filter(|w| w.is_finite() && *w > 0.0)
                        .unwrap_or(1.0);
                    let (a, b) = (node(a, &mut list), node(b, &mut list));
                    list.edges.push((a, b, weight));
                }
            }
        }
        Ok(list)
    }

    /// The layout graph: node sizes grow with degree.
    pub fn graph(&self) -> Graph {
        let mut degree = vec![0usize; self.names.len()];
        for &(a, b, _) in &self.edges {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        Graph {
            sizes: degree.into_iter().map(super::map::node_size).collect(),
            edges: self.edges.clone(),
        }
    }
}

fn is_header(cells: &[&str]) -> bool {
    cells.len() >= 2
        && cells[..2]
            .iter()
            .all(|c| HEADER_WORDS.contains(&c.to_ascii_lowercase().as_str()))
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.starts_with('%')
}

type Row<'a> = (usize, Vec<std::borrow::Cow<'a, str>>);

fn plain_rows<'a>(text: &'a str, split: impl Fn(&'a str) -> Vec<&'a str>) -> Vec<Row<'a>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !is_comment(line))
        .map(|(n, line)| (n + 1, split(line).into_iter().map(Into::into).collect()))
        .collect()
}

/// RFC 4180 records, with their starting line numbers.
fn csv_rows(text: &str) -> Result<Vec<Row<'_>>, String> {
    let mut rows = Vec::new();
    let mut line = 1usize;
    let mut rest = text;
    while !rest.is_empty() {
        let start_line = line;
        let (record_end, next) = match rest.find('\n') {
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        let first = rest[..record_end].trim_end_matches('\r');
        if first.trim().is_empty() || is_comment(first) {
            line += 1;
            rest = &rest[next..];
            continue;
        }
        let mut cells = Vec::new();
        let mut field = String::new();
        let mut chars = rest.char_indices().peekable();
        let mut consumed = rest.len();
        'record: loop {
            // One field: quoted, or plain up to the next comma or line end.
            let quoted_field = matches!(chars.peek(), Some(&(_, '"')));
            if quoted_field {
                chars.next();
                loop {
                    match chars.next() {
                        Some((_, '"')) => {
                            if matches!(chars.peek(), Some(&(_, '"'))) {
                                chars.next();
                                field.push('"');
                            } else {
                                break;
                            }
                        }
                        Some((_, c)) => {
                            if c == '\n' {
                                line += 1;
                            }
                            field.push(c);
                        }
                        None => {
                            return Err(format!(
                                "line {start_line}: a quoted field is never closed"
                            ));
                        }
                    }
                }
            }
            loop {
                match chars.next() {
                    Some((_, ',')) => {
                        cells.push(std::mem::take(&mut field).into());
                        continue 'record;
                    }
                    Some((i, '\n')) => {
                        consumed = i + 1;
                        line += 1;
                        break 'record;
                    }
                    Some((_, '\r')) if matches!(chars.peek(), Some(&(_, '\n'))) => {}
                    Some((_, c)) => {
                        if quoted_field && !c.is_whitespace() {
                            return Err(format!(
                                "line {line}: text after a closing quote (write \"\" for a quote inside a field)"
                            ));
                        }
                        if !quoted_field {
                            field.push(c);
                        }
                    }
                    None => break 'record,
                }
            }
        }
        cells.push(field.into());
        rows.push((start_line, cells));
        rest = &rest[consumed..];
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_lists_with_header_comments_and_weights() {
        let text = "source target\n# a comment\nA B\nB\tC\t2.5\n\nC  A\nD\n";
        let list = EdgeList::parse(text, Separator::Whitespace).unwrap();
        assert_eq!(list.names, ["A", "B", "C", "D"]);
        assert_eq!(list.edges, [(0, 1, 1.0), (1, 2, 2.5), (2, 0, 1.0)]);
    }

    #[test]
    fn csv_quotes_commas_newlines_and_doubled_quotes() {
        let text =
            "Source,Target,Weight\r\n\"A \"\"B\"\" <C> & D\",\"x, y\",3\r\n\"multi\nline\",plain\n";
        let list = EdgeList::parse(text, Separator::Comma).unwrap();
        assert_eq!(
            list.names,
            ["A \"B\" <C> & D", "x, y", "multi\nline", "plain"]
        );
        assert_eq!(list.edges, [(0, 1, 3.0), (2, 3, 1.0)]);
    }

    #[test]
    fn broken_csv_names_its_line() {
        let err = EdgeList::parse("a,b\n\"open,c\n", Separator::Comma).unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
        let err = EdgeList::parse("a,b\n\"x\"y,c\n", Separator::Comma).unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }

    #[test]
    fn tsv_keeps_spaces_inside_names() {
        let list = EdgeList::parse("New Delhi\tIslamabad\n", Separator::Tab).unwrap();
        assert_eq!(list.names, ["New Delhi", "Islamabad"]);
    }
}
