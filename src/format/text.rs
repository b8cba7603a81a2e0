//! The terminal view: what the story is, coverage, findings, then the editions side by side.
//!
//! Plain text, wrapped to a fixed width (default 120 columns), optionally coloured with ANSI
//! escapes (missing sentences, warnings; the command colours when its output is a
//! terminal). The coverage summary comes first (per edition against each other: sentences
//! matched, share of text, the sentences without counterpart, paragraphs left out whole,
//! moved sentences), then the findings with the sentences they are about, then the editions
//! side by side, one row per aligned group, `!` marking rows with a warning or worse and
//! `—` an edition without counterpart. The layout is for people and may change between
//! versions; machines should read [`super::json`].

use crate::model::StoryReport;
use crate::review::Severity;
use std::io::{self, Write};

/// Options of the terminal view.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// Total width in columns (default 120, at least 60).
    pub width: usize,
    /// Colour with ANSI escapes (default `false`).
    pub color: bool,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            width: 120,
            color: false,
        }
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn severity(&self, sev: Severity) -> String {
        let code = match sev {
            Severity::Error => "1;31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        self.wrap(code, &format!("{:<7}", sev.name()))
    }
}

/// Wraps `text` into lines of at most `width` characters, breaking at spaces where possible.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let wlen = word.chars().count();
        if len > 0 && len + 1 + wlen > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if wlen > width {
            // A word longer than the column is cut.
            for c in word.chars() {
                if len == width {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                line.push(c);
                len += 1;
            }
            continue;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += wlen;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Writes the terminal view of a story.
pub fn write(w: &mut dyn Write, report: &StoryReport, opts: TextOptions) -> io::Result<()> {
    let p = Paint { on: opts.color };
    let width = opts.width.max(60);
    editions(w, report, &p)?;
    coverage(w, report, &p)?;
    findings(w, report, &p, width)?;
    side_by_side(w, report, &p, width)
}

/// The story's editions, one line each.
fn editions(w: &mut dyn Write, report: &StoryReport, p: &Paint) -> io::Result<()> {
    writeln!(w, "{} {}", p.bold("story"), report.id)?;
    for e in report.editions.iter().chain(&report.excluded) {
        let declared = match e.edition.declared {
            Some(d) if d != e.lang() => format!(", declared {d} (disagrees)"),
            Some(d) => format!(", declared {d}"),
            None => String::new(),
        };
        let source = &e.edition.source;
        let read = if source.format == crate::read::SourceFormat::Text && source.encoding == "UTF-8"
        {
            String::new()
        } else {
            format!("read as {} in {}; ", source.format.name(), source.encoding)
        };
        writeln!(
            w,
            "  {:<5} {}  ({read}{} sentences, {} boilerplate lines; detected {} {:.2}{})",
            e.detection.code,
            e.edition.id,
            e.sentences.len(),
            e.layout.boilerplate.len(),
            e.detection.code,
            e.detection.confidence,
            declared
        )?;
    }

    Ok(())
}

/// Coverage per edition against each other one.
fn coverage(w: &mut dyn Write, report: &StoryReport, p: &Paint) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "{}", p.bold("coverage"))?;
    for c in &report.review.coverage {
        let parts: Vec<String> = c
            .against
            .iter()
            .map(|a| {
                format!(
                    "vs {}: {}/{} sentences matched ({:.0}% of text)",
                    a.against,
                    c.sentences - a.unmatched.len(),
                    c.sentences,
                    a.char_share * 100.0
                )
            })
            .collect();
        writeln!(w, "  {:<5} {}", c.lang.code(), parts.join("; "))?;
        for a in c
            .against
            .iter()
            .filter(|a| !a.unmatched.is_empty() || !a.moved.is_empty())
        {
            let mut what = Vec::new();
            if !a.unmatched.is_empty() {
                let list: Vec<String> = a.unmatched.iter().map(|i| format!("[{i}]")).collect();
                what.push(format!(
                    "no counterpart in {}: {} ({} characters{})",
                    a.against,
                    list.join(" "),
                    a.unmatched_chars,
                    match a.unmatched_paragraphs.len() {
                        0 => String::new(),
                        1 => ", 1 paragraph whole".to_string(),
                        n => format!(", {n} paragraphs whole"),
                    }
                ));
            }
            if !a.moved.is_empty() {
                what.push(format!(
                    "{} sentences moved against {}",
                    a.moved.len(),
                    a.against
                ));
            }
            writeln!(w, "  {:<5}   {}", "", p.wrap("31", &what.join("; ")))?;
        }
    }

    Ok(())
}

