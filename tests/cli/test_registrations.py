"""Snapshots of what is registered: every command of `dateline` and every saver of the store.

A command group or saver that goes missing (a module renamed, a line dropped) changes these
sets and fails here, instead of a command vanishing or an ingest storing no rows. Adding one is
a deliberate change: add it to the snapshot too.
"""

from __future__ import annotations

import click

from dateline.cli import COMMAND_MODULES, main
from dateline.evaluation.harness import SUITES
from dateline.store.db import ARTICLE_SAVERS, Store

COMMANDS = {
    "actors", "actors import-phoenix", "actors layers", "actors remove", "batch", "eval", "events", "export", "extract", "ingest", "load", "quotes",
    "report", "search", "serve", "settings", "show", "stories", "story", "watch",
}
SAVERS = [
    "dateline.store.quotes.save_quotes",
    "dateline.store.events.save_events",
    "dateline.store.stories.save_story",
    "dateline.store.ingest.save_raw_page",
]


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> set[str]:
    paths: set[str] = set()
    for name, command in group.commands.items():
        paths.add(" ".join((*prefix, name)))
        if isinstance(command, click.Group):
            paths |= _command_paths(command, (*prefix, name))
    return paths


def test_every_command_is_registered() -> None:
    assert _command_paths(main) == COMMANDS


def test_every_command_group_module_adds_its_commands() -> None:
    for module in COMMAND_MODULES:
        assert module.COMMANDS, module.__name__
        for command in module.COMMANDS:
            assert main.commands[command.name] is command


def test_every_saver_is_registered_in_order(db_path) -> None:
    assert [f"{s.__module__}.{s.__qualname__}" for s in ARTICLE_SAVERS] == SAVERS
    with Store(db_path) as store:
        assert store.savers == list(ARTICLE_SAVERS)


def test_every_eval_suite_is_listed() -> None:
    assert list(SUITES) == ["datelines", "html", "time", "plover", "penta", "petrarch", "quotes"]
    assert all(suite.name == name for name, suite in SUITES.items())
