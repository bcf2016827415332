"""The command line: every command documented, extract's contract, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dateline.cli.main import main

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "tass-2025-02-10-ryabkov.txt"
if os.environ.get("DATELINE_DATA"):  # the seed sits beside the data the eval reads
    SEED = Path(os.environ["DATELINE_DATA"]).resolve().parent / "seed" / SEED.name
STORY = "MINSK, May 9. /TASS/. Belarus held a parade in Minsk on Friday, the defence ministry said.\n"


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


def test_every_command_has_help_text():
    for path, command in all_commands(main):
        assert command.help or command.short_help, f"{' '.join(path)} has no help text"
        result = CliRunner().invoke(main, [*path, "--help"])
        assert result.exit_code == 0, path


def test_extract_writes_contract_records(tmp_path: Path):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "2025-05-09"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["schema"] for r in records] == ["dateline/1", "dateline/1"]
    empty, story = records
    assert empty["error"]["code"] == "E101" and empty["id"]
    assert story["dateline"] == {"text": "MINSK, May 9. /TASS/.", "place": "MINSK", "date": "2025-05-09",
                                 "agency": "TASS", "start": 0, "end": 21}
    minsk = [e for e in story["entities"] if e["text"] == "Minsk"]
    assert minsk and minsk[0]["label"] == "GPE"


def test_extract_reads_stdin():
    line = json.dumps({"id": "in-1", "text": STORY, "published": "2025-05-09"})
    result = CliRunner().invoke(main, ["extract", "-"], input=line + "\n")
    assert json.loads(result.output)["id"] == "in-1"


def test_misuse_exits_2_naming_the_argument(tmp_path: Path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--published", "10/02/2025"])
    assert result.exit_code == 2 and "--published" in result.output


def test_all_failed_exits_nonzero(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    assert CliRunner().invoke(main, ["extract", str(tmp_path)]).exit_code == 1


def test_ingest_search_show(tmp_path: Path):
    (tmp_path / "story.txt").write_text(STORY)
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert "1 stored" in runner.invoke(main, ["ingest", str(tmp_path), "--db", db]).output
    assert "0 stored, 1 already there" in runner.invoke(main, ["ingest", str(tmp_path), "--db", db]).output
    assert "parade" in runner.invoke(main, ["search", "parade", "--db", db]).output
    shown = runner.invoke(main, ["show", "1", "--db", db])
    assert shown.exit_code == 0 and "MINSK / TASS" in shown.output


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_structure():
    runner = CliRunner()
    with_date = json.loads(runner.invoke(main, ["extract", str(SEED), "--published", "2025-02-10"]).output)
    assert with_date["headline"] == "Russia-West relations not linked to Russia-Belarus security treaty — diplomat"
    assert with_date["lead"].startswith("In early February, Russian President Vladimir Putin submitted")
    assert with_date["dateline"]["place"] == "MOSCOW" and with_date["dateline"]["agency"] == "TASS"
    assert with_date["dateline"]["date"] == "2025-02-10"
    assert "All news" not in json.dumps(with_date)
    assert with_date["text"].count("submitted to the State Duma") == 1
    no_date = json.loads(runner.invoke(main, ["extract", str(SEED)]).output)
    assert no_date["dateline"]["date"] in ("XXXX-02-10", "2025-02-10")
    assert no_date["published"] in (None, "2025-02-10")


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_quotes():
    """Issue 3's bar on the seed: seven statements, speakers by full name, actors coded, none twice."""
    record = json.loads(CliRunner().invoke(main, ["extract", str(SEED), "--published", "2025-02-10"]).output)
    speakers = [q["speaker"]["name"] for q in record["quotes"]]
    assert sorted(speakers) == sorted(["Sergey Ryabkov"] * 5 + ["Alexander Lukashenko", "Vladimir Putin"]), [
        (q["cue"]["text"], q["text"][:50]) for q in record["quotes"]]
    assert len({(q["start"], q["end"]) for q in record["quotes"]}) == 7
    actors = {a["name"]: a for a in record["actors"]}
    assert (actors["Sergey Ryabkov"]["country"], actors["Sergey Ryabkov"]["sector"]) == ("RUS", "GOV")
    assert (actors["Alexander Lukashenko"]["country"], actors["Alexander Lukashenko"]["sector"]) == ("BLR", "GOV")
