"""extract(): HTML through trafilatura with metadata, scraped text through the cleaner, language detection."""

from __future__ import annotations

import pytest

from claimtrace.errors import InputError
from claimtrace.extract import extract
from claimtrace.record import RawInput
from claimtrace.settings import Settings

SETTINGS = Settings()
PARAGRAPHS = [
    "The regional water board said on Wednesday that reservoir levels had fallen to their lowest point in a "
    "decade, and that restrictions on garden watering would begin next month.",
    "Engineers have been asked to inspect the older pipelines in the northern districts, where leaks are "
    "thought to waste a fifth of the supply, according to a board spokesperson.",
    "Farmers in the valley told the board that their irrigation quotas were already too small to keep "
    "orchards alive through another dry summer.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
FOOTER = "<footer><p>Copyright © 2011 Valley Courier Media Group. All rights reserved.</p></footer>"


def page(head: str = "", body: str = BODY, after: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Reservoirs at decade low | Valley Courier</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
        f"<article><h1>Reservoirs at decade low</h1>{body}</article>{after}{FOOTER}</body></html>"
    )


def html_input(html: str, **kwargs: str) -> RawInput:
    return RawInput(id="water-1", origin="water.html", html=html, **kwargs)


def test_html_body_title_site_and_paragraphs() -> None:
    document = extract(html_input(page('<meta property="og:site_name" content="Valley Courier">')), SETTINGS)
    assert document.id == "water-1"
    for paragraph in PARAGRAPHS:
        assert paragraph in document.text
    assert "\n\n".join(PARAGRAPHS) in document.text  # paragraphs separated by blank lines
    assert "Home" not in document.text and "Copyright" not in document.text
    assert document.meta.title == "Reservoirs at decade low"
    assert document.meta.site == "Valley Courier"
    assert document.meta.language == "en"


@pytest.mark.parametrize(
    "head_or_body",
    [
        ('<meta property="article:published_time" content="2023-06-14T09:30:00Z">', BODY),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Reservoirs at decade low", "datePublished": "2023-06-14T09:30:00+02:00"}</script>',
            BODY,
        ),
        (
            "",
            '<p class="byline">By a staff writer, <time datetime="2023-06-14">June 14, 2023</time></p>'
            + BODY,
        ),
    ],
)
def test_publication_date_comes_from_metadata(head_or_body: tuple[str, str]) -> None:
    head, body = head_or_body
    document = extract(html_input(page(head, body)), SETTINGS)
    assert (document.meta.published, document.meta.published_basis) == ("2023-06-14", "metadata")


def test_a_footer_copyright_year_is_not_a_publication_date() -> None:
    document = extract(html_input(page()), SETTINGS)
    assert document.meta.published is None
    assert document.meta.published_basis == "none"


def test_a_date_given_by_the_caller_wins() -> None:
    html = page('<meta property="article:published_time" content="2023-06-14T09:30:00Z">')
    document = extract(html_input(html, published="2023-06-20"), SETTINGS)
    assert (document.meta.published, document.meta.published_basis) == ("2023-06-20", "given")


def test_url_and_site_from_the_caller_and_related_links_on_the_site_made_absolute() -> None:
    related = (
        "<aside><h2>Related stories</h2><ul>"
        '<li><a href="/news/dam-repairs">Dam repairs to start before the autumn rains</a></li>'
        '<li><a href="https://old.valleycourier.example/dry">Drought spreads across the plains</a></li>'
        '<li><a href="https://shop.example/barrel?ref=courier">Buy a rain barrel for your garden</a></li>'
        '<li><a href="/business">More from Business</a></li>'
        '<li><a href="/about">About</a></li></ul></aside>'
    )
    html = page(after=related)
    document = extract(html_input(html, url="https://www.valleycourier.example/news/reservoirs"), SETTINGS)
    assert document.meta.url == "https://www.valleycourier.example/news/reservoirs"
    assert document.meta.site in ("Valley Courier", "valleycourier.example")
    assert [(r.title, r.url) for r in document.related] == [
        (
            "Dam repairs to start before the autumn rains",
            "https://www.valleycourier.example/news/dam-repairs",
        ),
        ("Drought spreads across the plains", "https://old.valleycourier.example/dry"),
    ]  # the shop link is off the site, "More from Business" names a section
    assert "Dam repairs" not in document.text


