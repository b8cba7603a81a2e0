#!/usr/bin/env python3
"""Checks the sample stories in corpora/ against their meta.json files.

For every story folder (a folder holding meta.json) this verifies that:
  * the meta has the expected fields, the slug matches the folder, and every
    edition file it names exists, is UTF-8 and ends with a newline;
  * every sentence quoted under "planted" occurs verbatim in the named file,
    as a whole sentence (at a line start or after white space, and followed by
    white space or the line end);
  * every planted entry has the fields its kind needs (see README.md);
  * each file is written in the letters of its true language, apart from
    sentences planted as "untranslated": no ы э ъ ё in Ukrainian, no і ї є ґ in
    Russian, no Cyrillic in English;
  * each edition has 10-25 body sentences (a rough count that skips page
    clutter, the headline and subheadings).

Usage: python3 corpora/check_meta.py [STORY_DIR ...]
Exit status 0 when every story passes, 1 otherwise.
"""
import json
import re
import sys
from pathlib import Path

KINDS = {"missing", "added", "merged", "split", "number", "name", "date",
         "moved", "untranslated", "mislabelled"}
LANGS = {"uk", "en", "ru"}
CLUTTER = re.compile(
    r"^(author|автор|авторка|фото|photo|\(photo|\(фото|read also|читайте|share|"
    r"поділитися|поделиться|читати|читать|ua\b|uk\b|en\b|ru\b|українською|укр\b|tags:|теги:|мітки:)",
    re.I)
CAPTION_TAIL = re.compile(r"\((photo|фото|video|відео|видео)[^()]*\)$", re.I)
ABBREV = re.compile(
    r"(\b(?:[A-ZА-ЯІЇЄҐ]|ст|вул|ул|м|г|грн|млн|млрд|тис|тыс|руб|пл|просп|пр|"
    r"р|гг|рр|див|см|т|Dr|Mr|Mrs|Ms|St|U\.S|U\.K|No|Jan|Feb|Mar|Apr|Aug|Sept|Oct|Nov|Dec)\.)$")

errors = []


def err(story, msg):
    errors.append(f"{story}: {msg}")


def strings(value):
    """The sentences in a text value: a string or a list of strings."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def occurs_as_sentence(sentence, text):
    for m in re.finditer(re.escape(sentence), text):
        before = text[m.start() - 1] if m.start() > 0 else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        if before.isspace() and after.isspace():
            return True
    return False


def body_sentences(text):
    """A rough sentence count of the body: clutter, headline and subheadings skipped."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    lines = []
    for p in paras:
        for line in p.splitlines():
            line = line.strip()
            if line and not CLUTTER.match(line) and not CAPTION_TAIL.search(line):
                lines.append(line)
    if lines:
        lines = lines[1:]  # the headline
    count = 0
    for line in lines:
        if not re.search(r"[.!?…»\"”:]$", line):
            continue  # a subheading
        pieces = re.split(r"(?<=[.!?…])([»\"”]?)\s+(?=[«\"“A-ZА-ЯІЇЄҐ0-9])", line)
        n = 1
        text_so_far = ""
        for i in range(0, len(pieces) - 1, 2):
            text_so_far += pieces[i] + pieces[i + 1]
            if not ABBREV.search(text_so_far.rstrip("»\"”")):
                n += 1
        count += n
    return count


