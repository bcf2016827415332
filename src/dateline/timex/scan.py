"""Running a family's pattern only where one of its matches can start (same matches as ``finditer``).

Every family pattern of ``timex.find`` opens with ``(?<![\\w])``, so a match starts at the start of
the text or just after a non-word character, and its first characters are few ("jan", "feb", … for
a month). ``finditer`` still enters each large case-insensitive pattern at every position of the
text, and with ~35 families that was most of the time-expression stage's cost.

So each pattern's *openings* — the first few characters its matches can have, in a coarse spelling
(``_NORM``: ASCII letters in lower case, digits as "0", white space as " ", any other non-ASCII
character as NUL) — are read once from its parse tree (``re._parser``). A text's word starts are
spelled the same way (``Scanner.starts``), and the pattern is tried, with ``match`` at that
position, only where the text's opening is one of the pattern's.

Why the matches are ``finditer``'s: a position left out is one where no match can start (its
opening spelled coarsely is not one any match has, or the lookbehind fails there), and after a
match the next one is sought from its end, as ``finditer`` does; matches are never empty (the
reading refuses a pattern whose shortest match is), so ``finditer``'s rule for empty matches never
comes in. A pattern the reading does not understand, in whole or in part, is run with plain
``finditer``: the shortcut only ever drops positions it can prove useless.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import numpy

WIDTH = 6  # characters of an opening: more tells more patterns apart, but the tables grow
_MAX_PATHS = 5000  # distinct openings (as sequences of character sets) a pattern may have per width
_MAX_KEYS = 60_000  # openings spelled out per pattern at most; past either, a shorter width is tried

# Characters outside ASCII that match an ASCII letter when case is ignored (Python's simple case
# mappings: the dotted and dotless i, the long s, the Kelvin sign). Spelling them as that letter
# keeps a text's "İstanbul" a candidate wherever "istanbul" is; tests/timex check the list.
FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_OTHER = "\x00"  # the coarse spelling of any other non-ASCII character (and of ASCII controls)
_END = "\x03"  # pads the text, so an opening near its end is as long as any other


def _norm_ascii(code: int) -> str:
    char = chr(code)
    if char.isspace():
        return " "
    if char.isdigit():
        return "0"
    if char.isalpha():
        return char.lower()
    return char if char.isprintable() else _OTHER


_NORM = {code: _norm_ascii(code) for code in range(128)}
_TRANSLATE = str.maketrans({chr(code): spelled for code, spelled in _NORM.items() if chr(code) != spelled})
# Every spelling a character of a text can have (what "." may match).
_ALPHABET = frozenset(_NORM.values()) | {_OTHER}
# The characters whose spelling is probed against each pattern element.
_PROBE = [chr(code) for code in range(128)] + list(FOLDS)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _spelled(char: str) -> str:
    return _NORM[ord(char)] if char < "\x80" else FOLDS.get(char, _OTHER)


class Unread(Exception):
    """Something in a pattern the reading of openings does not understand."""


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}


def _class_source(items: list[tuple[Any, Any]]) -> tuple[str, bool]:
    """A character class written back as a pattern, and whether it may match outside ASCII (other
    than the FOLDS): a category or a negated class may; ASCII literals and ranges may not."""
    parts: list[str] = []
    wide = False
    for op, av in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
            wide = True
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
            wide = wide or av >= 128
        elif op is sre.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
            wide = wide or av[1] >= 128
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
            wide = True
        else:
            raise Unread(f"class item {op}")
    return "[" + "".join(parts) + "]", wide


_SPELLINGS: dict[tuple[str, int], frozenset[str]] = {}


def _spellings(op: Any, av: Any, flags: int) -> frozenset[str]:
    """The spellings of the characters one element (a literal or a class) matches: those of the
    probe characters it matches, found by matching them, and NUL when it may match others."""
    if op is sre.LITERAL:
        source, wide = re.escape(chr(av)), av >= 128
    elif op is sre.NOT_LITERAL:
        source, wide = "[^" + re.escape(chr(av)) + "]", True
    elif op is sre.IN:
        source, wide = _class_source(av)
    elif op is sre.ANY:
        return _ALPHABET
    else:
        raise Unread(f"element {op}")
    known = _SPELLINGS.get((source, flags))
    if known is None:
        element = re.compile(source, flags)
        known = frozenset(_spelled(c) for c in _PROBE if element.fullmatch(c)) | ({_OTHER} if wide else set())
        _SPELLINGS[(source, flags)] = known
    return known


Path = tuple[frozenset[str], ...]  # an opening: the spellings its 1st, 2nd, … character can have


def _then(heads: set[Path], tails: set[Path], width: int) -> set[Path]:
    """Openings of a sequence: each head continued by each tail, cut at ``width``."""
    out = {head for head in heads if len(head) >= width}
    short = [head for head in heads if len(head) < width]
    for head in short:
        for tail in tails:
            out.add((head + tail)[:width])
    if len(out) > _MAX_PATHS:
        raise Unread("too many openings")
    return out


def _sequence(items: list[tuple[Any, Any]], flags: int, width: int) -> set[Path]:
    paths: set[Path] = {()}
    for op, av in items:
        if all(len(path) >= width for path in paths):
            break
        paths = _then(paths, _item(op, av, flags, width), width)
    return paths


def _item(op: Any, av: Any, flags: int, width: int) -> set[Path]:
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return {()}  # zero width: leaving its condition out only keeps more positions
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise Unread("flags changed inside the pattern")
        return _sequence(sub.data, flags, width)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data, flags, width)
    if op is sre.BRANCH:
        either: set[Path] = set()
        for branch in av[1]:
            either |= _sequence(branch.data, flags, width)
        return either
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        once = _sequence(sub.data, flags, width)
        # Only the first ``width`` copies can reach into an opening (an empty copy adds nothing),
        # so ``low`` and ``high`` past ``width`` read as ``width``.
        out: set[Path] = set()
        power: set[Path] = {()}
        for copies in range(min(high, width) + 1):
            if copies >= min(low, width):
                out |= power
            power = _then(power, once, width)
        return out
    return {(_spellings(op, av, flags),)}


def _leading_lookbehind(item: tuple[Any, Any]) -> bool:
    """Whether an item is ``(?<![\\w])``, the condition ``Scanner.starts`` builds in."""
    op, av = item
    if op is not sre.ASSERT_NOT or av[0] != -1:
        return False
    return list(av[1].data) == [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])]


def _spelled_out(paths: set[Path]) -> Reading:
    """The openings spelled out: those of ``WIDTH`` characters, and the shorter ones of whole short
    matches (only the least of them: "may" makes "may." redundant, and every full opening it begins)."""
    if sum(_count(path) for path in paths) > _MAX_KEYS:
        raise Unread("too many spellings")
    full: set[str] = set()
    short: set[str] = set()
    for path in paths:
        (full if len(path) == WIDTH else short).update("".join(chars) for chars in itertools.product(*path))
    least = sorted(key for key in short if not any(key[:cut] in short for cut in range(1, len(key))))
    cuts = sorted({len(key) for key in least})
    return Reading(frozenset(key for key in full if not any(key[:cut] in short for cut in cuts)), tuple(least))


def _count(path: Path) -> int:
    total = 1
    for chars in path:
        total *= len(chars)
    return total


class Reading(NamedTuple):
    """Where a pattern's matches can start: at a word start whose opening is one of ``full``
    (``WIDTH`` characters), or begins with one of ``short`` (a whole match shorter than that)."""

    full: frozenset[str]
    short: tuple[str, ...]


@cache
def openings(pattern: re.Pattern[str]) -> Reading | None:
    """Where ``pattern``'s matches can start; None when that cannot be told (the pattern is then
    run in full)."""
    if pattern.flags & (re.ASCII | re.LOCALE):
        return None  # "\w" would not be the one ``Scanner.starts`` reads
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        items = list(tree.data)
        if not items or not _leading_lookbehind(items[0]) or tree.getwidth()[0] == 0:
            return None
        for width in range(WIDTH, 0, -1):
            try:
                paths = _sequence(items[1:], pattern.flags, width)
                if () in paths:
                    return None
                # Cut shorter than WIDTH (too many otherwise), every opening reads as a short one:
                # a text's full opening that begins with it is a candidate.
                return _spelled_out(paths)
            except Unread as why:
                if str(why) not in ("too many openings", "too many spellings"):
                    raise
        return None
    except (Unread, re.error, TypeError, ValueError, AttributeError, IndexError):
        return None  # an unexpected tree (another Python's parser): no shortcut, same matches


_WORD_BYTES = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyz_")
# For each byte of a spelled text: whether it is not a word character (a word may start after it).
_AFTER = numpy.array([code not in _WORD_BYTES for code in range(256)], dtype=numpy.bool_)
_MEMO_SIZE = 200_000  # openings remembered with the patterns they may open; past that, forgotten


class Scanner:
    """Several patterns, each run over a text only where one of its matches can start.

    ``starts(text)`` lists, for each pattern, the word starts of the text whose opening is one of
    the pattern's; ``matches`` then tries the pattern there. A text's word starts are taken after
    each character of its spelling that is not ``[0-9a-z_]``: after every ``\\W`` of the text (what
    ``(?<![\\w])`` admits), and after a non-ASCII letter or digit too (spelled NUL), which only adds
    positions. Which patterns an opening may begin is worked out once per opening and remembered
    (the openings of news text repeat: "the pr", "that t", "monday")."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self.readings = [openings(pattern) for pattern in patterns]
        self._short = [(sorted({len(key) for key in read.short}), frozenset(read.short)) if read else ([], frozenset())
                       for read in self.readings]
        self._memo: dict[str, tuple[int, ...]] = {}

    def _opened_by(self, key: str) -> tuple[int, ...]:
        """The patterns a match of which may begin with this opening."""
        found = []
        for number, read in enumerate(self.readings):
            if read is None:
                continue
            cuts, short = self._short[number]
            if key in read.full or any(key[:cut] in short for cut in cuts):
                found.append(number)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        opened = self._memo[key] = tuple(found)
        return opened

    def starts(self, text: str) -> list[list[int]]:
        """For each pattern, in order, the positions of ``text`` where one of its matches may start."""
        found: list[list[int]] = [[] for _ in self.patterns]
        if not text:
            return found
        spelled = _NON_ASCII.sub(lambda m: FOLDS.get(m[0], _OTHER), text).translate(_TRANSLATE) + _END * WIDTH
        codes = numpy.frombuffer(spelled.encode("ascii"), dtype=numpy.uint8)
        # After the last character is the very end of the text, where no match starts.
        after = (numpy.flatnonzero(_AFTER[codes[:len(text) - 1]]) + 1).tolist()
        memo, opened_by = self._memo, self._opened_by
        for start in (0, *after):
            key = spelled[start:start + WIDTH]
            opened = memo.get(key)
            if opened is None:
                opened = opened_by(key)
            for number in opened:
                found[number].append(start)
        return found

    def matches(self, number: int, text: str, starts: list[list[int]]) -> Iterator[re.Match[str]]:
        """What ``self.patterns[number].finditer(text)`` gives, tried only at its ``starts``."""
        pattern = self.patterns[number]
        if self.readings[number] is None:
            yield from pattern.finditer(text)
            return
        match, end = pattern.match, 0
        for start in starts[number]:
            if start < end:
                continue  # inside the last match: finditer goes on from its end
            found = match(text, start)
            if found is not None:
                end = found.end()
                yield found
