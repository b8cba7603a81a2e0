#!/usr/bin/env python3
"""Calibration of edalign's bead scores against gold, from `run --keep DIR` output.

  calibrate.py DIR [DIR ...]

For every predicted bead with a score, a link is right when the gold has exactly that
bead (strict), a one-sided bead when the gold leaves that sentence alone too. Prints, per
kind (link / one-sided) and score bucket, how many beads and how many are right, and the
headline figure: the share of links scored >= 0.9 that are right.
"""
import glob
import os
import re
import sys

BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\](?::([0-9.eE+-]+))?\s*$")
BUCKETS = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001]


def parse(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = BEAD.match(line.strip())
            if not m:
                continue
            s = tuple(int(x) for x in m.group(1).split(",") if x.strip())
            t = tuple(int(x) for x in m.group(2).split(",") if x.strip())
            beads.append((s, t, float(m.group(3)) if m.group(3) else None))
    return beads


def main():
    dirs = sys.argv[1:]
    if not dirs:
        print(__doc__)
        return 2
    table = {}  # (kind, bucket) -> [n, right]
    for d in dirs:
        for pred in glob.glob(os.path.join(d, "*.pred")):
            gold = pred[: -len(".pred")] + ".gold"
            if not os.path.exists(gold):
                continue
            g = set((s, t) for s, t, _ in parse(gold))
            for s, t, sc in parse(pred):
                if sc is None:
                    continue
                kind = "link" if s and t else "one-sided"
                b = max(k for k in range(len(BUCKETS) - 1) if sc >= BUCKETS[k])
                cell = table.setdefault((kind, b), [0, 0])
                cell[0] += 1
                cell[1] += (s, t) in g
    for kind in ("link", "one-sided"):
        print("%-10s %-12s %7s %7s %7s" % (kind, "score", "beads", "right", "share"))
        for b in range(len(BUCKETS) - 1):
            n, r = table.get((kind, b), [0, 0])
            if n:
                hi = min(BUCKETS[b + 1], 1.0)
                print("%-10s [%.2f,%.2f%s %7d %7d %7.3f" % ("", BUCKETS[b], hi, "]" if hi == 1.0 else ")", n, r, r / n))
    n = sum(v[0] for (k, b), v in table.items() if k == "link" and BUCKETS[b] >= 0.9)
    r = sum(v[1] for (k, b), v in table.items() if k == "link" and BUCKETS[b] >= 0.9)
    print("links scored >= 0.9: %d, right %d, precision %.3f (target >= 0.97)" % (n, r, r / n if n else 0.0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
