#!/usr/bin/env python3
"""The benchmark's peer: `kb person NAME` answered the straightforward way.

    bench/peer_person.py --vault DIR "Asaf Levy" [--json] [--pure-yaml]

Python and PyYAML (Debian python3-yaml), no cache, no threads, no tricks:
walk the vault, load every front-matter with libyaml's safe loader
(yaml.CSafeLoader, what any competent script uses; --pure-yaml, or a PyYAML
built without libyaml, takes the pure-Python yaml.SafeLoader), find the person by title,
file name or alias, then list the notes involving them (newest first) and the
open tasks of every file whose path contains their name. It is what a
competent script would do, so kb's speed is compared against it, not against
a strawman. Semantics are kb's (see include/kb/model/vault.hpp): a note
involves a person when it lists them as a participant, links to them, names
them or an alias as a whole word (case-insensitive, outside fenced code), or
sits in their folder; people, customer and project notes are not counted.
"""
import argparse
import datetime
import json
import os
import re
import sys
import unicodedata

import yaml

# libyaml's C loader when PyYAML has it; main() may switch to the pure one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KINDS = {  # kind -> (front-matter types and tags, folder holding such notes)
    "person": ({"people", "person"}, "People"),
    "customer": ({"customer", "customers"}, "Customers"),
    "project": ({"project", "projects"}, "Projects"),
}
PARTICIPANT_KEYS = ("participants", "attendees", "people")
DATE_KEYS = ("date", "start")
TASK = re.compile(r"^[\s>]*(?:[-*+]|[0-9]+[.)]) +\[(.)\] *(.*)$")  # Obsidian Tasks' task line
WIKILINK = re.compile(r"!?\[\[([^\]|#^]*)[^\]]*\]\]")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)  # `code`, ``co`de``