/// The findings with the sentences they are about.
fn findings(w: &mut dyn Write, report: &StoryReport, p: &Paint, width: usize) -> io::Result<()> {
    writeln!(w)?;
    let count = |s: Severity| {
        report
            .review
            .findings
            .iter()
            .filter(|f| f.severity == s)
            .count()
    };
    writeln!(
        w,
        "{} ({} error, {} warning, {} info)",
        p.bold("findings"),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )?;
    if report.review.findings.is_empty() {
        writeln!(w, "  none")?;
    }
    for f in &report.review.findings {
        let group = f.group.map(|g| format!("#{g}")).unwrap_or_default();
        writeln!(
            w,
            "  {} {:<18} {:<5} {}",
            p.severity(f.severity),
            f.kind.name(),
            group,
            f.message
        )?;
        for loc in &f.locations {
            let Some(e) = report.editions.iter().find(|e| e.edition.id == loc.edition) else {
                continue;
            };
            for &i in &loc.sentences {
                writeln!(
                    w,
                    "  {:<40}{} [{}] {}",
                    "",
                    loc.lang,
                    i,
                    p.dim(&excerpt(e.sentence_text(i), width.saturating_sub(52)))
                )?;
            }
        }
    }

    Ok(())
}

/// The editions side by side, a row per group.
fn side_by_side(
    w: &mut dyn Write,
    report: &StoryReport,
    p: &Paint,
    width: usize,
) -> io::Result<()> {
    writeln!(w)?;
    let n = report.editions.len();
    let gutter = 6;
    let col = (width - gutter - 7 - 3 * n) / n;
    let mut head = format!("{:>5} ", "#");
    for e in &report.editions {
        head.push_str(&format!("| {} ", pad(e.lang().code(), col)));
    }
    head.push_str("| score");
    writeln!(w, "{}", p.bold(&head))?;
    writeln!(w, "{}", "-".repeat(head.chars().count()))?;
    for (g, group) in report.alignment.groups.iter().enumerate() {
        let flagged = report
            .review
            .findings
            .iter()
            .any(|f| f.group == Some(g) && f.severity >= Severity::Warning);
        let cells: Vec<Vec<String>> = group
            .members
            .iter()
            .enumerate()
            .map(|(e, m)| {
                if m.is_empty() {
                    vec!["—".to_string()]
                } else {
                    let text: Vec<&str> = m
                        .iter()
                        .map(|&i| report.editions[e].sentence_text(i))
                        .collect();
                    wrap(&text.join(" "), col)
                }
            })
            .collect();
        let rows = cells.iter().map(Vec::len).max().unwrap_or(1);
        for r in 0..rows {
            let mark = if r == 0 {
                format!(
                    "{}{:>4} ",
                    if flagged {
                        p.wrap("1;33", "!")
                    } else {
                        " ".into()
                    },
                    g
                )
            } else {
                " ".repeat(6)
            };
            let mut line = mark;
            for (e, c) in cells.iter().enumerate() {
                let cell = c.get(r).map(String::as_str).unwrap_or("");
                let padded = pad(cell, col);
                let shown = if group.members[e].is_empty() {
                    p.wrap("31", &padded)
                } else {
                    padded
                };
                line.push_str(&format!("| {shown} "));
            }
            if r == 0 {
                line.push_str(&format!("| {:.2}", group.score));
            } else {
                line.push('|');
            }
            writeln!(w, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width() {
        let lines = wrap("Україна отримала нову допомогу від союзників сьогодні", 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Україна отримала нову допомогу від союзників сьогодні"
        );
    }

    #[test]
    fn wrap_cuts_overlong_words() {
        let lines = wrap("abcdefghij", 4);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
    }
}
