"""Actor layers: imported into the configured data folder, listed, removed; the coder uses exactly
the layers the list shows."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from dateline.actors import layers, phoenix
from dateline.cli.events import actors_group

# Invented dictionary entries in the Phoenix layout (name, +aliases, dated codes).
FIRST = ("MARTA_INVENTED_\n+M._INVENTED\n\t[NORGOV 150101-211231]\n\t[NORELI >220101]\n"
         "QUILL_SOCIETY_ [NGOQSX]\n")
SECOND = "MARTA_INVENTED_\n\t[SWEGOV 200101-231231]\n"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    for var in ("DATELINE_DATA_DIR", "DATELINE_HOME"):
        monkeypatch.delenv(var, raising=False)
    folder = tmp_path / "data"
    monkeypatch.setenv("DATELINE_DATA_DIR", str(folder))
    phoenix.get_layer.cache_clear()
    yield folder
    phoenix.get_layer.cache_clear()


def _dictionary(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.actors.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _listed(runner: CliRunner) -> dict[str, list[str]]:
    result = runner.invoke(actors_group, ["layers"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split("\t") == ["name", "source", "entries", "imported"]
    return {cells[0]: cells for cells in (line.split("\t") for line in lines[1:])}


def test_import_lists_and_removes_a_layer_in_the_data_folder(tmp_path, data_dir):
    runner = CliRunner()
    assert list(_listed(runner)) == ["builtin"]
    assert phoenix.get_layer().lookup("Marta Invented") is None

    src = _dictionary(tmp_path, "tiny", FIRST)
    result = runner.invoke(actors_group, ["import-phoenix", str(src), "--name", "tiny"])
    assert result.exit_code == 0, result.output
    assert (data_dir / layers.LAYERS_FOLDER / "tiny.tsv").is_file()

    listed = _listed(runner)
    assert list(listed) == ["builtin", "tiny"]
    _, source, entries, imported = listed["tiny"]
    assert str(src) in source and entries == "5"  # two names × two roles, one body × one role
    assert imported[:4].isdigit() and "T" in imported
    assert phoenix.get_layer().lookup("M. Invented", "2018-05-01").code == "NORGOV"

    result = runner.invoke(actors_group, ["remove", "tiny"])
    assert result.exit_code == 0 and "removed layer tiny" in result.output
    assert list(_listed(runner)) == ["builtin"]
    assert phoenix.get_layer().lookup("Marta Invented") is None


def test_remove_refuses_unknown_names_and_the_builtin_table(data_dir):
    runner = CliRunner()
    result = runner.invoke(actors_group, ["remove", "nothing"])
    assert result.exit_code == 2 and "no actor layer named 'nothing'" in result.output
    result = runner.invoke(actors_group, ["remove", "builtin"])
    assert result.exit_code == 2 and "cannot be removed" in result.output


def test_import_refuses_a_bad_name(tmp_path, data_dir):
    src = _dictionary(tmp_path, "tiny", FIRST)
    result = CliRunner().invoke(actors_group, ["import-phoenix", str(src), "--name", "../escape"])
    assert result.exit_code == 2
    assert not data_dir.exists()


def test_a_later_layer_wins_on_the_dates_both_cover(tmp_path, data_dir):
    runner = CliRunner()
    assert runner.invoke(actors_group, ["import-phoenix", str(_dictionary(tmp_path, "a", FIRST)), "--name", "a"]
                         ).exit_code == 0
    assert runner.invoke(actors_group, ["import-phoenix", str(_dictionary(tmp_path, "b", SECOND)), "--name", "b"]
                         ).exit_code == 0
    assert [layer.name for layer in layers.user_layers()] == ["a", "b"]  # by import time, then name
    assert phoenix.get_layer().lookup("Marta Invented", "2021-03-01").code == "SWEGOV"
    assert phoenix.get_layer().lookup("Marta Invented", "2016-03-01").code == "NORGOV"  # only a covers it


def test_reimport_under_the_same_name_replaces_the_layer(tmp_path, data_dir):
    runner = CliRunner()
    runner.invoke(actors_group, ["import-phoenix", str(_dictionary(tmp_path, "a", FIRST))])
    runner.invoke(actors_group, ["import-phoenix", str(_dictionary(tmp_path, "b", SECOND))])
    listed = _listed(runner)
    assert list(listed) == ["builtin", "phoenix"] and listed["phoenix"][2] == "1"


def test_a_table_from_before_named_layers_is_listed_and_removable(data_dir):
    data_dir.mkdir()
    (data_dir / layers.LEGACY_FILE).write_text("# name\tcode\tfrom\tto\nmarta invented\tNORGOV\t-\t-\n",
                                               encoding="utf-8")
    runner = CliRunner()
    listed = _listed(runner)
    assert listed["phoenix_actors"][2] == "1" and "before layers had names" in listed["phoenix_actors"][1]
    assert phoenix.get_layer().lookup("Marta Invented").code == "NORGOV"
    assert runner.invoke(actors_group, ["remove", "phoenix_actors"]).exit_code == 0
    assert not (data_dir / layers.LEGACY_FILE).exists()


def test_a_state_filed_under_its_former_federation_is_coded_as_itself():
    from dateline.actors.phoenix import PhoenixLayer

    layer = PhoenixLayer([("ruritania city", "USRUKRGOV", "0001-01-01", "9999-12-31"),
                          ("old capital", "USR", "0001-01-01", "9999-12-31"),
                          ("harbour town", "YUGHRV", "0001-01-01", "9999-12-31")])
    city, old, town = (layer.lookup(n) for n in ("ruritania city", "old capital", "harbour town"))
    assert city is not None and (city.country, city.sector, city.code) == ("UKR", "GOV", "UKRGOV")
    assert old is not None and old.country == "USR"
    assert town is not None and town.country == "HRV" and town.sector is None


def test_a_surname_alone_names_a_namesake_only_with_a_first_name_that_could_be_his():
    from dateline.actors.phoenix import PhoenixLayer

    layer = PhoenixLayer([("anatoly vereshko", "RUSGOV", "0001-01-01", "9999-12-31"),
                          ("pablo ortiz quennell", "CHLGOV", "0001-01-01", "9999-12-31")])
    spelt_otherwise = layer.surname("Anatoli Vereshko")  # another transliteration of the same man
    assert spelt_otherwise is not None and spelt_otherwise.country == "RUS"
    assert layer.surname("Miriam Quennell") is None  # another person who shares the surname
    bare = layer.surname("Quennell")
    assert bare is not None and bare.country == "CHL"
