"""Whatever text comes in, extraction returns a record (or an error record), never a traceback."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline

WIRE_BITS = ["MOSCOW, February 10. /TASS/.", "LONDON (Reuters) -", '"', "“", "”", "'", "said", "told reporters",
             "on Monday", "December 6", "the second half of 2025", "Belarus", "Minsk", "he", "\n\n", "—", "(AP) _",
             "agreed to", "did not", "according to", "Putin", "2/26", "last week", "«", "»", ":", ";"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WIRE_BITS), st.text(max_size=12)), max_size=40),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_any_text_gives_a_record(parts, published):
    text = " ".join(parts)
    article = dateline.extract(text, published=published)
    record = json.loads(json.dumps(article.to_dict()))
    assert record["schema"] == "dateline/1"
    assert not [w for w in record.get("warnings", []) if w["code"] == "W201"], record["warnings"]
    if record["error"] is None:
        for item in record["quotes"] + record["times"] + record["entities"]:
            assert 0 <= item["start"] <= item["end"] <= len(record["text"])
    else:
        assert record["error"]["code"].startswith("E")
