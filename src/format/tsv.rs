//! Tab-separated groups, one aligned group per row, for spreadsheets.
//!
//! Columns: `group`, then one column per aligned edition named by its language
//! (`uk`, `en`, `ru`: the sentences of the group joined by a space), `score` (the group's
//! weakest link, 3 decimals) and `flags` (the kinds of the findings on the group, comma
//! separated). Tabs and line breaks inside text become spaces, so every row is one line.

use crate::model::StoryReport;
use std::io::{self, Write};

fn clean_cell(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Writes the header and one row per group.
pub fn write(w: &mut dyn Write, report: &StoryReport) -> io::Result<()> {
    let mut header = vec!["group".to_string()];
    header.extend(report.editions.iter().map(|e| e.lang().code().to_string()));
    header.push("score".into());
    header.push("flags".into());
    writeln!(w, "{}", header.join("\t"))?;
    for (g, group) in report.alignment.groups.iter().enumerate() {
        let mut row = vec![g.to_string()];
        for (e, members) in group.members.iter().enumerate() {
            let text: Vec<&str> = members
                .iter()
                .map(|&i| report.editions[e].sentence_text(i))
                .collect();
            row.push(clean_cell(&text.join(" ")));
        }
        row.push(format!("{:.3}", group.score));
        let mut flags: Vec<&str> = report
            .review
            .findings
            .iter()
            .filter(|f| f.group == Some(g))
            .map(|f| f.kind.name())
            .collect();
        flags.dedup();
        row.push(flags.join(","));
        writeln!(w, "{}", row.join("\t"))?;
    }
    Ok(())
}
