"""The scoring conventions, on records made by hand: alignment, matching, top event, classes."""

from __future__ import annotations

from pathlib import Path

from dateline.evaluation import datelines, events, html, quotes
from dateline.evaluation import time as timex_suite
from dateline.evaluation.harness import suite_names
from dateline.evaluation.measures import OffsetMap, word_prf
from dateline.evaluation.splits import digest, half_of_ids, split_rows


def test_offsets_move_with_the_text_they_sit_in():
    original = "KYIV, May 2 (Agency) -\nThe  mayor said on Friday."
    cleaned = "KYIV, May 2 (Agency) - The mayor said on Friday."
    offsets = OffsetMap(cleaned, original)
    start = cleaned.index("Friday")
    first, end = offsets.span(start, start + len("Friday"))
    assert original[first:end] == "Friday"
    assert OffsetMap(original, original).span(3, 9) == (3, 9)


def test_a_position_in_added_text_maps_to_the_end_of_the_run_before_it():
    offsets = OffsetMap("ab XYZ cd", "ab cd")
    assert offsets.position(4) == 3  # inside "XYZ": where "ab " ends in the input


def test_word_f1_ignores_case_and_punctuation_and_is_zero_without_words():
    assert word_prf("The Port, reopened!", "the port reopened") == (1.0, 1.0, 1.0)
    assert word_prf("", "anything") == (0.0, 0.0, 0.0)


def test_halves_follow_sorted_id_parity():
    assert half_of_ids(["b", "a", "d", "c"]) == {"a": "tune", "b": "check", "c": "tune", "d": "check"}
    rows = [{"id": i} for i in ("b", "a", "d", "c")]
    assert split_rows(rows) == {"tune": [{"id": "a"}, {"id": "c"}], "check": [{"id": "b"}, {"id": "d"}]}


def test_a_digest_changes_with_a_byte_of_the_set(tmp_path: Path):
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "a.jsonl").write_text('{"id": 1}\n')
    before = digest(tmp_path, ["set"])
    assert digest(tmp_path, ["set/a.jsonl"]) == before  # a folder stands for the files under it
    (tmp_path / "set" / "a.jsonl").write_text('{"id": 2}\n')
    assert digest(tmp_path, ["set"]) != before
    (tmp_path / "set" / "a.jsonl").write_text('{"id": 1}\n')
    (tmp_path / "set" / "b.jsonl").write_text("")
    assert digest(tmp_path, ["set"]) != before  # a file more is another set, even an empty one


def test_events_names_every_event_suite():
    assert suite_names(["events"]) == ["plover", "penta", "petrarch"]
    assert suite_names(["quotes", "datelines"]) == ["datelines", "quotes"]


def _event(kind: str, confidence: float, negated: bool = False, cameo: str = "042", source=(), target=()) -> dict:
    return {"type": kind, "confidence": confidence, "negated": negated, "cameo": cameo,
            "source": list(source), "target": list(target)}


def test_the_top_event_is_the_most_confident_one_not_negated():
    record = {"events": [_event("CONSULT", 0.5), _event("ASSAULT", 0.9, negated=True), _event("AID", 0.7),
                         _event("AGREE", 0.7)]}
    assert events.top_event(record)["type"] == "AID"
    assert events.top_event({"events": [_event("AID", 0.9, negated=True)]}) is None


def test_penta_classes_are_the_datas_own():
    assert [events.penta_class(c) for c in ("010", "020", "036", "057", "061", "084")] == [0, 0, 1, 1, 2, 2]
    assert [events.penta_class(c) for c in ("090", "112", "138", "160", "145", "150", "172", "204")] == \
        [3, 3, 3, 3, 4, 4, 4, 4]
    assert events.predicted_penta({"events": [_event("ASSAULT", 0.9, negated=True)]}) == -1


def test_plover_counts_an_actor_country_on_any_event_of_the_gold_type():
    rows = [{"id": "s1", "event": "AID", "actor": [{"code": "FRAGOV"}], "recipient": "n/a"}]
    record = {"events": [_event("CONSULT", 0.9), _event("AID", 0.4, source=[{"country": "FRA", "code": "FRAGOV"}])]}
    scores = events.score_plover(rows, {"s1": record})
    assert scores.metrics["plover.top_accuracy"] == 0.0
    assert scores.metrics["plover.type_recall"] == 1.0 and scores.metrics["plover.actor_country"] == 1.0


def test_plover_triples_charge_every_extra_event_and_pair():
    rows = [{"id": "s1", "event": "AID", "actor": [{"code": "FRAGOV"}], "recipient": [{"code": "MLI"}]}]
    aid = _event("AID", 0.8, source=[{"country": "FRA", "code": "FRAGOV"}], target=[{"country": "MLI", "code": "MLI"}])
    extra = _event("CONSULT", 0.3, source=[{"country": "FRA", "code": "FRAGOV"}])
    denied = _event("ASSAULT", 0.9, negated=True, source=[{"country": "FRA", "code": "FRAGOV"}])
    scores = events.score_plover(rows, {"s1": {"events": [aid, extra, denied]}})
    assert scores.metrics["plover.triple_recall"] == 1.0
    assert scores.metrics["plover.triple_precision"] == 0.5  # (FRA, ---, CONSULT) is extra; the denial is not counted


