"""`ingest` keeps every language unless told otherwise, and its two count lines agree."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from dateline.cli.main import main

FRENCH = ("La Norvège réduit d'un cinquième le quota de cabillaud pour la saison prochaine, "
          "a annoncé mardi le ministère de la pêche après un avis des scientifiques.")
ENGLISH = "Norway cuts the cod quota by a fifth for next season, the fisheries ministry said on Tuesday."


def _feed(path: Path) -> Path:
    items = "".join(f"<item><title>{t}</title><link>https://example.invalid/{i}</link><guid>g{i}</guid>"
                    f"<description>{d}</description></item>"
                    for i, (t, d) in enumerate([("Cod quota cut", ENGLISH), ("Quota de cabillaud", FRENCH)]))
    path.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>{items}</channel></rss>")
    return path


def _counts(result) -> tuple[int, int]:
    stdout = int(re.search(r"(\d+) rejected;", result.stdout).group(1))
    stderr = int(re.search(r"(\d+) rejected \(run", result.stderr).group(1))
    return stdout, stderr


def test_every_language_is_stored_and_found(tmp_path: Path):
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["ingest", "--feed", str(_feed(tmp_path / "desk.rss")), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.stdout and _counts(result) == (0, 0)
    found = CliRunner().invoke(main, ["search", "cabillaud", "--db", db])
    assert "Quota de cabillaud" in found.stdout


def test_languages_option_rejects_the_others_and_both_counts_say_so(tmp_path: Path):
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(main, ["ingest", "--feed", str(_feed(tmp_path / "desk.rss")), "--db", db,
                                       "--languages", "en"])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.stdout and _counts(result) == (1, 1)
    bad = CliRunner().invoke(main, ["extract", "-", "--languages", ","], input="")
    assert bad.exit_code == 2
