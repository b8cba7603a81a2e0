#!/usr/bin/env python3
"""Loads a TMX file with translate-toolkit and checks it against edalign's JSON report
of the same story: one unit per group present in two or more editions, each unit with a
variant per edition present, every variant's text equal to the group's sentences joined.

usage: check_tmx.py STORY.tmx STORY.json   (exit 0 when it holds, 1 with a reason)"""
import json
import sys
import unicodedata

from translate.storage import tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def one_line(s):
    # As edalign does: control characters and U+FFFE/U+FFFF separate words like spaces.
    s = "".join(
        " " if unicodedata.category(c) == "Cc" or c in "\ufffe\uffff" else c for c in s
    )
    return " ".join(s.split())


def main(tmx_path, json_path):
    doc = json.load(open(json_path, encoding="utf-8"))
    with open(tmx_path, "rb") as f:
        store = tmx.tmxfile(f)
    units = store.units
    texts = {e["lang"]: {s["index"]: s["text"] for s in e["sentences"]} for e in doc["editions"]}
    order = [e["lang"] for e in doc["editions"]]
    expected = []
    for g in doc["groups"]:
        variants = {
            lang: one_line(" ".join(texts[lang][i] for i in g["members"][lang]))
            for lang in order
            if g["members"].get(lang)
        }
        variants = {k: v for k, v in variants.items() if v}
        if len(variants) >= 2:
            expected.append(variants)
    if len(units) != len(expected):
        return f"{len(units)} units, expected {len(expected)}"
    if not units:
        return "no units"
    for n, (u, want) in enumerate(zip(units, expected)):
        got = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in u.xmlelement.iter("tuv")}
        if got != want:
            for lang in sorted(set(got) | set(want)):
                if got.get(lang) != want.get(lang):
                    return f"unit {n} {lang}: got {got.get(lang)!r}, expected {want.get(lang)!r}"
        # translate-toolkit's own view: source is the first variant, target the second.
        langs = list(want)
        if u.source != want[langs[0]] or u.target != want[langs[1]]:
            return f"unit {n}: translate-toolkit source/target differ from the report"
    print(f"{len(units)} units, languages {sorted({l for v in expected for l in v})}")
    return None


if __name__ == "__main__":
    err = main(sys.argv[1], sys.argv[2])
    if err:
        print(err)
        sys.exit(1)
