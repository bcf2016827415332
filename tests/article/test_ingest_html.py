"""HTML pages: main text without navigation, hidden text, hover cards or the repeated headline;
metadata from the page, and the dateline's date when the page has none."""

from __future__ import annotations

import pytest

from dateline.article.page import extract_page
from dateline.article.structure import build_article
from dateline.errors import DatelineError
from dateline.ingest.raw import RawInput

BODY = [
    "OSLO, May 4 (Reuters) - Norway's fisheries ministry said on Tuesday it would cut the cod quota "
    "for the coming season by a fifth after scientists warned that stocks had fallen again.",
    "The ministry said the decision was taken together with the Russian authorities, who share the "
    "management of the stock in the Barents Sea, and that it would be reviewed next year.",
    "Fishing groups in the north of the country said the cut would cost jobs in small harbours, "
    "while environmental groups said it did not go far enough to protect the young fish.",
]


def news_page(published_meta: bool = True) -> str:
    card = ("<span class='card'><a href='/p/1'>Kari Olsen</a><a href='/s/2'>Earlier story one</a>"
            "<a href='/s/3'>Earlier story two</a></span>")
    meta = "<meta property='article:published_time' content='2021-05-04T09:00:00Z'>" if published_meta else ""
    related = "".join(f"<li><a href='/r/{i}'>Related headline number {i} about fishing</a></li>" for i in range(5))
    return (f"<html><head><title>Norway cuts cod quota | Fish Daily</title>{meta}</head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
            "<article><h1>Norway cuts cod quota</h1>"
            f"<p>{BODY[0]}</p><p>{BODY[1].replace('Russian authorities', 'Russian authorities' + card)}</p>"
            f"<p style='display:none'>Hidden teaser text that nobody sees on the page at all.</p>"
            f"<p>{BODY[2]}</p><h3>More stories</h3><ul>{related}</ul></article>"
            "<footer><p>Contact us</p></footer></body></html>")


def test_main_text_is_the_article_prose():
    page = extract_page(news_page())
    assert page.paragraphs == BODY
    assert page.title.startswith("Norway cuts cod quota")
    assert page.date == "2021-05-04"


def test_article_from_a_page_falls_back_to_the_dateline_date():
    undated = build_article(RawInput(id="p", html=news_page(published_meta=False)))
    assert undated.text.startswith("OSLO, May 4 (Reuters)")
    assert "Hidden teaser" not in undated.text and "Earlier story" not in undated.text
    # no date on the page and no year anywhere: the dateline's month-day, year unknown, not guessed
    assert undated.published is None and undated.dateline.date == "XXXX-05-04"
    html = news_page(published_meta=False).replace("on Tuesday it", "on Tuesday, May 4, 2021, it")
    dated = build_article(RawInput(id="p", html=html))
    assert dated.published == "2021-05-04" and dated.dateline.date == "2021-05-04"
    assert dated.raw_page == html and "raw_page" not in dated.to_dict()


def test_page_without_text_is_e109():
    with pytest.raises(DatelineError) as info:
        extract_page("<html><body><nav><a href='/a'>A</a></nav></body></html>")
    assert info.value.code == "E109"


@pytest.mark.slow
@pytest.mark.devdata
def test_html_suite_beats_plain_trafilatura(data_dir, nlp):
    # On the pages `extract` keeps: the suite's html.f1 also scores the pages it rejects as not
    # English (E108) as 0, which says nothing of how well a page's text is found.
    from dateline.evaluation import html
    from dateline.evaluation.records import extract_records

    rows = html.load(data_dir)[:30]
    records = extract_records(html.inputs(rows), nlp=nlp)
    kept = [r for r in rows if (records[r["id"]].get("error") or {}).get("code") != "E108"]
    assert len(kept) >= 20
    ours = html.score(kept, records).metrics["html.f1"]
    assert ours >= html.trafilatura_anchor(kept, records).metrics["html.trafilatura_f1"]


def _story_page(extra_inside: str = "", extra_after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return ("<html><head><title>Norway cuts cod quota</title></head><body>"
            f"<article><h1>Norway cuts cod quota</h1>{paragraphs}{extra_inside}</article>"
            f"{extra_after}</body></html>")


def test_teaser_articles_nested_in_the_story_are_dropped():
    teasers = "".join(
        f"<article class='card'><h3>Other story {i}</h3><p>A farmer in the valley said the harvest of "
        f"apples this autumn was the best in years, and that prices held steady at market number {i}.</p>"
        "</article>" for i in range(3))
    page = extract_page(_story_page(extra_inside=teasers))
    assert page.paragraphs == BODY


def test_embedded_post_in_a_social_wrapper_is_kept():
    tweet = ("<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>The quota cut "
             "is a hard blow for the small harbours of the north coast, and we will fight it.</p>"
             "— Coastal Fishers (@fishers) <a href='https://twitter.com/x/status/1'>May 4, 2021</a>"
             "</blockquote><script src='https://platform.twitter.com/widgets.js'></script></div>")
    html = _story_page().replace(f"<p>{BODY[1]}</p>", f"<p>{BODY[1]}</p>{tweet}")
    text = " ".join(extract_page(html).paragraphs)
    assert "hard blow for the small harbours" in text


MORE = [
    "Officials at the ministry said the quota would be set again in the spring once a new survey of "
    "the stock had been carried out by the marine research institute in Bergen.",
    "Trawler owners said they had expected a smaller cut and would ask the government for help to "
    "cover the cost of laying up part of the fleet during the coming winter months.",
    "The fisheries minister is due to meet the owners and the unions in Tromso next week, her office "
    "said, and will present the final figures to parliament before the end of the year.",
]


def test_article_split_over_twin_containers_is_read_whole():
    def chunk(paragraphs: list[str]) -> str:
        inner = "".join(f"<p>{p}</p>" for p in paragraphs)
        return f"<div class='grid'><div class='article-body chunk'>{inner}</div></div>"

    ad = "<div class='grid'><div class='ad-slot'><a href='/ad'>Advertisement</a></div></div>"
    html = ("<html><head><title>Norway cuts cod quota</title></head><body><main><h1>Norway cuts cod quota</h1>"
            f"<div class='chunks'>{chunk(BODY)}{ad}{chunk(MORE)}</div></main>"
            "<footer><p>About us. Contact. Jobs.</p></footer></body></html>")
    page = extract_page(html)
    assert page.paragraphs == BODY + MORE


def test_recovery_puts_back_skipped_prose_in_place_and_no_furniture():
    from dateline.article.page import load_tree, recover_missed_prose

    html = ("<html><body><div class='story'>" + "".join(f"<p>{p}</p>" for p in BODY + MORE)
            + "<p class='byline'>Kari Olsen is a staff writer who covers the fishing industry from Oslo.</p>"
            "</div></body></html>")
    kept = BODY + MORE[1:]  # pretend the extractor skipped one paragraph in the middle
    assert recover_missed_prose(kept, load_tree(html)) == BODY + MORE


def test_press_release_boilerplate_at_the_end_is_trimmed():
    from dateline.article.page import trim_publisher_tail

    about = ("Nordfisk is a leading supplier of frozen seafood to retailers in northern Europe, "
             "with plants in three countries.")
    assert trim_publisher_tail([*BODY, "About Nordfisk", about]) == BODY
    # the same sentence inside the story, with story after it, stays
    assert trim_publisher_tail([BODY[0], about, BODY[1]]) == [BODY[0], about, BODY[1]]
