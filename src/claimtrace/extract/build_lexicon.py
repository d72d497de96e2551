"""Rebuild the English word list the glued-word repair consults (extract/data/english-words.txt.gz).

Its source is lexical data already installed from PyPI with the spaCy English model: the lemmatizer's
WordNet lemma index and irregular forms, regular inflections made by reversing its suffix rules, and the
lower-case words of the model's vocabulary (which holds the function words WordNet lacks). Nothing is
downloaded. Run: python -m claimtrace.extract.build_lexicon
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from spacy.lookups import Lookups
from spacy.util import get_package_path

from claimtrace.extract.lexicon import LEXICON_PATH
from claimtrace.settings import DEFAULT_MODEL

_WORD = re.compile(r"[a-z]{2,24}")
# Only the regular English suffix rules: the rest of the table rebuilds rare or archaic forms.
_REGULAR_SUFFIXES = {"s", "es", "ies", "ed", "ing", "er", "est", "ier", "iest", "ves"}


def collect_words(model: str = DEFAULT_MODEL) -> set[str]:
    package = get_package_path(model)
    data = next(package.glob(f"{model}-*"), package)
    lookups = Lookups().from_disk(data / "lemmatizer" / "lookups")
    words: set[str] = set()
    rules: dict[str, list[list[str]]] = dict(lookups.get_table("lemma_rules").items())
    index = lookups.get_table("lemma_index")
    for pos, lemmas in index.items():
        pos_rules = [(form, lemma) for form, lemma in rules.get(pos, []) if form in _REGULAR_SUFFIXES]
        for lemma in lemmas:
            if not _WORD.fullmatch(lemma):
                continue
            words.add(lemma)
            for form_suffix, lemma_suffix in pos_rules:
                if lemma.endswith(lemma_suffix):
                    words.add(lemma[: len(lemma) - len(lemma_suffix)] + form_suffix)
    for irregular in lookups.get_table("lemma_exc").values():
        for form, lemmas in irregular.items():
            words.update(w for w in [form, *lemmas] if _WORD.fullmatch(w))
    vocabulary = json.loads((data / "vocab" / "strings.json").read_text(encoding="utf-8"))
    words.update(w for w in vocabulary if _WORD.fullmatch(w))
    return words | {"a", "i"}


def main() -> None:
    words = sorted(collect_words())
    Path(LEXICON_PATH).parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds.
    with gzip.GzipFile(LEXICON_PATH, "wb", mtime=0) as out:
        out.write("\n".join(words).encode("ascii"))
    print(f"{len(words):,} words -> {LEXICON_PATH}")


if __name__ == "__main__":
    main()
