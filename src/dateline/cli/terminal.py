"""What the commands print to a terminal: article text without its control sequences.

An article's text is whatever its page or feed held, and a page can carry escape sequences that a
terminal obeys — clear the screen, set the window title, rewrite the line above, hide the rest of
the output. Everything ``show``, ``search``, ``quotes``, ``report``, ``events`` and ``stories``
print goes through ``echo``, which drops them: ESC and CSI sequences whole (CSI, OSC, DCS and the
rest), every other C0 and C1 control character but tab and newline, and the bidirectional
overrides that make text read in another order than it is stored.
"""

from __future__ import annotations

import re
from typing import Any

import click

# Every command that reads or writes a store says the same about --db.
DB_HELP = "The store: an SQLite file, or a PostgreSQL database as postgresql://user@host:port/name."

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC: titles, links
    r"|\x1b[ -/]*[0-~]?"  # other escapes (and a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the one-byte CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # the other controls (tab and newline stay)
    r"|[\u202a-\u202e\u2066-\u2069]"  # bidirectional overrides and isolates
)


def clean(text: str) -> str:
    return _CONTROL.sub("", text)


def echo(message: Any = "", **kwargs: Any) -> None:
    """``click.echo`` of ``message`` with its control sequences removed."""
    click.echo(clean(str(message)), **kwargs)