def test_times_are_paired_by_overlap_and_values_normalised():
    text = "Sales rose in 1998. The week of 2000-W8 was calm."
    week = text.index("2000-W8")
    row = {"id": "t", "text": text, "timexes": [
        {"start": 13, "end": 18, "value": "1998", "type": "DATE"},
        {"start": week, "end": week + 7, "value": "2000-W08", "type": "DATE"}]}
    record = {"text": text, "times": [{"start": 10, "end": 18, "value": "1998-XX", "type": "DATE"},
                                      {"start": week, "end": week + 7, "value": "2000-w8", "type": "DATE"},
                                      {"start": 0, "end": 5, "value": "PRESENT_REF", "type": "DATE"}]}
    scores = timex_suite.score([row], {"t": record})
    assert scores.details["gold"] == 2 and scores.details["predicted"] == 3
    assert scores.details["value precision"] == 2 / 3 and scores.details["value recall"] == 1.0
    assert scores.metrics["time.strict_f1"] == 2 * (1 / 3) * 0.5 / (1 / 3 + 0.5)  # only the week is exact


def test_a_quote_matches_leniently_and_its_speaker_must_overlap_the_source():
    text = 'The port will reopen next week, the harbour master told reporters on Monday.'
    content_end = text.index(",")
    speaker = text.index("the harbour master")
    row = {"id": "q", "text": text, "attributions": [{
        "content": [{"spans": [[0, content_end]]}], "source": [{"spans": [[speaker, speaker + 18]]}],
        "cue": [{"spans": [[speaker + 19, speaker + 23]]}]}]}
    quote = {"start": 4, "end": content_end, "speaker": {"start": speaker + 4, "end": speaker + 18},
             "cue": None}
    scores = quotes.score([row], {"q": {"text": text, "quotes": [quote]}})
    assert scores.metrics["quotes.content_f1"] == 1.0  # "port will reopen next week" vs with "The"
    assert scores.metrics["quotes.source_f1"] == 1.0 and scores.metrics["quotes.cue_f1"] == 0.0
    assert scores.metrics["quotes.near_exact_content_f1"] == 0.0


def test_a_page_without_text_scores_zero():
    rows = [{"id": "p1", "body": "Rain fell on the town."}, {"id": "p2", "body": "The bridge opened."}]
    records = {"p1": {"text": "Rain fell on the town."}, "p2": {"text": "", "error": {"code": "E108"}}}
    assert html.score(rows, records).metrics["html.f1"] == 0.5


def test_a_dateline_needs_place_and_month_day():
    rows = [{"id": "r1", "gold": {"place": "OSLO", "month": 3, "day": 9}},
            {"id": "r2", "gold": {"place": "LIMA", "month": 3, "day": 9}}]
    records = {"r1": {"dateline": {"place": "Oslo ", "date": "XXXX-03-09"}},
               "r2": {"dateline": {"place": "LIMA", "date": "1987-03-10"}}}
    metrics = datelines.score(rows, records).metrics
    assert metrics == {"datelines.accuracy": 0.5, "datelines.place": 1.0, "datelines.month_day": 0.5}


def test_petrarch_triples_take_country_else_transnational_code_else_dashes():
    rows = [{"id": "p", "events": [{"source": "FRAGOV", "target": "IGOUNO", "code": "042"},
                                   {"source": "---REB", "target": "SYR", "code": "190"}]}]
    record = {"events": [
        {"cameo": "043", "negated": False, "source": [{"country": "FRA", "code": "FRAGOV"}],
         "target": [{"country": None, "code": "IGOUNO"}]},
        {"cameo": "190", "negated": True, "source": [{"code": "REB"}], "target": [{"country": "SYR"}]},
        {"cameo": "111", "negated": False, "source": [], "target": [{"country": "SYR"}]}]}
    assert events.coded_triples(record) == {("FRA", "IGO", "04"), ("---", "SYR", "11")}
    scores = events.score_petrarch(rows, {"p": record})
    assert scores.metrics == {"petrarch.triple_recall": 0.5, "petrarch.triple_precision": 0.5}


def test_a_cli_eval_without_data_reports_every_suite_skipped(tmp_path):
    from click.testing import CliRunner

    from dateline.cli import main

    result = CliRunner().invoke(main, ["eval", "--data", str(tmp_path / "none"), "--suite", "events"])
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.output.splitlines() if "skipped" in line] == \
        ["plover", "penta", "petrarch"]


def test_the_compiled_matcher_finds_difflibs_blocks():
    import difflib

    from dateline.evaluation import measures

    output = "GENEVA - Talks resumed on Monday.\n\nThe envoy said a deal was near."
    original = "GENEVA\u00a0- Talks resumed on Monday.\nAdvertisement\nThe envoy said  a deal was near."
    ours = measures.OffsetMap(output, original)
    reference = difflib.SequenceMatcher(None, output, original, autojunk=False).get_matching_blocks()
    assert ours.runs == [(b.a, b.b, b.size) for b in reference]
