//! One self-contained HTML page for editors: the coverage summary with a small chart, the
//! findings with links to their rows, and the editions side by side, one row per aligned
//! group, sentences without counterpart marked.
//!
//! The page loads nothing: no scripts, no fonts, no images, no style sheets but its own.
//! A `Content-Security-Policy` meta forbids every script and every fetch
//! (`default-src 'none'; style-src 'unsafe-inline'`), and all article text is escaped, so a
//! `<script>` in an article is shown as text and never runs.
//!
//! Anchors: row of group *n* is `#g<n>`, finding *k* (in the order of the report) is
//! `#f<k>`. Rows carry the classes `flagged` (a finding of severity warning or more),
//! `only-in` (one edition only) or `partial` (some edition lacks the group); cells of an
//! edition lacking the group are `missing`, cells of the one edition having it are `added`.
//! Values a finding is about (numbers, dates, names) are wrapped in `<mark>`.

use super::xml_escape as esc;
use crate::model::StoryReport;
use crate::review::{Finding, Severity};
use crate::span::Span;
use std::collections::HashMap;
use std::io::{self, Write};

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.4em 0 .5em;border-bottom:1px solid #ddd}
.meta{color:#555;font-size:.9em}.meta li{margin:.1em 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4;position:sticky;top:0}
#rows td.num,#rows td.score{white-space:nowrap;color:#666;font-size:.85em;width:3em}
#rows tr.flagged td.num{border-left:4px solid #d08a00}
#rows tr.flagged.error td.num{border-left-color:#c0262d}
td.missing{background:repeating-linear-gradient(45deg,#fdecec,#fdecec 6px,#fff6f6 6px,#fff6f6 12px);color:#a33;font-style:italic}
td.added{background:#eaf6ea}
tr.partial td:not(.missing):not(.num):not(.score){background:#fffbea}
tr:target td{outline:2px solid #3a6ea5}
li:target{background:#e8f0fa}
mark{background:#ffd54a;padding:0 .1em}
.sev{display:inline-block;min-width:4.5em;font-weight:600;font-size:.85em;text-transform:uppercase}
.sev-error .sev{color:#c0262d}.sev-warning .sev{color:#b36b00}.sev-info .sev{color:#2d6f8e}
.kind{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;background:#f2f2f2;padding:0 .3em}
.badge{font-size:.75em;text-decoration:none;margin-left:.3em;padding:0 .3em;border-radius:3px;background:#f2f2f2;color:#333}
.badge.warning{background:#ffe7b8}.badge.error{background:#f8c9cb}
#findings ol{padding-left:1.6em}#findings li{margin:.25em 0}
.quote{color:#444;font-size:.9em;margin:.1em 0 .1em 1em}
.chart text{font-size:12px;fill:#333}
.empty{color:#777}
.key{padding:0 .3em}.key.flagged{border-left:4px solid #d08a00}.key.added{background:#eaf6ea}.key.partial{background:#fffbea}
.key.missing{background:repeating-linear-gradient(45deg,#fdecec,#fdecec 6px,#fff6f6 6px,#fff6f6 12px)}
"#;

/// Writes the page.
pub fn write(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    let rows = Rows::new(report);
    head(w, report)?;
    writeln!(
        w,
        r#"<p class="meta legend">Rows: <span class="key flagged">orange bar</span> a warning, <span class="key missing">hatched</span> no counterpart in that edition, <span class="key added">green</span> in one edition only, <span class="key partial">yellow</span> present where another edition lacks it, <mark>marked</mark> the values a finding is about.</p>"#
    )?;
    coverage(w, report)?;
    findings_section(w, report, &rows)?;
    editions_section(w, report, &rows)?;
    writeln!(
        w,
        r#"<footer class="meta"><p>edalign {} — schema of the data: <code>{}</code> (use <code>--format json</code>).</p></footer>"#,
        env!("CARGO_PKG_VERSION"),
        super::json::SCHEMA
    )?;
    writeln!(w, "</body></html>")
}

/// Where each finding sits among the rows (the groups).
struct Rows<'a> {
    report: &'a StoryReport,
    /// (edition, sentence) -> group.
    group_of: HashMap<(usize, usize), usize>,
}

impl<'a> Rows<'a> {
    fn new(report: &'a StoryReport) -> Rows<'a> {
        let mut group_of = HashMap::new();
        for (g, group) in report.alignment.groups.iter().enumerate() {
            for (e, m) in group.members.iter().enumerate() {
                for &i in m {
                    group_of.insert((e, i), g);
                }
            }
        }
        Rows { report, group_of }
    }

    fn edition_index(&self, id: &str) -> Option<usize> {
        self.report.editions.iter().position(|e| e.edition.id == id)
    }

    /// The row a finding is about: its group, or that of its first located sentence.
    fn row_of(&self, f: &Finding) -> Option<usize> {
        f.group.or_else(|| {
            f.locations.iter().find_map(|l| {
                let e = self.edition_index(&l.edition)?;
                l.sentences
                    .first()
                    .and_then(|&i| self.group_of.get(&(e, i)).copied())
            })
        })
    }
}

/// The document head, the title and the editions' list.
fn head(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, r#"<html lang="en"><head><meta charset="utf-8">"#)?;
    writeln!(
        w,
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">"#
    )?;
    writeln!(
        w,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(w, "<title>edalign: {}</title>", esc(&report.id))?;
    writeln!(w, "<style>{STYLE}</style></head><body>")?;
    writeln!(w, "<h1>Story {}</h1>", esc(&report.id))?;
    writeln!(w, r#"<ul class="meta">"#)?;
    for e in &report.editions {
        let declared = match e.edition.declared {
            Some(d) if d != e.lang() => format!(", declared {d} (disagrees)"),
            Some(d) => format!(", declared {d}"),
            None => String::new(),
        };
        writeln!(
            w,
            "<li><b>{}</b> {} — {} sentences, {} boilerplate lines set aside; detected {} ({:.2}){}</li>",
            e.lang(),
            esc(&e.edition.id),
            e.sentences.len(),
            e.layout.boilerplate.len(),
            esc(e.detection.code),
            e.detection.confidence,
            esc(&declared)
        )?;
    }
    for e in &report.excluded {
        writeln!(
            w,
            "<li><b>excluded</b> {} — in {}, not aligned</li>",
            esc(&e.edition.id),
            esc(e.detection.code)
        )?;
    }
    writeln!(w, "</ul>")
}

/// The findings, each linked to its row; a finding with no row quotes its sentences.
fn findings_section(w: &mut dyn Write, report: &StoryReport, rows: &Rows) -> io::Result<()> {
    let findings = &report.review.findings;
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    writeln!(
        w,
        r#"<section id="findings"><h2>Findings: {} error, {} warning, {} info</h2>"#,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )?;
    if findings.is_empty() {
        writeln!(w, r#"<p class="empty">No findings.</p>"#)?;
        return writeln!(w, "</section>");
    }
    writeln!(w, "<ol>")?;
    for (k, f) in findings.iter().enumerate() {
        let link = match rows.row_of(f) {
            Some(g) => format!(r##" <a href="#g{g}">row {g}</a>"##),
            None => String::new(),
        };
        writeln!(
            w,
            r#"<li id="f{k}" class="finding sev-{}"><span class="sev">{}</span> <span class="kind">{}</span>{link} — {}"#,
            f.severity.name(),
            f.severity.name(),
            f.kind.name(),
            esc(&f.message)
        )?;
        if f.group.is_none() {
            for l in &f.locations {
                let Some(e) = rows.edition_index(&l.edition) else {
                    continue;
                };
                for &i in &l.sentences {
                    writeln!(
                        w,
                        r#"<div class="quote">{} [{}] {}</div>"#,
                        l.lang,
                        i,
                        esc(report.editions[e].sentence_text(i))
                    )?;
                }
            }
        }
        writeln!(w, "</li>")?;
    }
    writeln!(w, "</ol>")?;
    writeln!(w, "</section>")
}

/// The editions side by side, a row per group, with the values findings are about marked.
fn editions_section(w: &mut dyn Write, report: &StoryReport, rows: &Rows) -> io::Result<()> {
    let findings = &report.review.findings;
    let marks: Vec<Vec<Span>> = (0..report.editions.len())
        .map(|e| {
            let lang = report.editions[e].lang();
            let mut v: Vec<Span> = findings
                .iter()
                .flat_map(|f| f.items.iter())
                .filter(|it| it.lang == lang)
                .map(|it| it.span)
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect();
    writeln!(
        w,
        r#"<section id="editions"><h2>Editions side by side</h2><table id="rows"><thead><tr><th>#</th>"#
    )?;
    for e in &report.editions {
        writeln!(w, r#"<th lang="{0}">{0}</th>"#, e.lang())?;
    }
    writeln!(w, "<th>score</th></tr></thead><tbody>")?;
    for (g, group) in report.alignment.groups.iter().enumerate() {
        row(w, report, rows, &marks, g, group)?;
    }
    writeln!(w, "</tbody></table></section>")
}

/// One row of the side-by-side table.
fn row(
    w: &mut dyn Write,
    report: &StoryReport,
    rows: &Rows,
    marks: &[Vec<Span>],
    g: usize,
    group: &crate::align::Group,
) -> io::Result<()> {
    let n = report.editions.len();
    let present = group.members.iter().filter(|m| !m.is_empty()).count();
    let mine: Vec<(usize, &Finding)> = report
        .review
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| rows.row_of(f) == Some(g))
        .collect();
    let worst = mine.iter().map(|(_, f)| f.severity).max();
    let mut classes = vec!["row"];
    if present == 1 && n > 1 {
        classes.push("only-in");
    } else if present < n {
        classes.push("partial");
    }
    if worst.is_some_and(|s| s >= Severity::Warning) {
        classes.push("flagged");
    }
    if worst == Some(Severity::Error) {
        classes.push("error");
    }
    let badges: String = mine
        .iter()
        .map(|(k, f)| {
            format!(
                r##"<a class="badge {}" href="#f{k}" title="{}">{}</a>"##,
                f.severity.name(),
                esc(&f.message),
                f.kind.name()
            )
        })
        .collect();
    writeln!(
        w,
        r##"<tr id="g{g}" class="{}"><td class="num"><a href="#g{g}">{g}</a>{badges}</td>"##,
        classes.join(" ")
    )?;
    for (e, m) in group.members.iter().enumerate() {
        let ed = &report.editions[e];
        if m.is_empty() {
            writeln!(
                w,
                r#"<td class="missing" lang="{}">— no counterpart in {}</td>"#,
                ed.lang(),
                ed.lang()
            )?;
            continue;
        }
        let class = if present == 1 && n > 1 {
            "added"
        } else {
            "text"
        };
        let mut cell = String::new();
        for (k, &i) in m.iter().enumerate() {
            if k > 0 {
                cell.push(' ');
            }
            let span = ed.sentences[i].sentence.span;
            cell.push_str(&marked(&ed.edition.text, span, &marks[e]));
        }
        writeln!(w, r#"<td class="{class}" lang="{}">{cell}</td>"#, ed.lang())?;
    }
    writeln!(w, r#"<td class="score">{:.2}</td></tr>"#, group.score)
}

/// The escaped text of `span`, with the marked spans inside it wrapped in `<mark>`.
fn marked(text: &str, span: Span, marks: &[Span]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for m in marks
        .iter()
        .filter(|m| m.start >= span.start && m.end <= span.end && !m.is_empty())
    {
        if m.start < at {
            continue;
        }
        out.push_str(&esc(&text[at..m.start]));
        out.push_str("<mark>");
        out.push_str(&esc(&text[m.start..m.end]));
        out.push_str("</mark>");
        at = m.end;
    }
    out.push_str(&esc(&text[at..span.end]));
    out
}

/// The coverage table and its bar chart (inline SVG).
fn coverage(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    writeln!(w, r#"<section id="coverage"><h2>Coverage</h2>"#)?;
    let rows: Vec<(String, f64, f64)> = report
        .review
        .coverage
        .iter()
        .flat_map(|c| {
            c.against.iter().map(move |a| {
                (
                    format!("{} vs {}", c.lang, a.against),
                    a.sentence_share,
                    a.char_share,
                )
            })
        })
        .collect();
    let bar_w = 260.0;
    let row_h = 22;
    let height = rows.len() * row_h + 24;
    writeln!(
        w,
        r#"<svg class="chart" role="img" aria-label="share of each edition with a counterpart" width="560" height="{height}" viewBox="0 0 560 {height}" xmlns="http://www.w3.org/2000/svg">"#
    )?;
    writeln!(
        w,
        r##"<text x="90" y="14">share of sentences (dark) and characters (light) with a counterpart</text>"##
    )?;
    for (k, (label, s, c)) in rows.iter().enumerate() {
        let y = 22 + k * row_h;
        writeln!(
            w,
            r##"<text x="0" y="{}">{}</text><rect x="90" y="{y}" width="{bar_w}" height="16" fill="#eee"/><rect class="bar-chars" x="90" y="{y}" width="{:.1}" height="16" fill="#a9c8e8"/><rect class="bar-sentences" x="90" y="{}" width="{:.1}" height="6" fill="#2f6aa3"/><text x="{}" y="{}">{:.0}% / {:.0}%</text>"##,
            y + 12,
            esc(label),
            c * bar_w,
            y + 10,
            s * bar_w,
            90.0 + bar_w + 8.0,
            y + 12,
            s * 100.0,
            c * 100.0
        )?;
    }
    writeln!(w, "</svg>")?;
    writeln!(
        w,
        "<table><thead><tr><th>edition</th><th>against</th><th>sentences without counterpart</th><th>characters without counterpart</th><th>paragraphs left out whole</th><th>moved sentences</th></tr></thead><tbody>"
    )?;
    for c in &report.review.coverage {
        for a in &c.against {
            writeln!(
                w,
                "<tr><td>{} ({} sentences, {} characters)</td><td>{}</td><td>{} ({:.0}%){}</td><td>{} ({:.0}%)</td><td>{}</td><td>{}</td></tr>",
                c.lang,
                c.sentences,
                c.chars,
                a.against,
                a.unmatched.len(),
                (1.0 - a.sentence_share) * 100.0,
                if a.unmatched.is_empty() {
                    String::new()
                } else {
                    format!(
                        ": {}",
                        a.unmatched
                            .iter()
                            .map(|i| format!("[{i}]"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                },
                a.unmatched_chars,
                (1.0 - a.char_share) * 100.0,
                a.unmatched_paragraphs.len(),
                a.moved.len()
            )?;
        }
    }
    writeln!(w, "</tbody></table></section>")
}
