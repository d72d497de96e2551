"""How language identification behaves on short texts: the evidence behind extract/language.py's thresholds.

English: the sentences of the UW and MEANTIME factuality corpora, PolNeAR and the timex corpus, and their
first lines (headlines) from ../shared/eval. Other languages: the non-English article bodies of the Zyte
extraction benchmark, cut into their sentences. For each, py3langid's guess, its confidence and the letter
count; printed: how many English texts a (letters, confidence) threshold would refuse, and how many
non-English texts it would still catch.

    python bench/bench_language.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimtrace.extract.language import MIN_CONFIDENCE, MIN_LETTERS, guess_language

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def english_texts() -> list[str]:
    texts: list[str] = []
    for corpus in ("UW", "MEANTIME"):
        for split in ("dev", "train"):
            with (EVAL / "factuality" / corpus / f"{split}.jsonl").open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines]
    for path in sorted((EVAL / "polnear").glob("*/text/*.txt")):
        body = path.read_text(encoding="utf-8")
        texts += [s for p in body.split("\n") for s in _SENTENCE_END.split(p)]
    with (EVAL / "timex" / "train.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line)["text"]
            texts += [s for p in body.split("\n") for s in _SENTENCE_END.split(p)]
    return [t.strip() for t in texts if t.strip()]


def other_texts() -> list[tuple[str, str]]:
    """(language, sentence) for the Zyte articles whose whole body is not English."""
    truth = json.loads((EVAL / "zyte" / "ground-truth.json").read_text(encoding="utf-8"))
    found = []
    for item in truth.values():
        body = item.get("articleBody") or ""
        language, confidence, _ = guess_language(body)
        if language != "en" and confidence > 0.99:
            found += [(language, s.strip()) for s in _SENTENCE_END.split(body) if s.strip()]
    return found


def main() -> None:
    english = [guess_language(t) for t in english_texts()]
    other = [(lang, guess_language(t)) for lang, t in other_texts()]
    wrong = [g for g in english if g[0] != "en"]
    print(f"English texts: {len(english)}; guessed as another language: {len(wrong)}")
    print(
        f"  of those, letters max {max((g[2] for g in wrong), default=0)}, confidence max "
        f"{max((g[1] for g in wrong), default=0):.3f}"
    )
    print(f"non-English sentences: {len(other)}")
    grid = [(n, c) for n in (30, 60, 100, 200) for c in (0.5, 0.9, 0.95, 0.99)]
    for letters, confidence in sorted({*grid, (MIN_LETTERS, MIN_CONFIDENCE)}):
        refused = sum(1 for g in wrong if g[2] >= letters and g[1] >= confidence)
        caught = sum(1 for lang, g in other if g[0] == lang and g[2] >= letters and g[1] >= confidence)
        chosen = " (chosen)" if (letters, confidence) == (MIN_LETTERS, MIN_CONFIDENCE) else ""
        print(
            f"letters >= {letters}, confidence >= {confidence}{chosen}: English refused {refused}, "
            f"non-English caught {caught} of {len(other)}"
        )


if __name__ == "__main__":
    main()
