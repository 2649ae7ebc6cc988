#!/usr/bin/env python3
"""Writes a synthetic Obsidian vault shaped like the seed vault, for benchmarks.

    bench/gen_vault.py --notes 10000 --out bench/.vaults/n10000-s1 [--seed 1]

Deterministic: the same --seed and --notes give byte-identical files (with
the same Python 3 version); the last line printed carries a SHA-256 over all
paths and bytes to check that. Standard library only.

Proportions follow a real vault: ~5% people (most own a folder
People/<Name>/<Name>.md, some are flat People/<Name>.md), a few customers and
projects, ~75% meeting notes filed in their owner's folder, ~10% transcripts
in Sources/Transcripts/<YYYY>/<YYYY-MM> - <Name>.md, the rest daily notes,
topic notes and templates. "Asaf Levy" is always present and involved in
about 0.5% of the notes, so `kb person "Asaf Levy"` answers a comparable
question at every size.
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import sys
import unicodedata

sys.dont_write_bytecode = True  # no __pycache__ beside the sources for the import below
from vault_words import (ACTIONS, COMPANY_HEADS, COMPANY_TAILS, FIRST_NAMES, LAST_NAMES, LOCATIONS,
                         NICKNAMES, OUTCOMES, PROJECT_KINDS, PROJECT_WORDS, RELATIONSHIPS, ROLES,
                         TEAMS, TOPICS, VERBS)  # noqa: E402

PERSON = "Asaf Levy"  # the benchmark's query
AUTHOR = "Jordan Avery"  # the vault's owner: in most meetings, owns none

FIRST_DAY = datetime.date(2023, 1, 2)
DAYS = 1094  # three years of meetings, up to the end of 2025


def fold(text):
    """Case- and accent-free form, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def ascii_form(name):
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def file_safe(text):
    """What Obsidian lets a file name hold: no \\ / : * ? " < > | # ^ [ ]."""
    return "".join(c for c in text if c not in '\\/:*?"<>|#^[]')


def first_name(name):
    return name.split(" ")[0]


class Entity:
    def __init__(self, kind, name, path):
        self.kind = kind  # "person", "customer", "project"
        self.name = name
        self.path = path  # vault-relative, with .md
        self.folder = path.rsplit("/", 1)[0] if path.count("/") >= 2 else None
        self.aliases = []
        self.meetings = []  # Meeting objects they own or take part in


class Meeting:
    def __init__(self, date, owner):
        self.date = date
        self.owner = owner  # Entity or None (filed in Meetings/)
        self.participants = []  # person names
        self.externals = []  # names without a note
        self.asaf = None  # None, "folder", "participant", "mention", "link", "decoy"
        self.stem = None
        self.summary = None
        self.path = None