def check_story(folder):
    story = folder.name
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        err(story, f"meta.json: {e}")
        return
    for field in ("slug", "title", "editions", "true_languages", "exercises", "planted"):
        if field not in meta:
            err(story, f"meta.json: missing field {field!r}")
            return
    if meta["slug"] != story:
        err(story, f"slug {meta['slug']!r} is not the folder name")
    if not (folder / "README.md").is_file():
        err(story, "no README.md")
    editions = meta["editions"]
    if not set(editions) <= LANGS or len(editions) < 2:
        err(story, f"bad editions {editions}")
    if set(meta["true_languages"]) != set(editions.values()):
        err(story, "true_languages must name exactly the edition files")
    texts = {}
    for label, name in editions.items():
        path = folder / name
        try:
            data = path.read_bytes()
            texts[label] = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            err(story, f"{name}: {e}")
            continue
        if not texts[label].endswith("\n") or "\r" in texts[label]:
            err(story, f"{name}: must use \\n line ends and end with a newline")
    stray = {p.name for p in folder.glob("*.txt")} - set(editions.values())
    if stray:
        err(story, f"edition files not named in meta.json: {sorted(stray)}")
    if len(texts) != len(editions):
        return

    untranslated = {label: [] for label in editions}
    for i, p in enumerate(meta["planted"]):
        where = f"planted[{i}] ({p.get('kind')})"
        kind = p.get("kind")
        if kind not in KINDS:
            err(story, f"{where}: unknown kind")
            continue
        if kind == "mislabelled":
            f, declared, actual = p.get("file"), p.get("declared"), p.get("actual")
            if editions.get(declared) != f:
                err(story, f"{where}: {f} is not the file declared as {declared}")
            if meta["true_languages"].get(f) != actual or actual == declared:
                err(story, f"{where}: true_languages disagrees with actual={actual}")
            continue
        text = p.get("text")
        if not isinstance(text, dict) or not text:
            err(story, f"{where}: no text")
            continue
        for extra in ("aligned_with",):
            if extra in p:
                if not isinstance(p[extra], dict):
                    err(story, f"{where}: {extra} must be an object")
        quoted = dict(text)
        for label, value in p.get("aligned_with", {}).items():
            quoted[f"{label} (aligned_with)"] = value
        for key, value in quoted.items():
            label = key.split()[0]
            if label not in texts:
                err(story, f"{where}: no edition {label!r}")
                continue
            sents = strings(value)
            if not sents:
                err(story, f"{where}: text[{key}] must be a string or a list of strings")
                continue
            for s in sents:
                if not occurs_as_sentence(s, texts[label]):
                    err(story, f"{where}: not found as a sentence in {editions[label]}: {s!r}")
        ins = p.get("in")
        if kind in ("missing", "added", "moved", "untranslated", "merged", "split", "name"):
            if ins not in editions:
                err(story, f"{where}: 'in' must name an edition")
                continue
        if kind == "missing":
            frm = p.get("from")
            if not isinstance(frm, list) or ins in frm or set(frm) != set(text):
                err(story, f"{where}: 'from' must list exactly the editions quoted in text, not 'in'")
            if set(frm or []) | {ins} != set(editions):
                err(story, f"{where}: 'in' and 'from' must cover all editions")
        if kind == "added" and set(text) != {ins}:
            err(story, f"{where}: an added sentence is quoted only from its own edition")
        if kind == "moved" and ins not in text:
            err(story, f"{where}: quote the moved text from {ins}")
        if kind in ("merged", "split"):
            counts = {k: len(strings(v) or []) for k, v in text.items()}
            if ins not in counts or len(counts) < 2:
                err(story, f"{where}: quote the pieces from at least two editions")
            else:
                others = [c for k, c in counts.items() if k != ins]
                if kind == "merged" and not all(counts[ins] < c for c in others):
                    err(story, f"{where}: 'in' must hold fewer sentences than the others")
                if kind == "split" and not all(counts[ins] > c for c in others):
                    err(story, f"{where}: 'in' must hold more sentences than the others")
        if kind in ("number", "date", "name"):
            values = p.get("values")
            if not isinstance(values, dict):
                err(story, f"{where}: 'values' required")
            else:
                for label, v in values.items():
                    if v is None:
                        continue
                    if label not in text or v not in " ".join(strings(text[label]) or []):
                        err(story, f"{where}: value {v!r} not in text[{label}]")
                distinct = {v for v in values.values()}
                if len(distinct) < 2:
                    err(story, f"{where}: values do not differ")
        if kind == "untranslated":
            if p.get("lang") not in LANGS or set(text) != {ins}:
                err(story, f"{where}: needs 'lang' and text from 'in' only")
            else:
                untranslated[ins].extend(strings(text[ins]))

    for label, name in editions.items():
        lang = meta["true_languages"][name]
        # Page clutter (a language switcher names all three languages) is not checked.
        body = "\n".join(line for line in texts[label].splitlines()
                         if not CLUTTER.match(line.strip()))
        for s in untranslated[label]:
            body = body.replace(s, " ")
        if lang == "uk":
            bad = set(re.findall(r"[ыэъёЫЭЪЁ]", body))
            if bad or not re.search(r"[іїєґІЇЄҐ]", body):
                err(story, f"{name}: not Ukrainian letters (found {sorted(bad)})")
        elif lang == "ru":
            bad = set(re.findall(r"[іїєґІЇЄҐ]", body))
            if bad or not re.search(r"[ыэъё]", body):
                err(story, f"{name}: not Russian letters (found {sorted(bad)})")
        elif lang == "en":
            bad = set(re.findall(r"[\u0400-\u04ff]", body))
            if bad:
                err(story, f"{name}: Cyrillic in English (found {sorted(bad)})")
        n = body_sentences(texts[label])
        if not 10 <= n <= 25:
            err(story, f"{name}: about {n} body sentences, want 10-25")
        print(f"  {story}/{name}: {lang}, about {n} body sentences")


def main(argv):
    root = Path(__file__).resolve().parent
    folders = [Path(a) for a in argv] or sorted(p.parent for p in root.glob("*/meta.json"))
    if not folders:
        print("no stories found", file=sys.stderr)
        return 1
    for folder in folders:
        check_story(folder)
    for e in errors:
        print("error:", e, file=sys.stderr)
    print(f"{len(folders)} stories checked, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
