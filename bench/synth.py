"""Synthetic news for benchmarks: articles with attributed claims, reprints, re-reports that credit the
original outlet, and bad records.

Everything here is invented: fictional states, ministries and outlets, and sentence templates written for
this generator. Each article knows where its sources, cues and claims sit, so `to_record` builds a
claimtrace/1 record without spaCy — how the 100,000-article query benchmark fills a store quickly.

    python bench/synth.py 1000 --out corpus.jsonl   # JSONL for `claimtrace ingest`
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

STATES = [
    "Arvania",
    "Belmora",
    "Costavia",
    "Drenland",
    "Eskaria",
    "Fennmark",
    "Galvenia",
    "Harrowmere",
    "Istrova",
    "Jorvik Republic",
    "Kelmaris",
    "Lunthia",
]
GROUPS = [
    "the Harbour Workers' Union",
    "the Northern Alliance",
    "the River Council",
    "the Grain Exporters' Guild",
    "the Coastal League",
    "the Frontier Assembly",
]
OUTLETS = [
    ("Meridian Wire", "meridianwire.example"),
    ("Northgate Post", "northgatepost.example"),
    ("Lakeshore Journal", "lakeshorejournal.example"),
    ("Capital Herald", "capitalherald.example"),
    ("Valley News", "valleynews.example"),
    ("Harbor Times", "harbortimes.example"),
    ("Eastbridge Daily", "eastbridgedaily.example"),
    ("Summit Radio", "summitradio.example"),
]
ANONYMOUS = [
    "two officials familiar with the negotiations",
    "a senior diplomat who attended the meeting",
    "three people briefed on the discussions",
    "a person close to the ministry",
    "several current and former defence officials",
    "an adviser to the cabinet",
    "two members of the delegation",
    "a regional envoy who asked not to be named",
]
NAMED = [
    ("Foreign Minister Ilsa Varn", "person"),
    ("the Ministry of Trade", "government"),
    ("Defence Secretary Tomas Reld", "person"),
    ("the presidential office", "government"),
    ("the central bank", "organization"),
    ("spokeswoman Mira Oduya", "person"),
]
CLAIMS = [  # (template, PLOVER type, status)
    ("{a} is prepared to open talks with {b} on a ceasefire", "CONSULT", "intended"),
    ("{a} could resume grain shipments to {b} within weeks", "COOPERATE", "hypothetical"),
    ("{a} has withdrawn its ambassador from {b}", "REDUCE", "asserted"),
    ("{a} will sign a border agreement with {b} before the summer", "AGREE", "future"),
    ("{a} rejected a proposal from {b} to extend the truce", "REJECT", "negated"),
    ("{a} moved artillery units towards the border with {b}", "MOBILIZE", "asserted"),
    ("{a} demanded that {b} release the detained fishermen", "DEMAND", "asserted"),
    ("{a} is considering new sanctions against {b}", "COERCE", "hypothetical"),
    ("{a} offered to mediate between {b} and its neighbours", "COOPERATE", "intended"),
    ("{a} accused {b} of violating the airspace agreement", "ACCUSE", "asserted"),
]
CERTAINTIES = [(3.0, "certain"), (2.0, "probable"), (1.0, "possible"), (0.0, "unknown"), (-3.0, "negated")]
# Background sentences are composed from three parts, so unrelated articles share few word 3-grams.
FILLER_SUBJECTS = [
    "Trade between the neighbours",
    "Fuel prices in the border towns",
    "The fishing fleet",
    "Grain exports through the northern ports",
    "Attendance at the weekly markets",
    "Traffic at the main crossing",
    "The river ferry service",
    "Employment in the mining valleys",
    "The cost of imported medicine",
    "Tourism along the southern coast",
    "Rail freight volume",
    "Support for the governing party",
]
FILLER_PREDICATES = [
    "has fallen sharply",
    "rose by {n} percent",
    "recovered slowly",
    "has barely changed",
    "doubled",
    "dropped to a {n}-year low",
    "climbed steadily",
    "was cut by a third",
    "stalled",
    "has become a campaign issue",
]
FILLER_TAILS = [
    "since the dispute began",
    "over the past {n} months",
    "after the floods in {s}",
    "according to figures published on {day}",
    "despite repeated promises from {s}",
    "as talks dragged on",
    "during the long winter",
    "since the last round of negotiations",
    "under the new customs rules",
    "while the border stayed closed",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@dataclass
class Claim:
    source: str
    source_type: str
    cue: str
    content: str
    event_type: str
    status: str
    actor: str
    target: str
    certainty: tuple[float, str]
    credits: str | None = None  # outlet credited ("the Northgate Post reported")
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Article:
    id: str
    outlet: str
    site: str
    published: str
    title: str
    text: str
    claims: list[Claim]
    reprint_of: str | None = None  # the article this one reprints or rewrites (ground truth for benchmarks)

    def jsonl(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "text": self.text,
                "url": f"https://{self.site}/{self.id}",
                "published": self.published,
            },
            ensure_ascii=False,
        )


class _Writer:
    """Builds article text while recording where each claim's roles start and end."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _claim(rng: random.Random) -> Claim:
    template, event_type, status = rng.choice(CLAIMS)
    a, b = rng.sample(STATES, 2)
    content = template.format(a=a, b=b)
    if rng.random() < 0.5:
        source, source_type = rng.choice(ANONYMOUS), "anonymous"
    else:
        source, source_type = rng.choice(NAMED)
    return Claim(
        source=source,
        source_type=source_type,
        cue="said",
        content=content,
        event_type=event_type,
        status=status,
        actor=a,
        target=b,
        certainty=rng.choice(CERTAINTIES),
    )


