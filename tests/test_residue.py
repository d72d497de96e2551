"""The scraped-text cleaner: template tags, page furniture and related blocks out, every sentence kept."""

from __future__ import annotations

import re

import pytest

from claimtrace.extract.residue import clean_scraped_text

ARTICLE_SENTENCES = [
    "Port negotiators met again on Thursday, according to two officials briefed on the talks.",
    "A senior union representative who attended the meeting said the offer was not enough.",
    "\u201cWe will not sign this,\u201d she told reporters outside the building.",
    "The harbour authority declined to comment, citing the confidentiality of the process.",
    "Shipping companies warned that delays could spread to inland depots by the end of the month.",
]

SCRAPED_PAGE = f"""{{{{#showVideo}}}}{{{{/showVideo}}}}
Skip to main content
Home | News | Business | Ports
Dockside Talks Drag On as Union Rejects Pension Offer
Share this article
{ARTICLE_SENTENCES[0]}
{{% if ad %}}Advertisement{{% endif %}}
{ARTICLE_SENTENCES[1]} {ARTICLE_SENTENCES[2]}
Read more
{ARTICLE_SENTENCES[3]}{{{{{{inline_ad}}}}}}
<%= sponsor_banner %>
Sign up for our newsletter
{ARTICLE_SENTENCES[4]}Load more
Show comments
More Stories
Council Approves New Ferry Terminal Budget
Dock workers vote on strike action next month
Why Port Cities Are Betting on Hydrogen
"""


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_scraped_page_loses_its_residue_and_keeps_every_sentence() -> None:
    cleaned = clean_scraped_text(SCRAPED_PAGE)
    for sentence in ARTICLE_SENTENCES:
        assert sentence in squeeze(cleaned.text), sentence
    for residue in (
        "{{",
        "{%",
        "<%",
        "Advertisement",
        "Read more",
        "Load more",
        "Show comments",
        "newsletter",
        "Skip to",
        "Home |",
        "Share this",
        "More Stories",
        "Ferry Terminal",
        "Hydrogen",
    ):
        assert residue not in cleaned.text, residue
    assert cleaned.text.startswith("Dockside Talks Drag On as Union Rejects Pension Offer\n")
    assert cleaned.text.endswith("inland depots by the end of the month.")


def test_every_removed_piece_is_listed_with_its_reason() -> None:
    removed = {(r.text, r.reason) for r in clean_scraped_text(SCRAPED_PAGE).removed}
    assert {
        ("{{#showVideo}}", "template"),
        ("{{/showVideo}}", "template"),
        ("{% if ad %}", "template"),
        ("{% endif %}", "template"),
        ("{{{inline_ad}}}", "template"),
        ("<%= sponsor_banner %>", "template"),
        ("Skip to main content", "nav"),
        ("Home | News | Business | Ports", "nav"),
        ("Share this article", "ui"),
        ("Advertisement", "ad"),
        ("Read more", "ui"),
        ("Sign up for our newsletter", "ui"),
        ("Load more", "ui"),
        ("Show comments", "ui"),
        ("More Stories", "related"),
        ("Council Approves New Ferry Terminal Budget", "related"),
    } <= removed


def test_related_headlines_are_captured_in_order() -> None:
    related = clean_scraped_text(SCRAPED_PAGE).related
    assert [r.title for r in related] == [
        "Council Approves New Ferry Terminal Budget",
        "Dock workers vote on strike action next month",
        "Why Port Cities Are Betting on Hydrogen",
    ]


@pytest.mark.parametrize(
    "tag",
    [
        "{{ reporter.name }}",
        "{{> byline}}",
        "{{^premium}}",
        "{{!note}}",
        "{# hidden #}",
        "<% if paywall %>",
        "<%# comment %>",
        "{%- block body -%}",
    ],
)
def test_template_tags_of_each_engine_are_removed(tag: str) -> None:
    cleaned = clean_scraped_text(
        f"The mayor opened the bridge on Friday.{tag} Traffic resumed an hour later."
    )
    assert cleaned.text == "The mayor opened the bridge on Friday. Traffic resumed an hour later."
    assert [(r.text, r.reason) for r in cleaned.removed] == [(tag, "template")]


