#!/usr/bin/env python3
"""Writes the accuracy report (Markdown) from the tables `bench/align/run` left in OUT.

  summary.py OUT > docs/accuracy/align.md
"""
import os
import re
import sys

HEAD = """# Sentence aligner: accuracy

All figures: NTREX-128 dev half (`../shared/bench/align/data/ntrex-dev.jsonl`, 62 documents),
seeds 1-3, every profile. Made by

```sh
bench/align/run && cp bench/align/out/align.md docs/accuracy/align.md
```

`bench/align/run` builds `examples/ladder.rs` in release and runs the shared bench once per
mode and profile `$P` (`--jobs 2`):

```sh
cd ../shared/bench/align
./run --data data/ntrex-dev.jsonl --seeds 1,2,3 --profiles $P --jobs 2 \\
      --cmd  "$ROOT/target/release/examples/ladder {src} {tgt}"      --keep $KEEP/pairwise/$P
./run --data data/ntrex-dev.jsonl --seeds 1,2,3 --profiles $P --jobs 2 \\
      --cmd3 "$ROOT/target/release/examples/ladder {uk} {en} {ru}" --keep $KEEP/threeway/$P
```

Modes `batch` (pairwise) and `batch3` (three-way) first learn a lexicon from the whole batch
of the profile (its cases of seeds 1-3, exported with `make_editions --export`, no gold read)
with `ladder --learn lex.tsv DIR...`, then run as above with `ladder --lexicon lex.tsv`.

Then `bench/align/report.py $KEEP/<mode>/<profile>` gives the accuracy per bead type and the
calibration of the scores (a bead is right when the gold has exactly that bead; `moved` =
links off the longest monotone chain of links: the moved block in gold, the links the
aligner put out of order in its output). The dev data was used to choose the model's few
constants; the held-out half and WMT22 are the real judges.

## Summary (strict F1 / coverage F1)

| mode | profile | uk-en | uk-ru | en-ru | consistency (gold) | contradictions (gold) | links >= 0.9 right |
|---|---|---|---|---|---|---|---|
"""

TARGETS = """
Consistency is the bench's share of closed triangles; gold itself leaves some open where
one edition merges. Contradictions are the open triangles that are not a finer view of
one three-way bead (see `report.py`): the three-way modes search the editions together and
should have none.

Issue 5 targets: clean >= 0.995; editorial strict uk-ru >= 0.97, uk-en >= 0.95, en-ru >= 0.95,
coverage >= 0.90; hard strict >= 0.85 on every pair, coverage >= 0.80; three-way no lower
than pairwise; of links scored >= 0.9, at least 97 % right. Peers (seed 1, strict/coverage,
uk-en · uk-ru · en-ru): hunalign editorial .808/.508 · .910/.667 · .787/.476, hard
.456/.223 · .559/.328 · .417/.253.

"""


def main():
    out_dir = sys.argv[1]
    parts = [HEAD]
    details = []
    for mode in ("pairwise", "threeway", "batch", "batch3"):
        for prof in ("clean", "editorial", "hard"):
            tpath = os.path.join(out_dir, "%s-%s.txt" % (mode, prof))
            rpath = os.path.join(out_dir, "%s-%s-report.txt" % (mode, prof))
            if not (os.path.exists(tpath) and os.path.exists(rpath)):
                continue
            table = open(tpath, encoding="utf-8").read().strip("\n")
            report = open(rpath, encoding="utf-8").read().strip("\n")
            vals = {}
            for line in table.splitlines():
                f = line.split()
                if len(f) >= 8 and f[1] == prof:
                    vals[f[0]] = "%s / %s" % (f[5], f[7])
            cons = re.search(r"consistency %s\s+([0-9.]+).*gold ([0-9.]+)" % prof, table)
            cal = re.search(r"links scored >= 0.9: (\d+), right (\d+), precision ([0-9.]+)", report)
            contra = re.search(r"^contradiction\s+(\d+)\s+(\d+)", report, re.M)
            parts.append("| %s | %s | %s | %s | %s | %s | %s | %s |\n" % (
                mode, prof, vals.get("uk-en", "-"), vals.get("uk-ru", "-"), vals.get("en-ru", "-"),
                "%s (%s)" % cons.groups() if cons else "-",
                "%s (%s)" % contra.groups() if contra else "-",
                "%s of %s = %s" % (cal.group(2), cal.group(1), cal.group(3)) if cal else "-"))
            details.append("## %s, %s\n\n```\n%s\n```\n\n```\n%s\n```\n\n" % (mode, prof, table, report))
    parts.append(TARGETS)
    parts.extend(details)
    sys.stdout.write("".join(parts))


if __name__ == "__main__":
    main()