def _write_claim(writer: _Writer, claim: Claim, rng: random.Random) -> None:
    """One attribution sentence in one of several shapes; records spans into claim.spans."""
    shape = rng.randrange(3) if claim.credits is None else 3
    if shape == 0:  # "Content, source said."
        claim.spans["content"] = writer.add(claim.content[0].upper() + claim.content[1:])
        writer.add(", ")
        claim.spans["source"] = writer.add(claim.source)
        writer.add(" ")
        claim.cue = rng.choice(["said", "told reporters", "said in a statement"])
        claim.spans["cue"] = writer.add(claim.cue)
        writer.add(".")
    elif shape == 1:  # "According to source, content."
        claim.cue = "According to"
        claim.spans["cue"] = writer.add(claim.cue)
        writer.add(" ")
        claim.spans["source"] = writer.add(claim.source)
        writer.add(", ")
        claim.spans["content"] = writer.add(claim.content)
        writer.add(".")
    elif shape == 2:  # "Source said that content."
        claim.spans["source"] = writer.add(claim.source[0].upper() + claim.source[1:])
        writer.add(" ")
        claim.cue = "said"
        claim.spans["cue"] = writer.add(claim.cue)
        writer.add(" that ")
        claim.spans["content"] = writer.add(claim.content)
        writer.add(".")
    else:  # a re-report: "Content, the Post reported, citing source."
        claim.spans["content"] = writer.add(claim.content[0].upper() + claim.content[1:])
        writer.add(", the ")
        writer.add(claim.credits or "")
        writer.add(" reported on " + rng.choice(DAYS) + ", ")
        claim.cue = "citing"
        claim.spans["cue"] = writer.add(claim.cue)
        writer.add(" ")
        claim.spans["source"] = writer.add(claim.source)
        writer.add(".")
    writer.add(" ")


def _filler(rng: random.Random) -> str:
    sentence = " ".join(
        (rng.choice(FILLER_SUBJECTS), rng.choice(FILLER_PREDICATES), rng.choice(FILLER_TAILS))
    )
    return sentence.format(n=rng.randint(2, 12), day=rng.choice(DAYS), s=rng.choice(STATES)) + ". "


def _compose(
    article_id: str,
    outlet: tuple[str, str],
    published: date,
    claims: list[Claim],
    rng: random.Random,
    paragraphs: int,
) -> Article:
    writer = _Writer()
    slots = sorted(rng.sample(range(paragraphs), min(len(claims), paragraphs)))
    queue = list(claims)
    for index in range(paragraphs):
        if queue and index in slots:
            _write_claim(writer, queue.pop(0), rng)
        for _ in range(rng.randint(1, 3)):
            writer.add(_filler(rng))
        writer.add("\n\n")
    title = claims[0].content if claims else "News from the region"
    return Article(
        article_id, outlet[0], outlet[1], published.isoformat(), title, writer.text().strip() + "\n", claims
    )