class Generator:
    def __init__(self, notes, seed, out):
        self.total = notes
        self.out = out
        self.rng = random.Random(seed)
        # Line endings and BOMs draw from their own stream, so content does not depend on them.
        self.encoding_rng = random.Random(seed * 1000003 + 7)
        self.digests = {}  # path -> SHA-256 of the bytes written
        self.folders = set()
        self.notes_written = self.note_bytes = 0
        self.stems = set()

    # ----------------------------------------------------------------- plan
    def plan(self):
        n = self.total
        self.n_people = max(12, round(n * 0.05))
        self.n_customers = max(3, round(n * 0.005))
        self.n_projects = max(3, round(n * 0.005))
        self.n_transcripts = round(n * 0.10)
        self.n_other = round(n * 0.09)
        self.n_meetings = n - (self.n_people + self.n_customers + self.n_projects +
                               self.n_transcripts + self.n_other)
        if self.n_meetings < 10:
            sys.exit("gen_vault: --notes is too small (need at least 100)")
        # About 0.5% of the vault involves Asaf Levy, in every way kb detects.
        target = max(6, round(n * 0.005))
        self.asaf_plan = {
            "folder": max(1, round(target * 0.30)),
            "participant": max(1, round(target * 0.30)),
            "mention": max(1, round(target * 0.12)),
            "link": max(1, round(target * 0.10)),
            "transcript": max(1, round(target * 0.13)),
            "daily": max(1, round(target * 0.05)),
            "decoy": max(1, round(n * 0.0002)),  # named only inside fenced code: not involved
        }
        # One transcript per month at most (the file is named by month): the rest become meetings.
        extra = max(0, self.asaf_plan["transcript"] - 36)
        self.asaf_plan["transcript"] -= extra
        self.asaf_plan["participant"] += extra
        self.make_people()
        self.make_customers_and_projects()
        self.make_meetings()

    def make_people(self):
        rng = self.rng
        names = [PERSON, AUTHOR]
        seen = {fold(PERSON), fold(AUTHOR)}
        while len(names) < self.n_people:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if fold(name) in seen or name.endswith(" Levy"):
                continue
            seen.add(fold(name))
            names.append(name)
        self.people = []
        for i, name in enumerate(names):
            flat = i >= 2 and rng.random() < 0.2
            path = f"People/{name}.md" if flat else f"People/{name}/{name}.md"
            person = Entity("person", name, path)
            first = first_name(name)
            candidates = []
            if i >= 2 and first in NICKNAMES and rng.random() < 0.5:
                candidates.append(NICKNAMES[first] + name[len(first):])
            if i >= 2 and ascii_form(name) != name and rng.random() < 0.6:
                candidates.append(ascii_form(name))
            # An alias never names someone else.
            person.aliases = [a for a in candidates if fold(a) not in seen or fold(a) == fold(name)]
            self.people.append(person)
        self.asaf = self.people[0]
        self.author = self.people[1]
        # Everyone but Asaf and the author, with a long-tailed popularity.
        self.others = self.people[2:]
        rng.shuffle(self.others)
        self.other_weights = cumulative([1.0 / (r + 1) ** 0.7 for r in range(len(self.others))])

    def make_customers_and_projects(self):
        rng = self.rng
        self.customers, self.projects = [], []
        seen = set(fold(p.name) for p in self.people)
        while len(self.customers) < self.n_customers:
            name = f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_TAILS)}"
            if fold(name) not in seen:
                seen.add(fold(name))
                self.customers.append(Entity("customer", name, f"Customers/{name}/{name}.md"))
        while len(self.projects) < self.n_projects:
            kind = rng.choice(PROJECT_KINDS)
            name = kind.format(w=rng.choice(PROJECT_WORDS), n=rng.randrange(1, 10))
            if fold(name) in seen:
                name = f"{name} {rng.randrange(2, 99)}"
            if fold(name) not in seen:
                seen.add(fold(name))
                self.projects.append(Entity("project", name, f"Projects/{name}/{name}.md"))
        self.customer_weights = cumulative([1.0 / (r + 1) ** 0.5 for r in range(self.n_customers)])

    def pick_others(self, k, exclude=()):
        picked = []
        for p in self.rng.choices(self.others, cum_weights=self.other_weights, k=k):
            if p not in picked and p not in exclude:
                picked.append(p)
        return picked

    def make_meetings(self):
        rng = self.rng
        folder_people = [p for p in self.others if p.folder]
        weights = cumulative([1.0 / (r + 1) ** 0.7 for r in range(len(folder_people))])
        self.meetings = []
        n_asaf_folder = self.asaf_plan["folder"]
        for i in range(self.n_meetings):
            date = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            if i < n_asaf_folder:
                owner = self.asaf
            else:
                where = rng.random()
                if where < 0.75:
                    owner = rng.choices(folder_people, cum_weights=weights)[0]
                elif where < 0.87:
                    owner = rng.choices(self.customers, cum_weights=self.customer_weights)[0]
                elif where < 0.95:
                    owner = rng.choice(self.projects)
                else:
                    owner = None
            m = Meeting(date, owner)
            if rng.random() < 0.85:
                m.participants.append(self.author)
            if owner is not None and owner.kind == "person":
                m.participants.append(owner)
                m.participants += self.pick_others(rng.choice([0, 0, 0, 1, 1, 2]), m.participants)
            else:
                m.participants += self.pick_others(rng.randrange(1, 5), m.participants)
            if owner is not None and owner.kind == "customer" and rng.random() < 0.7:
                m.externals.append(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
            if owner is self.asaf:
                m.asaf = "folder"
            self.meetings.append(m)
        # Asaf in other people's meetings, in each way the involvement rules see.
        candidates = [m for m in self.meetings if m.asaf is None]
        chosen = rng.sample(candidates, sum(self.asaf_plan[k] for k in
                                            ("participant", "mention", "link", "decoy")))
        at = 0
        for how in ("participant", "mention", "link", "decoy"):
            for m in chosen[at:at + self.asaf_plan[how]]:
                m.asaf = how
                if how == "participant":
                    m.participants.insert(rng.randrange(len(m.participants) + 1), self.asaf)
            at += self.asaf_plan[how]
        for m in self.meetings:
            m.title = self.meeting_title(m)
            m.stem = self.unique_stem(f"{m.date.isoformat()} - ", m.title)
            m.summary = self.meeting_summary(m)
            if m.owner is None:
                m.path = f"Meetings/{m.date.year}/{m.stem}.md"
            else:
                m.path = f"{m.owner.path.rsplit('/', 1)[0]}/{m.stem}.md"
            for p in m.participants:
                p.meetings.append(m)
            if m.owner is not None and m.owner.kind != "person":
                m.owner.meetings.append(m)

    def unique_stem(self, prefix, sentence):
        cut = file_safe(sentence)[:80].rstrip(" .")
        stem = prefix + cut
        n = 2
        while fold(stem) in self.stems:
            stem = f"{prefix}{cut[:76].rstrip(' .')} {n}"
            n += 1
        self.stems.add(fold(stem))
        return stem

    # ------------------------------------------------------------- phrases
    def names_in(self, m):
        """First names of the people in the meeting other than the author."""
        firsts = [first_name(p.name) for p in m.participants if p is not self.author]
        return firsts or [first_name(self.author.name)]

    def meeting_title(self, m):
        rng = self.rng
        firsts = self.names_in(m)
        a = rng.choice(firsts)
        rest = [f for f in firsts if f != a]
        b = rng.choice(rest + ["Jordan"]) if rest and a != "Jordan" else "Jordan"
        t1, t2 = rng.sample(TOPICS, 2)
        form = rng.randrange(6)
        if form == 0:
            s = f"{a} and {b} {rng.choice(VERBS)} {t1} and agreed to {rng.choice(ACTIONS)}."
        elif form == 1:
            s = f"We {rng.choice(VERBS)} {t1} and {t2}. {a} outlined {rng.choice(OUTCOMES)}."
        elif form == 2:
            s = f"Team {rng.choice(VERBS)} {t1}; {rng.choice(OUTCOMES)}, so {a} will follow up."
        elif form == 3:
            s = f"Intro 1:1 where {a} walked {b} through {t1} and how it affects {t2}."
        elif form == 4:
            s = (f"Alignment call on {t1}, {t2}, and ownership. "
                 f"{a} raised that {rng.choice(OUTCOMES)}.")
        else:
            who = m.owner.name if m.owner is not None and m.owner.kind != "person" else a
            s = f"{who} leadership {rng.choice(VERBS)} {t1} (1) {rng.choice(ACTIONS)} (2) {t2}."
        return s

    def meeting_summary(self, m):
        rng = self.rng
        names = [p.name for p in m.participants][:3] or [self.author.name]
        kind = "1:1" if len(m.participants) <= 2 else "Group meeting"
        t = rng.sample(TOPICS, 3)
        s = (f"{kind} with {', '.join(names)} covering {t[0]}, {t[1]}, and {t[2]}; "
             f"{rng.choice(OUTCOMES)}, and the next step is to {rng.choice(ACTIONS)}.")
        return s[:150].rstrip()

    def prose(self, people, mention_asaf=False):
        """A paragraph that names people in full, links some and uses first names."""
        rng = self.rng
        out = []
        for _ in range(rng.randrange(2, 5)):
            p = rng.choice(people) if people else self.author
            full = p.name
            if p.aliases and rng.random() < 0.3:
                full = rng.choice(p.aliases)
            r = rng.random()
            if r < 0.25:
                name = f"[[{p.name}]]"
            elif r < 0.32:
                name = f"[[{p.name}|{first_name(p.name)}]]"
            else:
                name = full
            form = rng.randrange(5)
            if form == 0:
                out.append(f"{name} {rng.choice(VERBS)} {rng.choice(TOPICS)} and noted that "
                           f"{rng.choice(OUTCOMES)}.")
            elif form == 1:
                out.append(f"According to {name}, {rng.choice(OUTCOMES)}.")
            elif form == 2:
                out.append(f"{first_name(p.name)} asked whether we could {rng.choice(ACTIONS)} "
                           f"before {rng.choice(TOPICS)} lands.")
            elif form == 3:
                c = rng.choice(self.customers)
                out.append(f"For [[{c.name}]], {name}’s view is that {rng.choice(OUTCOMES)}.")
            else:
                pr = rng.choice(self.projects)
                out.append(f"This ties into [[{pr.name}]]: {rng.choice(OUTCOMES)}.")
        if mention_asaf:
            out.insert(rng.randrange(len(out) + 1),
                       f"{PERSON} will be looped in on {rng.choice(TOPICS)}.")
        return " ".join(out)

    def task(self, assignee, date, indent=""):
        rng = self.rng
        status = rng.choices([" ", "x", "/", "-"], weights=[50, 32, 12, 6])[0]
        marker = rng.choices(["-", "*", "1."], weights=[92, 4, 4])[0]
        parts = [f"{indent}{marker} [{status}] {assignee} to {rng.choice(ACTIONS)}"]
        if rng.random() < 0.15:
            parts.append(f"#{rng.choice(['followup', 'cloud', 'release', 'hiring'])}")
        if rng.random() < 0.2:
            parts.append(f"➕ {date.isoformat()}")
        if rng.random() < 0.1:
            parts.append(f"⏳ {(date + datetime.timedelta(days=rng.randrange(1, 5))).isoformat()}")
        if rng.random() < 0.7:
            due = date + datetime.timedelta(days=rng.randrange(1, 21))
            parts.append(f"📅 {due.isoformat()}")
        priority = rng.choices(["", "⏫", "🔼", "🔽", "🔺", "⏬"], weights=[50, 15, 15, 10, 5, 5])[0]
        if priority:
            parts.append(priority)
        if status == "x":
            parts.append(f"✅ {(date + datetime.timedelta(days=rng.randrange(0, 14))).isoformat()}")
        elif status == "-":
            parts.append(f"❌ {(date + datetime.timedelta(days=rng.randrange(0, 14))).isoformat()}")
        return " ".join(parts)

    def code_block(self, mention_asaf):
        rng = self.rng
        lang = rng.choice(["yaml", "bash", "json", ""] + ([] if mention_asaf else ["tasks"]))
        owner = PERSON if mention_asaf else rng.choice(self.others).name
        if lang == "yaml":
            body = f"vip:\n  mode: alias-ip\n  owner: {owner}\n  failover_seconds: 30"
        elif lang == "bash":
            body = (f"gcloud compute addresses create vip-{rng.randrange(100)} --region us-east1\n"
                    f"# ask {owner}")
        elif lang == "json":
            body = f'{{"owner": "{owner}", "tiers": ["hot", "cold"], "qos": {rng.randrange(1, 9)}}}'
        elif lang == "tasks":
            body = "not done\ndue before in two weeks\nsort by priority"
        else:
            body = (f"- [ ] {owner} example checklist line, not a task\n"
                    f"[[{owner}]] is not a link here")
        return f"```{lang}\n{body}\n```"

    # --------------------------------------------------------------- notes
    def front_matter(self, lines):
        return "---\n" + "\n".join(lines) + "\n---\n"

    def date_line(self, key, date, allow_missing=True):
        r = self.rng.random()
        if r < 0.40:
            return f'{key}: "{date}"'
        if r < 0.70:
            return f"{key}: {date}"
        if r < 0.85:
            return f"{key}: '{date}'"
        return None if allow_missing else f'{key}: "{date}"'

    def participants_yaml(self, names, key="participants"):
        rng = self.rng
        written = [f'"[[{n}]]"' if rng.random() < 0.4 else yaml_plain(n) for n in names]
        if rng.random() < 0.15:
            return [f"{key}: [{', '.join(written)}]"]
        return [f"{key}:"] + [f"  - {w}" for w in written]

    def meeting_note(self, m):
        rng = self.rng
        fm = ["type: meeting"]
        if rng.random() < 0.3:
            fm.append(f"title: {yaml_quoted(m.stem)}")
        d = self.date_line("date", m.date.isoformat())
        if d:
            fm.append(d)
        names = [p.name for p in m.participants] + m.externals
        heading_attendees = rng.random() < 0.05
        if names and not heading_attendees:
            key = "attendees" if rng.random() < 0.05 else "participants"
            fm += self.participants_yaml(names, key)
        fm.append(f"summary: {yaml_quoted(m.summary)}")
        tags = ["type/meeting"] + ([f"customer/{slug(m.owner.name)}"]
                                   if m.owner is not None and m.owner.kind == "customer" else [])
        fm.append("tags:")
        fm += [f"  - {t}" for t in tags]
        body = [f"# {m.title}", ""]
        if heading_attendees:
            body += ["## Attendees", ""] + [f"- {n}" for n in names] + [""]
        # Only notes meant to involve Asaf name him.
        names_asaf = m.asaf in ("folder", "participant")
        people = [p for p in m.participants if p is not self.asaf or names_asaf]
        mention = m.asaf == "mention"
        body += ["## Summary", "", self.prose(people or [self.author], mention), ""]
        target = rng.randrange(1000, 4000)
        body += ["## Key Points", ""]
        size = sum(len(x) + 1 for x in body)
        while size < target * 0.55:
            line = f"- {self.prose(people or [self.author])}"
            body.append(line)
            size += len(line) + 1
        if m.asaf == "link":
            body.append(f"- Follow up with [[{PERSON}]] on {rng.choice(TOPICS)}.")
        body += ["", "## Action Items", ""]
        assignees = [p.name for p in m.participants] or [self.author.name]
        for _ in range(rng.randrange(1, 6)):
            body.append(self.task(rng.choice(assignees), m.date))
            if rng.random() < 0.15:
                indent = rng.choice(["  ", "\t"])
                body.append(self.task(rng.choice(assignees), m.date, indent=indent))
        body += ["", "## Decisions", ""]
        while size < target * 0.85:
            line = f"- ✅ {cap(rng.choice(ACTIONS))}: {rng.choice(OUTCOMES)}."
            body.append(line)
            size += len(line) + 1
        body.append("")
        if m.asaf == "decoy" or rng.random() < 0.06:
            body += ["## Notes", "", self.code_block(m.asaf == "decoy"), ""]
        while size < target:
            para = self.prose(people or [self.author])
            body += [para, ""]
            size += len(para) + 2
        return self.front_matter(fm) + "\n" + "\n".join(body)

    def recent_context(self, entity):
        lines = []
        for m in sorted(entity.meetings, key=lambda m: (m.date, m.stem), reverse=True)[:15]:
            via = m.owner.name if m.owner is not None else "Meetings"
            summary = m.summary[:100] + ("..." if len(m.summary) > 100 else "")
            lines.append(f"- {m.date.isoformat()}: [[{m.stem}]] - {summary} (via {via})")
        return lines

    def person_note(self, p):
        rng = self.rng
        fm = ["type: people"]
        if rng.random() < 0.95:
            fm.append(f"title: {yaml_plain(p.name)}")
        if p.aliases:
            fm += ["aliases:"] + [f"  - {yaml_plain(a)}" for a in p.aliases]
        if p.meetings:
            fm.append(f'last_contact: "{max(m.date for m in p.meetings).isoformat()}"')
        created = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        fm.append(f"created: '{created.isoformat()}'")
        fm += ["tags:", "- type/people", "- generated"]
        role = rng.choice(ROLES)
        body = [f"# {p.name}", "", "## Profile", "",
                f"**Role**: {role} at {rng.choice(COMPANY_HEADS)} ({rng.choice(TEAMS)} team)",
                f"**Location**: {rng.choice(LOCATIONS)}",
                f"**Relationship**: {rng.choice(RELATIONSHIPS)}",
                f"**Email**: {slug(ascii_form(p.name)).replace('-', '.')}@example.com", "",
                "**Background**:"]
        for _ in range(rng.randrange(1, 4)):
            body.append(f"- {cap(rng.choice(VERBS))} {rng.choice(TOPICS)}; "
                        f"{rng.choice(OUTCOMES)}.")
        body += ["", "## Open Tasks", "", "```tasks", f"path includes {p.name}", "not done", "```",
                 "", "## Recent Context", ""]
        body += self.recent_context(p)
        if p.folder and rng.random() < 0.3:
            month = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            body.append(f"- unknown: [[{month.strftime('%Y-%m')} - {p.name}]] - Completed action "
                        f"items from a working session with {first_name(p.name)}")
        body += ["", "## Key Facts", ""]
        for _ in range(rng.randrange(3, 10)):
            body.append(f"- {cap(rng.choice(TOPICS))}: {rng.choice(OUTCOMES)}.")
        body += ["", "## Topics", "", ", ".join(rng.sample(TOPICS, rng.randrange(4, 12))), "",
                 "## Key Decisions", ""]
        for _ in range(rng.randrange(2, 8)):
            body.append(f"- ✅ {cap(rng.choice(ACTIONS))}.")
        body += ["", "## Related Customers", ""]
        body += [f"- [[{c.name}]]" for c in rng.sample(self.customers, min(2, len(self.customers)))]
        body += ["", "## Related Projects", ""]
        body += [f"- [[{x.name}]]" for x in rng.sample(self.projects, min(3, len(self.projects)))]
        body += ["", "## Related", "", "<!-- Wikilinks to related entities -->", ""]
        return self.front_matter(fm) + "\n" + "\n".join(body)

    def entity_note(self, e):
        rng = self.rng
        kind = "customer" if e.kind == "customer" else "project"
        fm = [f"type: {kind}", f"title: {yaml_plain(e.name)}"]
        if kind == "project":
            fm.append(f"status: {rng.choice(['active', 'planned', 'done', 'on-hold'])}")
        fm += ["tags:", f"- type/{kind}"]
        body = [f"# {e.name}", "", "## Overview", "", self.prose(self.pick_others(3)), "",
                "## Contacts", ""]
        body += [f"- [[{p.name}]]" for p in self.pick_others(4)]
        body += ["", "## Open Tasks", "", "```tasks", f"path includes {e.name}", "not done", "```",
                 "", "## Recent Context", ""]
        body += self.recent_context(e)
        body += ["", "## Key Facts", ""]
        for _ in range(rng.randrange(3, 8)):
            body.append(f"- {cap(rng.choice(TOPICS))}: {rng.choice(OUTCOMES)}.")
        body.append("")
        return self.front_matter(fm) + "\n" + "\n".join(body)

    def transcript_note(self, person, month):
        rng = self.rng
        ym = month.strftime("%Y-%m")
        fm = ["type: source", "source: transcript", f"date: {ym}", f'person: "[[{person.name}]]"']
        fm += self.participants_yaml([person.name, self.author.name])
        fm += ["tags:", "- source/transcript"]
        body = [f"# {ym} - {person.name}", "", "## Action Items", ""]
        for _ in range(rng.randrange(1, 5)):
            who = rng.choice([person.name, self.author.name])
            body.append(self.task(who, month))
        body += ["", "## Transcript", ""]
        target = rng.randrange(2000, 6000)
        size = sum(len(x) + 1 for x in body)
        speakers = [person.name, self.author.name]
        turn = rng.randrange(2)
        while size < target:
            who = speakers[turn % 2]
            turn += 1
            line = (f"**{who}:** {cap(rng.choice(VERBS))} {rng.choice(TOPICS)}; "
                    f"{rng.choice(OUTCOMES)}. Can we {rng.choice(ACTIONS)}?")
            body += [line, ""]
            size += len(line) + 2
        return self.front_matter(fm) + "\n" + "\n".join(body)

    def daily_note(self, date, mention_asaf):
        rng = self.rng
        lines = []
        if rng.random() < 0.6:
            lines.append(self.front_matter(["type: daily", f"date: {date.isoformat()}"]))
        lines += [f"# {date.strftime('%A, %d %B %Y')}", "", "## Tasks", ""]
        for _ in range(rng.randrange(1, 6)):
            lines.append(self.task(rng.choice(self.others).name, date))
        lines += ["", "## Log", ""]
        for hour in sorted(rng.sample(range(8, 19), rng.randrange(2, 6))):
            p = rng.choice(self.others)
            lines.append(f"- {hour:02d}:00 Sync with [[{p.name}]] about {rng.choice(TOPICS)}.")
        if mention_asaf:
            lines.append(f"- 17:30 Quick chat with {PERSON} about {rng.choice(TOPICS)}.")
        lines.append("")
        return "\n".join(lines)

    def topic_note(self, title):
        rng = self.rng
        lines = []
        if rng.random() < 0.7:
            lines.append(self.front_matter(["type: note", f"tags: [{rng.choice(TEAMS).lower()}]"]))
        lines += [f"# {title}", ""]
        target = rng.randrange(800, 3500)
        size = 0
        while size < target:
            para = self.prose(self.pick_others(3))
            lines += [para, ""]
            size += len(para) + 2
        if rng.random() < 0.1:
            lines += [self.code_block(False), ""]
        return "\n".join(lines)

    # ---------------------------------------------------------------- build
    def build(self):
        rng = self.rng
        self.plan()
        for p in self.people:
            self.add(p.path, self.person_note(p))
        for e in self.customers + self.projects:
            self.add(e.path, self.entity_note(e))
        for m in self.meetings:
            self.add(m.path, self.meeting_note(m))
        # Transcripts: one per (person, month); Asaf's first.
        pairs = set()
        asaf_months = rng.sample(range(36), self.asaf_plan["transcript"])
        for k in asaf_months:
            pairs.add((0, k))
        while len(pairs) < self.n_transcripts:
            pairs.add((rng.randrange(2, len(self.people)), rng.randrange(36)))
        for who, k in sorted(pairs):
            month = datetime.date(2023 + k // 12, k % 12 + 1, 1)
            person = self.people[who]
            path = f"Sources/Transcripts/{month.year}/{month.strftime('%Y-%m')} - {person.name}.md"
            self.add(path, self.transcript_note(person, month))
        self.make_other_notes()
        self.make_dot_folders_and_attachments()

    def make_other_notes(self):
        rng = self.rng
        n = self.n_other
        fixed = {
            "Templates/Meeting.md": ("---\ntype: meeting\ndate: {{date}}\nparticipants: []\n"
                                     "summary:\n---\n\n# {{title}}\n\n## Action Items\n\n- [ ] \n"),
            "Templates/Person.md": ("---\ntype: people\ntitle: {{title}}\ntags:\n- type/people\n"
                                    "---\n\n## Profile\n\n## Open Tasks\n\n```tasks\n"
                                    "path includes {{title}}\nnot done\n```\n\n"
                                    "## Recent Context\n"),
            "Home.md": "# Home\n\n- [[People]]\n- [[Customers]]\n- [[Projects]]\n",
        }
        for path, text in fixed.items():
            self.add(path, text)
        n -= len(fixed)
        # A few notes whose front-matter is broken: kb warns and reads them as plain notes.
        for i in range(max(1, n // 400)):
            self.add(f"Inbox/Broken front matter {i + 1}.md",
                     "---\ntype: meeting\nparticipants: [Jordan Avery, \"unclosed\n"
                     "tags: x: y\n---\n\n"
                     f"Scratch notes about {rng.choice(TOPICS)}.\n- [ ] Fix this note\n")
            n -= 1
        days = rng.sample(range(DAYS), min(DAYS, n * 2 // 5))
        daily_asaf = set(days[:self.asaf_plan["daily"]])
        for d in sorted(days):
            date = FIRST_DAY + datetime.timedelta(days=d)
            self.add(f"Daily/{date.year}/{date.isoformat()}.md",
                     self.daily_note(date, d in daily_asaf))
        n -= len(days)
        for i in range(n):
            area = rng.choice(TEAMS)
            title = file_safe(f"{cap(rng.choice(TOPICS))} notes {i + 1}")
            self.add(f"Notes/{area}/{title}.md", self.topic_note(title))

    def make_dot_folders_and_attachments(self):
        rng = self.rng
        obsidian = {
            ".obsidian/app.json": {"alwaysUpdateLinks": True, "newFileLocation": "current"},
            ".obsidian/appearance.json": {"theme": "obsidian", "baseFontSize": 16},
            ".obsidian/core-plugins.json": ["file-explorer", "global-search", "backlink",
                                            "daily-notes", "templates"],
            # The Templates core plugin is on, so its folder is set, as in a real vault:
            # Templates/Person.md is a template, not a person for regen to fill.
            ".obsidian/templates.json": {"folder": "Templates"},
            ".obsidian/community-plugins.json": ["obsidian-tasks-plugin", "dataview"],
            ".obsidian/plugins/obsidian-tasks-plugin/data.json": {"globalFilter": "",
                                                                  "setCreatedDate": False},
            ".obsidian/workspace.json": {"main": {"type": "split", "children": []},
                                         "lastOpenFiles": [self.asaf.path]},
        }
        for path, value in obsidian.items():
            self.add(path, json.dumps(value, indent=2) + "\n")
        # Markdown inside dot-folders must be ignored by every walker.
        self.add(".obsidian/snippets/readme.md",
                 f"# Snippets\n\nOwned by {PERSON}.\n- [ ] ignored\n")
        self.add(".trash/Old meeting.md", f"---\ntype: meeting\nparticipants: [{PERSON}]\n---\n"
                                          f"- [ ] Deleted task for {PERSON}\n")
        for i in range(max(2, self.total // 1000)):
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(2000, 20000)))
            self.add(f"Attachments/diagram-{i + 1:04d}.png", b"\x89PNG\r\n\x1a\n" + data)

    def add(self, path, text):
        """Writes one file as bytes exactly: UTF-8, a few notes with CRLF, a few with a BOM."""
        if path in self.digests:
            raise SystemExit(f"gen_vault: duplicate path {path}")
        note = path.endswith(".md") and not any(p.startswith(".") for p in path.split("/")[:-1])
        if isinstance(text, bytes):
            data = text
        else:
            if note and self.encoding_rng.random() < 0.01:
                text = text.replace("\n", "\r\n")
            data = text.encode("utf-8")
            if note and self.encoding_rng.random() < 0.005:
                data = b"\xef\xbb\xbf" + data
        full = os.path.join(self.out, *path.split("/"))
        folder = os.path.dirname(full)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        with open(full, "wb") as f:  # binary: no newline translation
            f.write(data)
        self.digests[path] = hashlib.sha256(data).digest()
        if note:
            self.notes_written += 1
            self.note_bytes += len(data)

    def digest(self):
        """One hash over every path and content, independent of write order."""
        total = hashlib.sha256()
        for path in sorted(self.digests):
            total.update(path.encode("utf-8") + b"\0" + self.digests[path])
        return total.hexdigest()


def cumulative(weights):
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def cap(text):
    return text[:1].upper() + text[1:]


def slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def yaml_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_plain(text):
    """A name as YAML: plain when safe (most names), else double-quoted."""
    if text and text[0].isalpha() and all(c.isalnum() or c in " -.'" for c in text):
        return text
    return yaml_quoted(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, required=True, help="number of notes (>= 100)")
    parser.add_argument("--out", required=True, help="folder to create (must be absent or empty)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.notes < 100:
        parser.error("--notes must be at least 100")
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error(f"{args.out} exists and is not empty")

    gen = Generator(args.notes, args.seed, args.out)
    gen.build()
    if gen.notes_written != args.notes:
        sys.exit(f"gen_vault: wrote {gen.notes_written} notes instead of {args.notes}")
    print(json.dumps({"notes": gen.notes_written, "note_bytes": gen.note_bytes, "seed": args.seed,
                      "asaf_levy": gen.asaf_plan, "sha256": gen.digest()}))


if __name__ == "__main__":
    main()