def test_text_between_template_tags_is_kept() -> None:
    cleaned = clean_scraped_text("{% if premium %}Subscribers learned the vote was delayed.{% endif %}")
    assert cleaned.text == "Subscribers learned the vote was delayed."


def test_ui_strings_glued_to_sentence_edges_are_cut() -> None:
    cleaned = clean_scraped_text(
        "Continue readingThe ministry confirmed the figures on Monday.\n"
        "Analysts expect a second round of cuts.Share on Facebook\n"
        "Advertisement The bank's board meets again in June."
    )
    assert cleaned.text.split("\n") == [
        "The ministry confirmed the figures on Monday.",
        "Analysts expect a second round of cuts.",
        "The bank's board meets again in June.",
    ]
    assert [(r.text, r.reason) for r in cleaned.removed] == [
        ("Continue reading", "ui"),
        ("Share on Facebook", "ui"),
        ("Advertisement", "ad"),
    ]


def test_words_of_ui_strings_inside_sentences_stay() -> None:
    text = (
        "Readers who read more than one paper were surveyed.\n"
        "The share price fell after the advertisement campaign ended.\n"
        "He urged people to sign up for our newsletter and visit the library.\n"
        "Copyright law was not the issue, the judge said."
    )
    cleaned = clean_scraped_text(text)
    assert cleaned.text == text
    assert cleaned.removed == []


def test_inline_read_more_link_goes_to_related() -> None:
    cleaned = clean_scraped_text(
        "The airport will close its second runway for repairs.\n"
        "READ MORE: Airport expansion plan faces fresh legal challenge\n"
        "Flights will be moved to the main runway during the works."
    )
    assert [r.title for r in cleaned.related] == ["Airport expansion plan faces fresh legal challenge"]
    assert "READ MORE" not in cleaned.text and "Flights will be moved" in cleaned.text


def test_unheaded_run_of_title_cased_headlines_at_the_end_is_related() -> None:
    cleaned = clean_scraped_text(
        "The regulator fined the lender for misleading customers.\n\n"
        "Bank Shares Slide After Surprise Rate Decision\n"
        "How the New Mortgage Rules Affect First-Time Buyers\n"
        "Five Things to Watch at the Central Bank Meeting"
    )
    assert cleaned.text == "The regulator fined the lender for misleading customers."
    assert len(cleaned.related) == 3


def test_closing_sentences_and_short_sentence_case_lines_are_not_headlines() -> None:
    text = (
        "The regulator fined the lender for misleading customers.\n"
        "The fine was the largest this year.\n"
        "Reporting by a staff correspondent"
    )
    cleaned = clean_scraped_text(text)
    assert cleaned.text == text
    assert cleaned.related == []


def test_related_header_without_headlines_is_kept_as_ui_or_text() -> None:
    cleaned = clean_scraped_text(
        "The vote passed by a narrow margin.\nRelated\nThe bill now goes to the senate."
    )
    assert "The bill now goes to the senate." in cleaned.text
    assert cleaned.related == []


def test_footer_and_blank_lines_are_tidied() -> None:
    cleaned = clean_scraped_text("The storm moved north overnight.\n\n\n\n© 2023 Coast Herald Media\r\n")
    assert cleaned.text == "The storm moved north overnight."
    assert [(r.text, r.reason) for r in cleaned.removed] == [("© 2023 Coast Herald Media", "other")]


def test_ui_strings_between_two_sentences_are_cut() -> None:
    cleaned = clean_scraped_text("The talks stalled.Read moreThe envoy left. Advertisement She flew home.")
    assert cleaned.text == "The talks stalled. The envoy left. She flew home."
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Read more", "ui"), ("Advertisement", "ad")]


@pytest.mark.parametrize(
    "text",
    [
        "Read more about the plan in the council's report.",
        "Click here to see why, the leaflet said.",
        "He said: Share this article with nobody.",
        "All rights reserved, the label insisted, belonged to the composer.",
    ],
)
def test_ui_words_that_start_a_real_sentence_stay(text: str) -> None:
    assert clean_scraped_text(text).text == text
