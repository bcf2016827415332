"""Build the verb-pattern lexicon tables under src/dateline/data/events/ from the CAMEO verb dictionary.

The PETRARCH CAMEO verb dictionary (MIT licence, ``../shared/data/dictionaries/CAMEO.2.0.txt``)
groups verbs into blocks that share a default CAMEO code, with object patterns
("- * {PEACE &TREATY} [057]") that refine the code. We keep its facts — which verb with which
object words means which code — in two flat tables our own matcher reads over the spaCy parse:

* ``verbs.tsv``     lemma, particle ("-" or "for" in "ask for"), block id, default code
* ``patterns.tsv``  block id, code, object word groups (space separated; alternatives joined by "|"),
  and the verb the pattern was written for ("-" = every verb of the block)

The dictionary merged older per-verb pattern lists into blocks and notes, after each pattern, the
verb it came from ("- * PART [030]  # TAKE" is "take part"). Where that verb is one of the block's
and the pattern moves the code out of the block's CAMEO root, the pattern is that verb's idiom and
is kept for it alone: "captured part of the town" is no "take part". Patterns within the root
(a seizing block's "seized weapons") hold for every verb of the block.

Patterns with words before the ``*`` (subject-side) are dropped: our matcher codes from the verb
and its object side only. Synonym sets (&TREATY…) are expanded into their member words.

Usage: python scripts/build_event_lexicon.py [PATH/TO/CAMEO.2.0.txt]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "data" / "events"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "dictionaries" / "CAMEO.2.0.txt"

CODE_RE = re.compile(r"\[([0-9]{2,4})(?::[0-9]*)?\]")
BLOCK_RE = re.compile(r"^---\s+(\S+)\s+\[([0-9-]+)\]")
STOP = {"a", "an", "the", "of", "to", "for", "in", "on", "with", "against", "over", "from", "by", "at",
        "into", "and", "its", "his", "her", "their", "^", "%", "$"}


def _clean_word(word: str) -> str:
    return word.strip("_{}()").replace("_", " ").lower()


def read_synsets(lines: list[str]) -> dict[str, set[str]]:
    sets: dict[str, set[str]] = {}
    current: str | None = None
    for line in lines:
        line = line.split("#")[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            sets[current] = set()
        elif line.startswith("+") and current:
            word = _clean_word(line[1:].strip())
            if word and " " not in word:
                sets[current].add(word)
    return sets


def _pattern_groups(body: str, synsets: dict[str, set[str]]) -> list[str] | None:
    """Object-side word groups of a pattern line body (the part after '*'), or None to drop it."""
    groups = []
    for raw in re.findall(r"&?[A-Za-z][A-Za-z_.'-]*", body):
        if raw.startswith("&"):
            members = synsets.get(raw.rstrip("_"))
            if not members:
                return None
            groups.append("|".join(sorted(members)))
            continue
        word = _clean_word(raw)
        if word and word not in STOP and " " not in word:
            groups.append(word)
    return groups or None


def _written_for(line: str, block_verbs: set[str]) -> str:
    """The block verb a pattern line's comment names ("# TAKE"), else "-" (every verb of the block)."""
    if "#" not in line:
        return "-"
    note = line.split("#", 1)[1].split()
    if len(note) != 1:
        return "-"
    parts = [p for p in note[0].lower().split("_") if p]
    return parts[0] if parts and "_".join(parts) in block_verbs else "-"


def parse(src: Path) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str, str]]]:
    lines = src.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = read_synsets(lines)
    verbs: list[tuple[str, str, str, str]] = []
    patterns: list[tuple[str, str, str, str]] = []
    block: str | None = None
    block_verbs: set[str] = set()  # the block's verbs so far, as lemma or lemma_particle
    block_code = "---"
    in_verbs = False
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs or not line.strip() or line.startswith("#"):
            continue
        m = BLOCK_RE.match(line)
        if m:
            block, block_code = m.group(1).lower(), m.group(2)
            block_verbs = set()
            continue
        if block is None:
            continue
        text = line.split("#")[0]
        code_m = CODE_RE.search(text)
        code = code_m.group(1) if code_m else block_code
        if text.startswith("-"):
            if not code_m or "*" not in text:
                continue
            before, after = text[1:].split("*", 1)
            if before.strip():
                continue  # subject-side pattern: not used by our matcher
            groups = _pattern_groups(CODE_RE.sub("", after), synsets)
            if groups:
                # an idiom of one verb moves the code out of the block's root ("take part" in a
                # block of seizing); a refinement within the root holds for every verb of the block
                own = _written_for(line, block_verbs) if block_code.isdigit() and code[:2] != block_code[:2] else "-"
                patterns.append((block, code, " ".join(groups), own))
            continue
        head = re.sub(r"\{.*?\}", "", CODE_RE.sub("", text)).strip()
        if not head:
            continue
        head = head.lstrip("+").split()[0]
        parts = [p for p in head.lower().split("_") if p]
        if not parts or not parts[0].isalpha():
            continue
        block_verbs.add("_".join(parts))
        particle = parts[1] if len(parts) == 2 and parts[1] in STOP | {"up", "down", "out", "off", "back", "away"} else "-"
        if len(parts) > 2 or (len(parts) == 2 and particle == "-"):
            continue
        verbs.append((parts[0], particle, block, code if code != "---" else "---"))
    return verbs, patterns


