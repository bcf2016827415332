"""Article text carrying terminal escape sequences prints without them."""

from __future__ import annotations

from click.testing import CliRunner

from dateline.cli import main
from dateline.cli.terminal import clean
from ingest_helpers import GOOD, ingest

HOSTILE = GOOD.replace("cod quota", "cod\x1b]0;owned\x07 quota\x1b[2J\x1b[1;1H\x9b31m").replace(
    "Barents", "Bar\u202eents\rX")


def test_clean_drops_escapes_and_controls():
    assert clean("a\x1b[31mred\x1b[0m b\x1b]2;title\x07c\x9b2Jd\x07e\x00f\tg\nh\u202ei") == "ared bcdef\tg\nhi"


def test_show_search_report_quotes_events_stories_print_no_control_sequences(tmp_path, nlp):
    story = tmp_path / "hostile.txt"
    story.write_text(HOSTILE, encoding="utf-8")
    db = tmp_path / "t.db"
    assert ingest(nlp, db, [str(story)]).stored == 1
    runner = CliRunner()
    outputs = []
    for args in (["show", "1"], ["show", "1", "--json"], ["search", "quota"], ["report"], ["quotes"],
                 ["events"], ["stories", "--min-articles", "1"]):
        result = runner.invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.output)
    printed = "".join(outputs)
    assert "quota" in printed
    for bad in ("\x1b", "\x9b", "\x07", "\r", "\u202e"):
        assert bad not in printed