def test_related_block_found_by_its_class() -> None:
    block = (
        '<div class="more-stories-widget"><a href="/a">Council backs new desalination plant plan</a>'
        '<a href="/b">Why the valley aquifer is shrinking</a></div>'
    )
    document = extract(html_input(page(after=block), url="https://valleycourier.example/x"), SETTINGS)
    assert [r.title for r in document.related] == [
        "Council backs new desalination plant plan",
        "Why the valley aquifer is shrinking",
    ]


def test_malformed_html_does_not_crash() -> None:
    broken = (
        "<html><body><div><p>" + PARAGRAPHS[0] + "<p><b><i>" + PARAGRAPHS[1] + "</div></span></td><<>>&&;"
    )
    document = extract(html_input(broken), SETTINGS)
    assert "reservoir levels had fallen" in document.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html></html>",
        "<<<>>>",
    ],
)
def test_html_without_article_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(html_input(html), SETTINGS)
    assert str(caught.value).startswith("water.html: ")
    assert caught.value.record_id == "water-1"


def test_plain_text_is_verbatim_without_cleaning() -> None:
    text = "{{#showVideo}}{{/showVideo}}\r\nThe board met.Read more\n\n\n  "
    document = extract(RawInput(id="t", origin="t.txt", text=text), Settings(clean=False))
    assert document.text == text
    assert document.removed == [] and document.related == []


def test_plain_text_is_cleaned_by_default() -> None:
    text = "{{#showVideo}}{{/showVideo}}\nThe board met on Monday.Read more\n"
    document = extract(RawInput(id="t", origin="t.txt", text=text, url="https://news.example/a"), SETTINGS)
    assert document.text == "The board met on Monday."
    assert document.meta.url == "https://news.example/a" and document.meta.site == "news.example"
    assert {r.reason for r in document.removed} == {"template", "ui"}


def test_text_that_is_only_residue_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text after cleaning"):
        extract(RawInput(id="t", origin="t.txt", text="{{ad}}\nAdvertisement\nRead more\n"), SETTINGS)


def test_language_is_detected_and_short_text_is_english() -> None:
    spanish = (
        "El ayuntamiento anunció el miércoles que las restricciones de agua comenzarán el próximo mes, "
        "después de que los embalses alcanzaran su nivel más bajo en una década."
    )
    assert extract(RawInput(id="es", origin="es.txt", text=spanish), SETTINGS).meta.language == "es"
    assert extract(RawInput(id="en", origin="en.txt", text="Rain at last."), SETTINGS).meta.language == "en"
    assert extract(RawInput(id="en", origin="en.txt", text=PARAGRAPHS[0]), SETTINGS).meta.language == "en"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>The ferry resumed.</p><p>Timetables follow.</p>", "The ferry resumed.\n\nTimetables follow."),
        (
            "The ferry operator resumed crossings on Monday.",
            "The ferry operator resumed crossings on Monday.",
        ),
    ],
)
def test_html_fragments_and_bare_text_in_an_html_field(html: str, text: str) -> None:
    assert extract(html_input(html), SETTINGS).text == text


def test_headed_related_block_left_in_the_extracted_body_goes_to_related() -> None:
    headlines = "<p>Storm Forces Ferry Cancellations Across the Channel</p><p>Harbour Repairs Begin</p>"
    tail = f"<h2>Related</h2>{headlines}"
    document = extract(html_input(page(body=BODY + tail)), SETTINGS)
    assert document.text.endswith(PARAGRAPHS[-1])
    assert [r.title for r in document.related] == [
        "Storm Forces Ferry Cancellations Across the Channel",
        "Harbour Repairs Begin",
    ]
