#!/usr/bin/env python3
"""Per-bead-type accuracy and score calibration of edalign, from `run --keep DIR` output.

  report.py DIR [DIR ...]

DIR holds <n>.<pair>.pred (ladder beads with scores) and <n>.<pair>.gold as the shared
bench's `run --keep` writes them. All DIRs are pooled.

Bead types: 1-1, 1-2, 2-1, 2-2 ..., 1-0 and 0-1 (one-sided), and `moved` for links off
the longest monotone chain of links (gold: the moved block; predicted: links the aligner
put out of order). Strict: a predicted bead is right when the gold has exactly that bead.

Calibration: for links and one-sided beads, by score bucket, the share that is right;
the headline is the precision of links scored >= 0.9 (issue 5 asks for >= 0.97).

Open triangles (three-way runs): every uk i - en j, uk i - ru k whose en j and ru k share
no en-ru link, by the shapes of the four beads involved, predicted and gold. Two patterns
are correct alignments (a finer view of one three-way bead): `split`, uk merges what en and
ru keep apart; `partial`, one edition of a pair merged in a sentence the other lacks. Any
other is a contradiction between the pairs.
"""
import glob
import os
import re
import sys
from collections import defaultdict

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


def off_chain(beads):
    """Links not on the longest chain increasing in both sides."""
    links = sorted((b for b in beads if b[0] and b[1]), key=lambda b: (b[0][0], b[1][0]))
    n = len(links)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if links[j][0][-1] < links[i][0][0] and links[j][1][-1] < links[i][1][0] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    keep = set()
    if n:
        i = max(range(n), key=lambda k: best[k])
        while i >= 0:
            keep.add(i)
            i = prev[i]
    return set((links[i][0], links[i][1]) for i in range(n) if i not in keep)


def kind(s, t):
    return "%d-%d" % (min(len(s), 3), min(len(t), 3))


def bead_of(beads, i, src):
    for s, t, _ in beads:
        if i in (s if src else t):
            return (s, t)
    return None


def shape(b):
    return "%d-%d" % (len(b[0]), len(b[1])) if b else "?"


def open_triangles(ue, ur, er):
    """Open triangles of one story, each as (pattern, shapes)."""
    out = []
    for s, t, _ in ue:
        if not (s and t):
            continue
        for i in s:
            for j in t:
                for s2, t2, _ in ur:
                    if i not in s2 or not t2:
                        continue
                    for k in t2:
                        bj, bk = bead_of(er, j, True), bead_of(er, k, False)
                        if bj is not None and bj == bk and bj[0] and bj[1]:
                            continue
                        shapes = (shape((s, t)), shape((s2, t2)), shape(bj), shape(bk))
                        if shapes[0] == "1-2" and shapes[1] == "1-2" and shapes[2] == shapes[3] == "1-1":
                            pattern = "split"
                        elif shapes in (("1-1", "1-2", "1-1", "0-1"), ("1-2", "1-1", "1-0", "1-1")):
                            pattern = "partial"
                        else:
                            pattern = "contradiction"
                        out.append((pattern, shapes))
    return out


def triangles(dirs):
    counts = {"pred": defaultdict(int), "gold": defaultdict(int)}
    for d in dirs:
        for ue_path in sorted(glob.glob(os.path.join(d, "*.uk-en.pred"))):
            stem = ue_path[: -len(".uk-en.pred")]
            for which in ("pred", "gold"):
                paths = [stem + ".%s.%s" % (p, which) for p in ("uk-en", "uk-ru", "en-ru")]
                if not all(os.path.exists(p) for p in paths):
                    continue
                ue, ur, er = (parse(p) for p in paths)
                for pattern, _ in open_triangles(ue, ur, er):
                    counts[which][pattern] += 1
    if not any(counts[w] for w in counts) and not glob.glob(os.path.join(dirs[0], "*.uk-ru.pred")):
        return
    print()
    print("open triangles (uk-en and uk-ru links whose en and ru share no en-ru link)")
    print("%-14s %7s %7s" % ("pattern", "pred", "gold"))
    for pattern in ("split", "partial", "contradiction"):
        print("%-14s %7d %7d" % (pattern, counts["pred"][pattern], counts["gold"][pattern]))


def main():
    dirs = sys.argv[1:]
    if not dirs:
        print(__doc__)
        return 2
    # (pair, type) -> [gold, pred, hit_gold, hit_pred]
    types = defaultdict(lambda: [0, 0, 0, 0])
    calib = {}
    for d in dirs:
        for pred_path in sorted(glob.glob(os.path.join(d, "*.pred"))):
            gold_path = pred_path[: -len(".pred")] + ".gold"
            if not os.path.exists(gold_path):
                continue
            pair = os.path.basename(pred_path).split(".")[1]
            gold = [(s, t) for s, t, _ in parse(gold_path)]
            pred = parse(pred_path)
            gset = set(gold)
            pset = set((s, t) for s, t, _ in pred)
            gmoved = off_chain([(s, t, None) for s, t in gold])
            pmoved = off_chain(pred)
            for s, t in gold:
                for ty in [kind(s, t)] + (["moved"] if (s, t) in gmoved else []):
                    c = types[(pair, ty)]
                    c[0] += 1
                    c[2] += (s, t) in pset
            for s, t, sc in pred:
                for ty in [kind(s, t)] + (["moved"] if (s, t) in pmoved else []):
                    c = types[(pair, ty)]
                    c[1] += 1
                    c[3] += (s, t) in gset
                if sc is None:
                    continue
                k = "link" if s and t else "one-sided"
                b = max(i for i in range(len(BUCKETS) - 1) if sc >= BUCKETS[i])
                cell = calib.setdefault((k, b), [0, 0])
                cell[0] += 1
                cell[1] += (s, t) in gset
    order = ["1-1", "1-0", "0-1", "1-2", "2-1", "2-2", "1-3", "3-1", "moved"]
    print("%-6s %-6s %6s %6s %7s %7s %7s" % ("pair", "bead", "gold", "pred", "P", "R", "F1"))
    for pair in ("uk-en", "uk-ru", "en-ru"):
        for ty in order + sorted(t for p, t in types if p == pair and t not in order):
            if (pair, ty) not in types:
                continue
            g, p, hg, hp = types[(pair, ty)]
            P = hp / p if p else 0.0
            R = hg / g if g else 0.0
            F = 2 * P * R / (P + R) if P + R else 0.0
            print("%-6s %-6s %6d %6d %7.3f %7.3f %7.3f" % (pair, ty, g, p, P, R, F))
    print()
    for k in ("link", "one-sided"):
        print("%-10s %-13s %7s %7s %7s" % (k, "score", "beads", "right", "share"))
        for b in range(len(BUCKETS) - 1):
            n, r = calib.get((k, b), [0, 0])
            if n:
                hi = min(BUCKETS[b + 1], 1.0)
                print("%-10s [%.2f,%.2f%s %7d %7d %7.3f" % ("", BUCKETS[b], hi, "]" if hi == 1.0 else ")", n, r, r / n))
    n = sum(v[0] for (k, b), v in calib.items() if k == "link" and BUCKETS[b] >= 0.9)
    r = sum(v[1] for (k, b), v in calib.items() if k == "link" and BUCKETS[b] >= 0.9)
    print("links scored >= 0.9: %d, right %d, precision %.3f (issue 5 asks >= 0.97)" % (n, r, r / n if n else 0.0))
    triangles(dirs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
