#!/usr/bin/env python3
"""Checks the DOM Chromium rendered from edalign's HTML page against the JSON report of
the same story: the page title is the one edalign wrote (nothing in the article changed
it), one row per group, one list item per finding, every row a finding links to exists,
no <script>, <img>, <iframe> or <object> element exists, and every sentence's text shows.

usage: check_dom.py DOM.html STORY.json [MUST_SHOW_TEXT ...]"""
import json
import re
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.in_title = False
        self.rows = []
        self.findings = 0
        self.links = []
        self.forbidden = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag in ("td", "th", "li", "div", "tr", "p", "section", "br"):
            self.text.append(" ")
        if tag == "title":
            self.in_title = True
        if tag == "tr" and "row" in cls:
            self.rows.append(a.get("id"))
        if tag == "li" and "finding" in cls:
            self.findings += 1
        if tag == "a" and (a.get("href") or "").startswith("#g"):
            self.links.append(a["href"][1:])
        if tag in ("script", "img", "iframe", "object", "embed") or any(
            k.startswith("on") for k in a
        ):
            self.forbidden.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        self.text.append(data)


def main(dom_path, json_path, must_show):
    doc = json.load(open(json_path, encoding="utf-8"))
    d = Dom()
    d.feed(open(dom_path, encoding="utf-8").read())
    text = " ".join("".join(d.text).split())
    if d.title != f"edalign: {doc['id']}":
        return f"title is {d.title!r}"
    if len(d.rows) != len(doc["groups"]):
        return f"{len(d.rows)} rows, expected {len(doc['groups'])}"
    if d.rows != [f"g{g['index']}" for g in doc["groups"]]:
        return "row ids are not g0, g1, …"
    if d.findings != len(doc["findings"]):
        return f"{d.findings} findings listed, expected {len(doc['findings'])}"
    missing = set(d.links) - set(d.rows)
    if missing:
        return f"links to rows that do not exist: {sorted(missing)[:5]}"
    if d.forbidden:
        return f"active elements or handlers in the DOM: {d.forbidden}"
    for e in doc["editions"]:
        for s in e["sentences"]:
            # Characters XML 1.0 forbids (and C1 controls) are dropped from the page.
            t = " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", "", s["text"]).split())
            if t and t not in text:
                return f"{e['lang']} sentence {s['index']} not shown: {t[:60]!r}"
    for t in must_show:
        if t not in text:
            return f"text not shown: {t!r}"
    print(f"{len(d.rows)} rows, {d.findings} findings, title {d.title!r}")
    return None


if __name__ == "__main__":
    err = main(sys.argv[1], sys.argv[2], sys.argv[3:])
    if err:
        print(err)
        sys.exit(1)
