"""Running `dateline export` in-process and reading its rows back."""

from __future__ import annotations

from click.testing import CliRunner

from dateline.cli.events import export_command


def run_export(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(export_command, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def tsv_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line]
