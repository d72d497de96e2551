"""Linking: credited outlets, reprints, claim clusters and their provenance, on articles written here."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.analyze import lexicon
from claimtrace.analyze.lexicon import same_outlet
from claimtrace.link.columns import link_columns
from claimtrace.link.linker import link_store
from claimtrace.link.outlets import credited_outlets, outlets_in
from claimtrace.link.provenance import Report, trace
from claimtrace.link.reprints import REPRINT_NUM_PERM, reprint_clusters, reprint_pairs
from claimtrace.link.text import content_tokens, shingle_hashes, signature
from claimtrace.store import queries as q
from claimtrace.store.db import connect
from claimtrace.store.write import store_record
from test_store import make_record


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        (
            "The plan was shelved, according to a report by the Lakeside Tribune citing two aides.",
            "Lakeside Tribune",
        ),
        ("The plan was shelved, the Morning Ledger Post reported on Friday.", "Morning Ledger Post"),
        ("The plan was shelved, citing Reuters.", "Reuters"),
        ("A minister told the Financial Times that the plan was shelved.", "Financial Times"),
        ("The plan was shelved, as reported by The Granite Herald.", "Granite Herald"),
        ("In an interview with the BBC, the minister said the plan was shelved.", "BBC"),
        # an outlet the attribution lexicon knows by its whole name, no media word in it
        ("The plan was shelved, National Review reported.", "National Review"),
        # a name ends at the line's end, not in the next paragraph
        (
            "The plan was shelved, according to the Granite Herald.\n\nOn Monday the minister left.",
            "Granite Herald",
        ),
    ],
)
def test_credit_phrases_name_the_outlet(sentence: str, outlet: str) -> None:
    assert outlets_in(sentence) == [outlet]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan was shelved, according to three officials in Brussels.",
        "Citing Western intelligence, the minister said the plan was shelved.",
        "The plan was shelved, Prime Minister Olafsen told Parliament.",
    ],
)
def test_people_and_places_are_not_outlets(sentence: str) -> None:
    assert outlets_in(sentence) == []


@pytest.mark.parametrize(
    ("name", "is_outlet"),
    [
        ("the Granite Herald", True),
        ("Kommersant", True),
        ("the Evening Standard", True),
        ("The Sun", True),
        ("The Baltimore Sun", True),
        # a government agency, a person named Sun, lower-case descriptions: sources, not outlets
        ("the Environmental Protection Agency", False),
        ("Sun Wei", False),
        ("an industry insider", False),
        ("the daily briefing", False),
    ],
)
def test_outlet_names_need_a_capitalised_media_word(name: str, is_outlet: bool) -> None:
    assert lexicon.is_outlet(name, credit=True) is is_outlet


def test_short_forms_match_the_full_outlet_name() -> None:
    assert same_outlet("the Post", "The Washington Post")
    assert same_outlet("washingtonpost.com", "Washington Post")
    assert not same_outlet("Reuters", "The Washington Post")


def test_credit_follows_the_chain_and_expands_short_forms() -> None:
    text = (
        "The Harbour Post first reported the talks last week. The ceasefire talks will start in May, "
        "the Post reported, citing two diplomats."
    )
    record = make_record(
        "r",
        text,
        "Valley Wire",
        "2025-01-02",
        [
            {
                "source": "the Post",
                "cue": "reported",
                "content": "The ceasefire talks will start in May",
                "type": "media",
            },
            {
                "source": "two diplomats",
                "cue": "citing",
                "content": "The ceasefire talks will start in May",
                "parent": "a1",
            },
        ],
    )
    assert credited_outlets(record) == {"a1": "Harbour Post", "a2": "Harbour Post"}


def test_an_outlet_crediting_itself_credits_nobody() -> None:
    text = "A senior aide told the Harbour Post that the budget will be cut."
    record = make_record(
        "r",
        text,
        "Harbour Post",
        "2025-01-02",
        [{"source": "A senior aide", "cue": "told", "content": "the budget will be cut"}],
    )
    assert credited_outlets(record) == {}


ORIGINAL = (
    "Officials in Tarrow said the desalination plant will be sold to a private operator before the "
    "winter. The sale has divided the city council, which meets on Thursday to debate the budget. "
    "Opposition members want a public hearing and have collected four thousand signatures in a week. "
)


def _rewrite(text: str, rng: random.Random) -> str:
    sentences = text.split(". ")
    sentences[rng.randrange(len(sentences))] = "Residents queued for water permits on the esplanade"
    return ". ".join(sentences) + " This article was first published by the Tarrow Gazette."


def test_reprints_and_rewrites_are_found_and_unrelated_articles_are_not() -> None:
    rng = random.Random(3)
    body = ORIGINAL * 3
    unrelated = (
        "The river festival drew record crowds despite the rain. Organisers said more boats entered "
        "the parade than in any year since the bridge was rebuilt. "
    ) * 3
    texts = [body, unrelated, body, _rewrite(body, rng), "The weather was mild."]
    signatures = np.stack([signature(shingle_hashes(t), REPRINT_NUM_PERM) for t in texts])
    pairs = reprint_pairs(list(range(1, len(texts) + 1)), signatures)
    assert {(p.first, p.second) for p in pairs} == {(1, 3), (1, 4), (3, 4)}
    assert reprint_clusters(pairs) == {1: [1, 3, 4]}


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(0, 2000), min_size=20, max_size=200), st.sets(st.integers(0, 2000), max_size=200))
def test_signature_agreement_estimates_jaccard(first: set[int], second: set[int]) -> None:
    a = np.array(sorted(first), dtype=np.uint64)
    b = np.array(sorted(first | second), dtype=np.uint64)
    truth = len(first) / len(first | second)
    estimate = float(np.mean(signature(a, 256) == signature(b, 256)))
    assert abs(estimate - truth) < 0.2


def test_content_tokens_ignore_function_words_and_inflection() -> None:
    assert content_tokens("The talks were signalled by the ministers") == ["talk", "signall", "minister"]


# Three outlets report one claim: the original with its own anonymous sources, a re-report crediting it, and a
# re-report that adds a source of its own.
WIRE = make_record(
    "wire",
    "Norvik is ready to reopen the northern rail crossing to freight, according to three people familiar "
    "with the talks.",
    "Harbour Post",
    "2025-02-01",
    [
        {
            "source": "three people familiar with the talks",
            "cue": "according to",
            "content": "Norvik is ready to reopen the northern rail crossing to freight",
        }
    ],
)
REREPORT = make_record(
    "rereport",
    "Norvik is ready to reopen the northern rail crossing to freight, the Harbour Post reported, citing "
    "three people familiar with the talks.",
    "Valley Wire",
    "2025-02-02",
    [
        {
            "source": "the Harbour Post",
            "cue": "reported",
            "type": "media",
            "content": "Norvik is ready to reopen the northern rail crossing to freight",
        },
        {
            "source": "three people familiar with the talks",
            "cue": "citing",
            "parent": "a1",
            "content": "Norvik is ready to reopen the northern rail crossing to freight",
        },
    ],
)
CONFIRMED = make_record(
    "confirmed",
    "Norvik is ready to reopen the northern rail crossing to freight, the Harbour Post reported. A transport "
    "ministry spokeswoman said Norvik was ready to reopen the northern crossing to rail freight.",
    "Eastern Courier",
    "2025-02-03",
    [
        {
            "source": "the Harbour Post",
            "cue": "reported",
            "type": "media",
            "content": "Norvik is ready to reopen the northern rail crossing to freight",
        },
        {
            "source": "A transport ministry spokeswoman",
            "cue": "said",
            "type": "person",
            "content": "Norvik was ready to reopen the northern crossing to rail freight",
        },
    ],
)
UNRELATED = make_record(
    "unrelated",
    "The finance minister said the harbour tax will rise next year.",
    "Eastern Courier",
    "2025-01-15",
    [
        {
            "source": "The finance minister",
            "cue": "said",
            "content": "the harbour tax will rise next year",
            "type": "person",
        }
    ],
)


@pytest.fixture
def linked(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "linked.db")
    with conn:
        # Stored out of date order: the earliest report is decided by date, not by ingest order.
        for number, record in enumerate([REREPORT, CONFIRMED, WIRE, UNRELATED]):
            store_record(conn, record, f"hash-{number}", record["id"], link=link_columns(record))
    link_store(conn)
    return conn


def test_the_same_claim_across_outlets_is_one_cluster(linked: sqlite3.Connection) -> None:
    clusters = q.list_claim_clusters(linked)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster["n_articles"] == 3 and cluster["n_outlets"] == 3
    unrelated = q.query_claims(linked, q.ClaimFilters(text="harbour tax"))[0]
    assert unrelated["claim_id"] != cluster["claim_id"] and unrelated["claim_articles"] == 1


def test_trace_gives_earliest_report_credited_origin_and_own_sourcing(linked: sqlite3.Connection) -> None:
    claim_id = q.list_claim_clusters(linked)[0]["claim_id"]
    result = q.trace_claim(linked, claim_id)
    assert result is not None
    assert result["claim"]["first_published"] == "2025-02-01"
    assert result["claim"]["credited_outlet"] == "Harbour Post"
    assert result["claim"]["credited_basis"] == "credited"
    chain = {link["outlet"]: link for link in result["chain"]}
    assert [link["outlet"] for link in result["chain"]] == ["Harbour Post", "Valley Wire", "Eastern Courier"]
    assert chain["Harbour Post"]["is_origin"]
    assert chain["Valley Wire"]["credits"] == "Harbour Post"
    assert chain["Valley Wire"]["cites_article_id"] == chain["Harbour Post"]["article_id"]
    assert not chain["Valley Wire"]["adds_own_sourcing"]
    assert chain["Eastern Courier"]["adds_own_sourcing"]
    assert chain["Eastern Courier"]["own_sources"] == ["A transport ministry spokeswoman"]
    assert len(result["mentions"]) == 5


def test_linking_twice_gives_the_same_tables(linked: sqlite3.Connection) -> None:
    def snapshot() -> list[list[tuple]]:
        return [
            linked.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
            for t in ("claims", "claim_articles", "links")
        ]

    before = [[tuple(r) for r in table] for table in snapshot()]
    link_store(linked)
    assert [[tuple(r) for r in table] for table in snapshot()] == before


def test_credited_outlet_outside_the_corpus() -> None:
    reports = [
        Report(
            1,
            10,
            "2025-03-02",
            "Valley Wire",
            "x",
            credits="Morning Ledger",
            sources=(("two aides", "anonymous"),),
        ),
        Report(
            2,
            11,
            "2025-03-01",
            "Eastern Courier",
            "x",
            credits="the Morning Ledger",
            sources=(("two aides", "anonymous"),),
        ),
        Report(3, 11, "2025-03-01", "Eastern Courier", "x", sources=(("the harbour master", "person"),)),
    ]
    provenance = trace(reports)
    assert provenance.credited_outlet == "Morning Ledger"
    assert provenance.earliest_article_id == 11
    assert not any(link.is_origin for link in provenance.articles)
    adds = {link.article_id: link.own_sources for link in provenance.articles}
    assert adds == {11: ["the harbour master"], 10: []}


def test_without_credit_the_earliest_report_is_the_origin() -> None:
    reports = [
        Report(1, 10, "2025-03-02", "Valley Wire", "x", sources=(("a port official", "person"),)),
        Report(2, 11, None, "Eastern Courier", "x", sources=(("a port official", "person"),)),
        Report(3, 12, "2025-03-01", "Harbour Post", "x", sources=(("a dock worker", "person"),)),
    ]
    provenance = trace(reports)
    assert (provenance.credited_outlet, provenance.credited_basis) == ("Harbour Post", "earliest")
    assert [link.article_id for link in provenance.articles] == [12, 10, 11]  # undated last
    assert {link.article_id for link in provenance.articles if link.adds_own_sourcing} == {10, 11}