def generate(
    n: int,
    seed: int = 7,
    reprint_rate: float = 0.1,
    rereport_rate: float = 0.15,
    paragraphs: tuple[int, int] = (4, 8),
) -> Iterator[Article]:
    """`n` articles: originals, verbatim or lightly edited reprints, and re-reports crediting an original."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    recent: list[Article] = []
    for number in range(n):
        article_id = f"syn-{number:06d}"
        published = start + timedelta(days=number * 365 // max(n, 1))
        outlet = rng.choice(OUTLETS)
        roll = rng.random()
        if recent and roll < reprint_rate:
            original = rng.choice(recent)
            text = original.text
            if rng.random() < 0.5:  # a rewrite: one extra paragraph and a changed closing line
                text = _filler(rng) + "\n\n" + text.rsplit("\n\n", 2)[0] + "\n\n" + _filler(rng) + "\n"
            article = Article(
                article_id,
                outlet[0],
                outlet[1],
                published.isoformat(),
                original.title,
                text,
                [],
                reprint_of=original.reprint_of or original.id,
            )
            if text == original.text:
                article.claims = [Claim(**{**c.__dict__, "spans": dict(c.spans)}) for c in original.claims]
        elif recent and roll < reprint_rate + rereport_rate:
            original = rng.choice(recent)
            claims = []
            for source in original.claims[:2]:
                claim = Claim(**{**source.__dict__, "spans": {}})
                claim.credits = original.outlet
                claims.append(claim)
            claims.append(_claim(rng))
            article = _compose(article_id, outlet, published, claims, rng, rng.randint(*paragraphs))
        else:
            claims = [_claim(rng) for _ in range(rng.randint(2, 6))]
            article = _compose(article_id, outlet, published, claims, rng, rng.randint(*paragraphs))
        recent.append(article)
        if len(recent) > 200:
            recent.pop(0)
        yield article


BAD_LINES = ['{"id": "broken-', '{"id": "empty", "text": ""}', '{"id": "neither"}', "[1, 2, 3]"]


def jsonl_lines(n: int, seed: int = 7, bad_rate: float = 0.01) -> Iterator[str]:
    """JSONL for `claimtrace ingest`: the articles of `generate`, with a share of bad lines among them."""
    rng = random.Random(seed + 1)
    for article in generate(n, seed):
        if rng.random() < bad_rate:
            yield rng.choice(BAD_LINES)
        yield article.jsonl()


def _role(text: str, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": text[span[0] : span[1]], "spans": [[span[0], span[1]]]}


def to_record(article: Article) -> dict[str, Any]:
    """A claimtrace/1 record built from what the generator knows (no spaCy): one attribution and one event per
    claim."""
    attributions, events = [], []
    for number, claim in enumerate(article.claims, 1):
        if "content" not in claim.spans:
            continue
        content = _role(article.text, claim.spans["content"])
        attributions.append(
            {
                "id": f"a{number}",
                "kind": "according_to" if claim.cue == "According to" else "indirect",
                "source": _role(article.text, claim.spans.get("source")),
                "cue": _role(article.text, claim.spans.get("cue")),
                "content": content,
                "parent": None,
                "source_profile": {
                    "type": claim.source_type,
                    "name": None,
                    "count": None,
                    "role": None,
                    "affiliation": None,
                    "former": False,
                    "resolved_to": None,
                },
                "certainty": {"value": claim.certainty[0], "label": claim.certainty[1], "cues": []},
            }
        )
        start = claim.spans["content"][0]
        actor_end = start + len(claim.actor)
        events.append(
            {
                "id": f"e{number}",
                "type": claim.event_type,
                "mode": None,
                "context": [],
                "trigger": {
                    "text": article.text[actor_end + 1 : actor_end + 5],
                    "spans": [[actor_end + 1, actor_end + 5]],
                },
                "actor": {"text": article.text[start:actor_end], "spans": [[start, actor_end]]},
                "target": None,
                "status": claim.status,
                "certainty": claim.certainty[0],
                "attribution": f"a{number}",
            }
        )
    return {
        "schema": "claimtrace/1",
        "id": article.id,
        "text": article.text,
        "meta": {
            "title": article.title,
            "url": f"https://{article.site}/{article.id}",
            "site": article.outlet,
            "language": "en",
            "published": article.published,
            "published_basis": "given",
        },
        "removed": [],
        "related": [],
        "entities": [],
        "times": [],
        "attributions": attributions,
        "events": events,
        "factuality": [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bad-rate", type=float, default=0.01)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as handle:
        for line in jsonl_lines(args.n, args.seed, args.bad_rate):
            handle.write(line + "\n")


if __name__ == "__main__":
    main()
