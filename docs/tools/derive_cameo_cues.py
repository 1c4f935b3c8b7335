#!/usr/bin/env python3
"""Derive assets/cues/cameo_verbs.tsv from PETRARCH2's CAMEO verb dictionary.

usage: derive_cameo_cues.py CAMEO.2.0.txt STANCES.tsv EXCLUDE.tsv > assets/cues/cameo_verbs.tsv

CAMEO.2.0.txt is petrarch2/data/dictionaries/CAMEO.2.0.txt of the
openeventdata/petrarch2 repository (MIT licence, (c) 2015 Open Event Data
Alliance). STANCES.tsv (assets/cues/cameo_stances.tsv) maps CAMEO codes to
stances; the longest code prefix listed wins, and a code mapped to `skip`
(or not listed) gives no cue. EXCLUDE.tsv (assets/cues/cameo_exclude.tsv)
lists verbs that are not cues on their own.

Kept: each verb of a block whose default code maps to a stance (transitive,
target as direct object or after the block's own "(PREP)" patterns), and
each "verb * OBJECT" pattern whose object is plain words or a synonym set
(expanded), as a verb phrase whose target follows a preposition
(ANY_PREP). Patterns with source/target markers, prepositional phrases or
words before the verb are not kept: the shallow parser cannot honour them.
"""
import re
import sys

# Synonym sets larger than this are not expanded into phrases.
MAX_SYNSET = 12

ANY_PREP = "to|with|on|against|at|for|toward|towards|over|from|into|of"


