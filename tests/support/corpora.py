"""Tiny research corpora of our own, in the formats `claimtrace train` reads."""

from __future__ import annotations

from pathlib import Path

ARTICLES = [
    "The mayor said the bridge would reopen in May.\n\nResidents told reporters they were relieved.",
    "Police said two men were arrested.\n\nA spokesman declined to comment on the charges.",
]


def write_polnear(directory: Path, copies: int = 1) -> None:
    """A PolNeAR-style split (brat standoff) of our own two articles, each written `copies` times (a split
    with a held-out fifth and folds needs more than two)."""
    (directory / "text").mkdir(parents=True)
    (directory / "attributions").mkdir()
    for number, text in enumerate(ARTICLES * copies):
        name = f"tiny_{number}"
        (directory / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        cue = text.index(" said ") + 1
        end = text.index(".")
        lines = [
            f"T1\tSource 0 {cue - 1}\t{text[: cue - 1]}",
            f"T2\tCue {cue} {cue + 4}\tsaid",
            f"T3\tContent {cue + 5} {end}\t{text[cue + 5 : end]}",
            f"T4\tAttribution {cue} {cue + 4}\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        ]
        (directory / "attributions" / f"{name}_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
