"""Settings: read in one place (environment, then dateline.toml here, then in the user config
folder, then the default), each one documented in the README."""

from __future__ import annotations

import logging
import re
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import settings
from dateline.cli.ingest import fetcher_from_env
from dateline.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
ALL_VARS = [name for f in fields(settings.Settings) for name in settings.env_names(f)]


@pytest.fixture
def clean(tmp_path, monkeypatch):
    """No dateline variable set, no dateline.toml around: a working folder and a config home of
    the test's own."""
    for var in ALL_VARS:
        monkeypatch.delenv(var, raising=False)
    work, config = tmp_path / "work", tmp_path / "config"
    work.mkdir()
    (config / "dateline").mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    settings._warn_once.cache_clear()
    return work, config / "dateline"


def test_every_setting_has_a_readme_row():
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    for f in fields(settings.Settings):
        row = next((r for r in rows if r.startswith(f"| `{f.name}` |")), None)
        assert row is not None, f"README settings table has no row for {f.name}"
        for var in settings.env_names(f):
            assert f"`{var}`" in row, (f.name, var)


def test_only_settings_reads_dateline_variables():
    known = set(ALL_VARS)
    for path in (ROOT / "src" / "dateline").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "settings.py":
            assert not re.search(r"(environ|getenv)[^\n]*DATELINE_", text), f"{path} reads a DATELINE_ variable"
        for var in re.findall(r"[\"'$](DATELINE_[A-Z_]+)", text):  # a variable named in a string or help text
            assert var in known, f"{path} names {var}, which settings.py does not know"


def test_defaults(clean):
    got = settings.get()
    assert got.model is None and got.fetch_timeout == 10.0 and got.fetch_retries == 2 and got.api_key is None
    assert got.user_data.name == "dateline"


def test_environment_beats_the_working_folder_beats_the_user_folder(clean, monkeypatch):
    work, user = clean
    (user / "dateline.toml").write_text('fetch_timeout = 30\nfetch_retries = 5\nmodel = "user_model"\n')
    (work / "dateline.toml").write_text("fetch_timeout = 20\n")
    got = settings.get()
    assert (got.fetch_timeout, got.fetch_retries, got.model) == (20.0, 5, "user_model")
    monkeypatch.setenv("DATELINE_FETCH_TIMEOUT", "7.5")
    assert settings.get().fetch_timeout == 7.5
    assert fetcher_from_env().timeout == 7.5 and fetcher_from_env().retries == 5  # a caller sees them


def test_paths_and_the_older_data_dir_name(clean, monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "old"))
    assert settings.get().user_data == tmp_path / "old"
    monkeypatch.setenv("DATELINE_DATA_DIR", str(tmp_path / "new"))
    assert settings.get().user_data == tmp_path / "new"
    (clean[0] / "dateline.toml").write_text('gazetteer = "~/tables"\n')
    assert settings.get().gazetteer == Path.home() / "tables"


def test_bad_values_and_unknown_keys_warn_w401_and_keep_the_default(clean, monkeypatch, caplog):
    work, _ = clean
    (work / "dateline.toml").write_text('fetch_retries = "many"\nfetch_timout = 3\n')
    monkeypatch.setenv("DATELINE_FETCH_TIMEOUT", "soon")
    with caplog.at_level(logging.WARNING, logger="dateline.settings"):
        got = settings.get()
    assert got.fetch_timeout == 10.0 and got.fetch_retries == 2
    assert caplog.text.count("W401") == 3
    assert "fetch_timout" in caplog.text and "$DATELINE_FETCH_TIMEOUT" in caplog.text


def test_a_file_that_is_not_toml_warns_w401(clean, caplog):
    (clean[0] / "dateline.toml").write_text("fetch_timeout = \n")
    with caplog.at_level(logging.WARNING, logger="dateline.settings"):
        assert settings.get().fetch_timeout == 10.0
    assert "W401" in caplog.text


def test_the_api_key_is_read_and_never_shown(clean, monkeypatch, caplog):
    monkeypatch.setenv("DATELINE_API_KEY", "s3cret-value")
    got = settings.get()
    assert got.api_key == "s3cret-value" and "s3cret" not in repr(got)


def test_the_settings_command_shows_values_and_their_sources(clean, monkeypatch):
    work, _ = clean
    (work / "dateline.toml").write_text("fetch_retries = 4\n")
    monkeypatch.setenv("DATELINE_API_KEY", "s3cret-value")
    result = CliRunner().invoke(main, ["settings"])
    assert result.exit_code == 0, result.output
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.output.splitlines()[1:]}
    assert set(rows) == {f.name for f in fields(settings.Settings)}
    assert rows["fetch_retries"] == ["4", str(work / "dateline.toml")]
    assert rows["fetch_timeout"] == ["10.0", "default"]
    assert rows["api_key"] == ["(set)", "$DATELINE_API_KEY"] and "s3cret" not in result.output


def test_yes_no_values_read_as_words():
    assert settings._convert("off", bool) is False and settings._convert("Yes", bool) is True
    assert settings._convert(True, bool) is True
    with pytest.raises(ValueError):
        settings._convert("maybe", bool)
    with pytest.raises(ValueError):
        settings._convert(2.5, int)