def load_stances(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        code, stance, bare = line.split("\t")[:3]
        table[code] = (stance, bare == "yes")
    return table


def stance_of(table, code, bare=False):
    """The stance of a code; with bare, only if its verbs are cues alone."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            s, alone = table[code[:n]]
            return None if s == "skip" or (bare and not alone) else s
    return None


VOWELS = "aeiou"


def inflect(base):
    """base, 3sg, past, participle, gerund of a regular verb."""
    if base.endswith("e"):
        third, past, ger = base + "s", base + "d", base[:-1] + "ing"
        if base.endswith("ee"):
            ger = base + "ing"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in VOWELS:
        third, past, ger = base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        third, past, ger = base + "es", base + "ed", base + "ing"
    elif (
        len(base) >= 3
        and base[-1] not in VOWELS + "wxy"
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
        and sum(c in VOWELS for c in base) == 1
    ):
        third, past, ger = base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        third, past, ger = base + "s", base + "ed", base + "ing"
    return [base, third, past, past, ger]


def forms_of(verb_line):
    """The five forms of a synonym line such as
    'HIDE {HIDES HIDING HID HIDDEN }' or '+STIR_UP {+STIRS_UP ...}'."""
    head = verb_line.split("{")[0].split("#")[0].strip()
    if not head or " " in head:
        return None
    word = head.lstrip("+").rstrip("_").lower()
    parts = word.split("_")
    if not all(re.fullmatch(r"[a-z][a-z'-]*", p) for p in parts):
        return None
    # "KILLED_AND", "SHOT_AND": fragments of coordinated verbs, not verbs.
    if any(p in ("and", "or") for p in parts):
        return None
    base, rest = parts[0], parts[1:]
    forms = inflect(base)
    braces = re.search(r"\{([^}]*)\}", verb_line)
    if braces:
        irregular = [w.lstrip("+").rstrip("_").lower().split("_")[0] for w in braces.group(1).split()]
        for w in irregular:
            if w.endswith("ing"):
                forms[4] = w
            elif w.endswith("s") and not w.endswith("ss") and forms[1] != w and w != base:
                forms[1] = w
        # The remaining irregular forms are past and participle, in order.
        others = [w for w in irregular if w not in (forms[1], forms[4])]
        if len(others) == 1:
            forms[2] = forms[3] = others[0]
        elif len(others) >= 2:
            forms[2], forms[3] = others[0], others[1]
    return [" ".join([f] + rest) for f in forms]


def verbs_of(block, pattern_line):
    """The verbs a pattern applies to: the one its comment names, else all."""
    named = re.search(r"#\s*([A-Z_+]+)\s*$", pattern_line)
    if named:
        word = named.group(1).lstrip("+").rstrip("_").lower().replace("_", " ")
        hit = [v for v in block["verbs"] if v[0] == word]
        if hit:
            return hit
    return block["verbs"]


def main():
    cameo_path, stances_path, exclude_path = sys.argv[1], sys.argv[2], sys.argv[3]
    table = load_stances(stances_path)
    exclude = {
        line.split("\t")[0]
        for line in open(exclude_path, encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }
    synsets, current = {}, None
    lines = open(cameo_path, encoding="latin-1").read().split("\n")
    for line in lines:
        if line.startswith("&"):
            current = line.strip()
            synsets[current] = []
        elif current and line.startswith("+"):
            synsets[current].append(line[1:].split("#")[0].strip().rstrip("_").replace("_", " ").lower())
        elif not line.strip() or line.startswith("#"):
            current = None if not line.strip() else current
    rows, seen = [], set()

    def emit(stance, forms, obj, preps, note):
        key = (forms[0], obj, preps)
        if key in seen:
            return
        seen.add(key)
        rows.append(f"{stance}\t{'|'.join(forms)}\t{'transitive'}\t{obj}\t{preps}\t{note}")

    block = None
    for line in lines:
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            block = {"name": m.group(1), "code": m.group(2), "verbs": []}
            continue
        if block is None or line.startswith("#") or line.startswith("####"):
            if line.startswith("####"):
                block = None
            continue
        if not line.strip():
            continue
        if line.startswith("- "):
            pat = line[2:].split("[")[0].strip()
            code_m = re.search(r"\[([^\]]*)\]", line)
            code = code_m.group(1).split(":")[0] if code_m else ""
            if not re.fullmatch(r"\d{3,4}", code):
                continue
            stance = stance_of(table, code)
            if not stance or not pat.startswith("* "):
                continue
            obj = pat[2:].strip()
            if re.fullmatch(r"\(([A-Z]+)\)", obj):
                prep = obj[1:-1].lower()
                for verb in (v for v in verbs_of(block, line) if v[0] not in exclude):
                    emit(stance, verb, "prep", prep, f"CAMEO {code} ({block['name'].lower()} * {prep})")
                continue
            objects = []
            if re.fullmatch(r"[A-Z][A-Z'-]*( [A-Z][A-Z'-]*)?", obj):
                objects = [obj.lower()]
            elif re.fullmatch(r"\{[A-Z' -]+\}", obj):
                objects = [obj[1:-1].strip().lower()]
            elif re.fullmatch(r"&[A-Z_]+", obj) and 0 < len(synsets.get(obj, [])) <= MAX_SYNSET:
                objects = [w for w in synsets[obj] if re.fullmatch(r"[a-z][a-z' -]*", w)]
            for o in objects:
                for verb in verbs_of(block, line):
                    emit(stance, [f"{f} {o}" for f in verb], "prep", ANY_PREP,
                         f"CAMEO {code} ({block['name'].lower()} * {o})")
            continue
        forms = forms_of(re.sub(r"\[[^\]]*\]", "", line))
        if forms:
            block["verbs"].append(forms)
            own = re.search(r"\[(\d{3,4})", line)
            code = own.group(1) if own else block["code"].split(":")[0]
            stance = stance_of(table, code, bare=True) if re.fullmatch(r"\d{3,4}", code) else None
            if stance and forms[0] not in exclude:
                emit(stance, forms, "direct", "", f"CAMEO {code} ({block['name'].lower()})")
    print("# stancemap stance cue lexicon: CAMEO VERBS (derived, for breadth)")
    print("#")
    print("# Derived by docs/tools/derive_cameo_cues.py from CAMEO.2.0.txt, the CAMEO verb")
    print("# pattern dictionary of PETRARCH2 (github.com/openeventdata/petrarch2,")
    print("# petrarch2/data/dictionaries/CAMEO.2.0.txt), MIT licence,")
    print("# Copyright (c) 2015 Open Event Data Alliance; see assets/cues/LICENSES.md.")
    print("# CAMEO codes become stances through assets/cues/cameo_stances.tsv.")
    print("# Same columns as verbs.tsv; every row is transitive. The hand-written verbs.tsv")
    print("# wins: a form it already has is not read from this file.")
    print("# Do not edit by hand: change cameo_stances.tsv or the script and derive again.")
    for r in rows:
        print(r)


main()