# CAMEO roots cameo2plover.json leaves out: statements have no PLOVER type, appeals are REQUEST.
EXTRA_ROOTS = {"01": ("", "", ""), "02": ("REQUEST", "", ""), "020": ("REQUEST", "", "")}


def write_cameo_table(src: Path) -> int:
    """cameo.tsv: CAMEO code → PLOVER event, mode, context, description (from cameo2plover.json)."""
    table = json.loads(src.read_text(encoding="utf-8"))
    rows = {code: (v["event"], v.get("mode") or "", v.get("context") or "", v.get("cameo_desc") or "")
            for code, v in table.items()}
    for code, (event, mode, context) in EXTRA_ROOTS.items():
        rows.setdefault(code, (event, mode, context, ""))
    with (OUT / "cameo.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_event_lexicon.py from PLOVER cameo2plover.json (CC BY-SA 4.0)\n")
        fh.write("# cameo\tplover\tmode\tcontext\tdescription\n")
        for code in sorted(rows):
            fh.write(code + "\t" + "\t".join(rows[code]) + "\n")
    return len(rows)


AGENT_RE = re.compile(r"^([A-Z][A-Z'-]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})")
# Two-word agents ("PEACEKEEPING_TROOPS [IGO~]", "RIOT_POLICE [~COP]"), the sector written after
# the "~" or, for a first code ("IGO~"), before it: "modifier head" rows of the table.
PAIR_AGENT_RE = re.compile(r"^([A-Z][A-Z'-]+)_([A-Z][A-Z'-]+)_?\s*(?:\{[^}]*\})?\s*\[(?:~([A-Z]{3})|([A-Z]{3})~)")


def write_agents_table(src: Path) -> int:
    """agents_phoenix.tsv: role words and two-word "modifier head" roles → sector from the Phoenix
    agents dictionary (MIT).

    Our hand-kept agents.tsv is read first and wins; this only widens coverage."""
    rows: dict[str, str] = {}
    for line in src.read_text(encoding="utf-8", errors="replace").splitlines():
        m = AGENT_RE.match(line)
        if m:
            word, sector = m.group(1).lower(), m.group(2)
            rows.setdefault(word, sector)
            rows.setdefault(word + "s", sector)
            continue
        m = PAIR_AGENT_RE.match(line)
        if m:
            pair, sector = f"{m.group(1)} {m.group(2)}".lower(), m.group(3) or m.group(4)
            rows.setdefault(pair, sector)
            if not pair.endswith("s"):
                rows.setdefault(pair + "s", sector)
    with (OUT / "agents_phoenix.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_event_lexicon.py from Phoenix.agents.txt (MIT)\n# word\tsector\n")
        for word in sorted(rows):
            fh.write(f"{word}\t{rows[word]}\n")
    return len(rows)


def write_phoenix_builtin(folder: Path) -> int:
    """phoenix_builtin.tsv: every Phoenix actor name with each of its roles and the dates the
    dictionaries bound it by ("Joseph Kabila Kabange": CODELI until 2000, CODGOV from 2001, CODELI
    otherwise), so the coder reads a person against the article's date. Users who keep their own
    or newer dictionaries import them as further layers with ``dateline actors import-phoenix``."""
    from dateline.actors.phoenix import NEVER, ORIGIN, import_paths

    files = [folder / f for f in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                  "Phoenix.MilNonState.actors.txt")]
    rows: dict[tuple[str, str, str, str], None] = {}
    for name, role in import_paths([f for f in files if f.exists()]):
        if len(name) < 3 or not name[0].isalpha():
            continue
        start = "-" if role.start == ORIGIN else role.start
        end = "-" if role.end == NEVER else role.end
        rows[(name, role.code, start, end)] = None
    with (OUT / "phoenix_builtin.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by scripts/build_event_lexicon.py from the Phoenix actor dictionaries (MIT)\n")
        fh.write("# name\tcode\tfrom\tto ('-' = unbounded); a name's rows in the dictionaries' order\n")
        for row in sorted(rows, key=lambda r: r[0]):  # stable: each name's roles keep their order
            fh.write("\t".join(row) + "\n")
    return len({r[0] for r in rows})


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    print(write_phoenix_builtin(src.parent), "Phoenix names")
    print(write_agents_table(src.parent / "Phoenix.agents.txt"), "agent words")
    print(write_cameo_table(src.parent.parent / "events" / "cameo2plover.json"), "CAMEO codes")
    verbs, patterns = parse(src)
    OUT.mkdir(parents=True, exist_ok=True)
    header = "# generated by scripts/build_event_lexicon.py from the PETRARCH CAMEO verb dictionary (MIT)\n"
    with (OUT / "verbs.tsv").open("w", encoding="utf-8") as fh:
        fh.write(header + "# lemma\tparticle\tblock\tcode\n")
        seen = set()
        for row in verbs:
            if row[:2] not in seen:
                seen.add(row[:2])
                fh.write("\t".join(row) + "\n")
    with (OUT / "patterns.tsv").open("w", encoding="utf-8") as fh:
        fh.write(header + "# block\tcode\tobject word groups\tverb ('-' = every verb of the block)\n")
        for row in dict.fromkeys(patterns):
            fh.write("\t".join(row) + "\n")
    print(f"{len(verbs)} verbs, {len(patterns)} patterns → {OUT}")


if __name__ == "__main__":
    main()