def fold(text):
    """Case- and accent-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def walk(root):
    """Vault-relative paths of every *.md below root; dot-folders skipped."""
    paths = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(folder, root)
        for name in files:
            if name.endswith(".md"):
                paths.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
    return sorted(paths)


class Note:
    def __init__(self, root, path):
        self.path = path
        with open(os.path.join(root, path), "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.fm = {}
        self.body_start = 0  # index of the first body line
        if self.lines and self.lines[0].rstrip() == "---":
            for i in range(1, len(self.lines)):
                if self.lines[i].rstrip() in ("---", "..."):
                    try:
                        loaded = yaml.load("\n".join(self.lines[1:i]), Loader=LOADER)
                    except yaml.YAMLError:
                        loaded = None  # malformed: read as a note without front-matter
                    if isinstance(loaded, dict):
                        self.fm = loaded
                    self.body_start = i + 1
                    break
        self.stem = path.rsplit("/", 1)[-1][:-3]
        self.folder = path.rsplit("/", 1)[0] if "/" in path else ""
        self.kind = self.find_kind()
        title = self.fm.get("title")
        self.name = title if isinstance(title, str) and title.strip() else self.stem
        aliases = self.fm.get("aliases", self.fm.get("alias")) or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(",")]
        self.aliases = [a for a in aliases if isinstance(a, str) and a]

    def strings(self, key):
        value = self.fm.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        out = []
        for v in value:
            if isinstance(v, list):  # an unquoted [[link]] is a nested list in YAML
                out += [str(x) for x in flatten(v)]
            elif v is not None:
                out.append(str(v))
        return out

    def find_kind(self):
        """A `type` decides alone; else a tag; else the folder (People/X.md, People/X/X.md)."""
        types = {fold(t) for t in self.strings("type")}
        tags = {fold(t.lstrip("#")) for t in self.strings("tags")}
        folders = self.folder.split("/") if self.folder else []
        if folders and fold(folders[-1]) == fold(self.stem):
            folders.pop()
        for kind, (words, folder) in KINDS.items():
            if types:
                if types & words:
                    return kind
            elif tags & words or (folders and folders[-1] == folder):
                return kind
        return "other"

    def owned_folder(self):
        """The folder an entity note owns: its own, when named after it."""
        last = self.folder.rsplit("/", 1)[-1]
        return self.folder if last and fold(last) in (fold(self.stem), fold(self.name)) else None

    def date(self):
        for key in DATE_KEYS:
            value = self.fm.get(key)
            if isinstance(value, datetime.datetime):
                return value.date().isoformat()
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, str) and valid_date(value.strip()):
                return value.strip()[:10]
        return self.stem[:10] if valid_date(self.stem) else None

    def prose(self):
        """Where a mention counts: title, summary and the body outside code."""
        pieces = [self.fm.get(key) for key in ("title", "summary")]
        body = "\n".join(text for _, text in self.body_lines())
        pieces.append(INLINE_CODE.sub(" ", body))
        return [p for p in pieces if isinstance(p, str)]

    def body_lines(self):
        """(line number, text) of body lines outside fenced code blocks."""
        fence = None
        for i in range(self.body_start, len(self.lines)):
            line = self.lines[i]
            stripped = line.lstrip(" ")
            if len(line) - len(stripped) <= 3 and stripped[:3] in ("```", "~~~"):
                marker = stripped[0]
                run = len(stripped) - len(stripped.lstrip(marker))
                if fence is None:
                    fence = (marker, run)
                    continue
                if marker == fence[0] and run >= fence[1] and not stripped[run:].strip():
                    fence = None
                    continue
            if fence is None:
                yield i + 1, line


def flatten(values):
    for v in values:
        if isinstance(v, list):
            yield from flatten(v)
        else:
            yield v


def valid_date(text):
    m = ISO_DATE.match(text)
    if not m:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return True
    except ValueError:
        return False


def link_target(text):
    """The note a wikilink or participant names: "[[People/X|Y]]" -> "x"."""
    text = text.strip()
    if text.startswith("[[") and text.endswith("]]"):
        text = text[2:-2].split("|")[0].split("#")[0]
    if text.endswith(".md"):
        text = text[:-3]
    return fold(text.rsplit("/", 1)[-1].strip())


def owner(note, owned):
    """The entity owning the nearest folder above the note, or None."""
    folder = note.folder
    while folder:
        if fold(folder) in owned:
            return owned[fold(folder)]
        folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
    return None


def involvement(note, person, names_folded, mention, owned):
    why = []
    listed = {link_target(v) for key in PARTICIPANT_KEYS for v in note.strings(key)}
    if listed & names_folded:
        why.append("listed")
    prose = note.prose()
    if any(link_target(t) == fold(person.stem) for t in WIKILINK.findall(prose[-1])):
        why.append("linked")
    if any(mention.search(piece) for piece in prose):
        why.append("mentioned")
    if owner(note, owned) is person:
        why.append("in_folder")
    return why


def main():
    parser = argparse.ArgumentParser(description="kb person, done plainly in Python")
    parser.add_argument("--vault", required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pure-yaml", action="store_true",
                        help="the pure-Python yaml.SafeLoader, not libyaml's CSafeLoader")
    parser.add_argument("name")
    args = parser.parse_args()
    global LOADER
    if args.pure_yaml:
        LOADER = yaml.SafeLoader

    notes = [Note(args.vault, p) for p in walk(args.vault)]
    query = fold(args.name)
    matches = [n for n in notes if n.kind == "person" and
               query in {fold(n.name), fold(n.stem)} | {fold(a) for a in n.aliases}]
    if not matches:
        print(f"peer_person: no person named {args.name}", file=sys.stderr)
        return 1
    if len(matches) > 1:
        print(f"peer_person: {args.name} is ambiguous; using {matches[0].path}", file=sys.stderr)
    person = matches[0]

    names = [person.name] + person.aliases
    names_folded = {fold(n) for n in names} | {fold(person.stem)}
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    mention = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    owned = {}  # folded folder -> the entity owning it (first in path order)
    for note in notes:
        if note.kind in KINDS and note.owned_folder():
            owned.setdefault(fold(note.owned_folder()), note)
    involved = []
    for note in notes:
        if note.kind in KINDS:
            continue
        why = involvement(note, person, names_folded, mention, owned)
        if why:
            involved.append((note.date(), note.path, why))
    # Newest first; undated notes last; ties by path.
    involved.sort(key=lambda x: x[1])
    involved.sort(key=lambda x: x[0] or "", reverse=True)

    open_tasks = []
    needle = person.name.lower()
    for note in notes:
        if needle not in note.path.lower():
            continue
        for number, line in note.body_lines():
            m = TASK.match(line)
            if m and m.group(1) in (" ", "/"):
                open_tasks.append((note.path, number, line.strip()))

    if args.json:
        print(json.dumps({
            "person": {"name": person.name, "path": person.path, "aliases": person.aliases},
            "notes": [{"date": d, "path": p, "why": w} for d, p, w in involved],
            "open_tasks": [{"path": p, "line": n, "text": t} for p, n, t in open_tasks],
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{person.name} ({person.path})")
    print(f"\nNotes ({len(involved)}):")
    for d, p, why in involved:
        print(f"  {d or 'unknown':10}  {p}  [{', '.join(why)}]")
    print(f"\nOpen tasks ({len(open_tasks)}):")
    for p, n, t in open_tasks:
        print(f"  {p}:{n}  {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
