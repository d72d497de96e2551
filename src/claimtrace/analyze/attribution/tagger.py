"""Trained attribution tagger: two linear-chain CRFs on spaCy parse features. It only tags; `merge` merges.

Stage 1 tags reporting cues ("said", "according to", "told reporters") sentence by sentence; besides lexical
and parse features it sees, in bands, the P(cue) that a small neural scorer reads off each token's
contextual vector (with its head's and its children's) from the pipeline's `doc.tensor`. Stage 2 looks at
one cue at a time: over the cue's paragraph (at most a few sentences either side) it tags the Source and the
Content of that cue, with features that describe each token's relation to the cue (its side and distance, the
dependency of the cue's child it descends from, quotation state, other cues in between). Content may come
back in several pieces ("“…,” she said, “…”"), which is how attributed content is annotated. In the default
profile stage 2 is a second role CRF that also reads, in bands, what the role scorer (`role_scorer`) makes of
the shared encoder's vectors; the fast profile's never does.

The weights ship in `claimtrace/models/attribution/`; `claimtrace train attribution` rebuilds them, and
`claimtrace train encoder-roles` the role scorer and its CRF.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.tokens import Doc, Token

from claimtrace.analyze.attribution.quotes import quote_state
from claimtrace.analyze.attribution.role_scorer import (
    ENCODER_ROLE_MODEL,
    ROLE_CLASSES,
    ROLE_SCORER,
    RoleScorer,
    encoder_digest,
    role_inputs,
    with_bands,
)
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.attribution.rules.kinds import rule_cue_kinds
from claimtrace.analyze.attribution.spans import AttributionSpans, TokenRoleScore
from claimtrace.analyze.lexicon import CUE_PRIOR_LEMMAS
from claimtrace.errors import ClaimtraceError
from claimtrace.record import Offsets

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "attribution"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "roles.crfsuite"
CARD = "card.json"
CUE_PRIORS = "cue_priors.json"
CUE_SCORER = "cue_scorer.json"

# nouns that name a source by its role: a subject that is one makes its verb a likely cue
SOURCE_NOUNS = frozenset(
    re.findall(
        r"\w+",
        "official spokesman spokeswoman spokesperson source aide adviser advisor analyst expert lawyer "
        "attorney president minister secretary senator governor mayor leader chairman director officer "
        "people person report statement study survey poll critic "
        "economist investigator prosecutor judge witness resident observer campaign administration "
        "government police department ministry agency committee group organization company",
    )
)
# smoothed P(cue | lemma) in bands: the cue tagger sees the band, not the number
PRIOR_BUCKETS = ((0.02, "rare"), (0.1, "low"), (0.3, "mid"), (0.6, "high"), (float("inf"), "top"))
# P(cue) from the contextual token vectors in bands: the cue tagger sees the band, not the number
SCORE_BANDS = (0.01, 0.03, 0.07, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95)
WINDOW_SENTENCES = 3  # stage 2 looks at most this many sentences before and after the cue's sentence


@dataclass
class ParsedDoc:
    """Per-token facts computed once per Doc and shared by both stages."""

    doc: Doc
    features: list[list[str]]  # static features of each token, with its neighbours'
    in_quote: list[bool]
    paragraph: list[int]  # paragraph index of each token
    sentences: list[list[int]]  # non-space token indices of each sentence that has any
    sentence_of: list[int]  # sentence index of each token (-1 for whitespace between sentences)
    heads: list[int]
    lemmas: list[str]
    deps: list[str]
    children: list[list[int]]
    cue_scores: np.ndarray | None = None  # P(cue) of each token from the cue scorer, when one is loaded
    rule_cues: dict[int, str] | None = None  # token → kind of the rule attribution whose cue it is in
    token_vectors: np.ndarray | None = None  # the shared encoder's, where the role scorer can read them

    @cached_property
    def dense(self) -> np.ndarray | None:
        """The cue scorer's input (see `dense_features`), built only when a scorer asks for it."""
        return dense_features(self.doc, self.heads)


def _shape(token: Token) -> str:
    if token.is_punct:
        return "punct"
    if token.is_upper and len(token) > 1:
        return "upper"
    if token.is_title:
        return "title"
    if token.like_num:
        return "num"
    return "lower"


def parse(doc: Doc) -> ParsedDoc:
    tokens = list(doc)  # one pass over the Doc: Token objects are costly to create
    in_quote = quote_state(tokens)
    lemmas = [t.lemma_.lower() for t in tokens]
    words = [t.lower_ for t in tokens]
    tags = [t.tag_ for t in tokens]
    pos = [t.pos_ for t in tokens]
    deps = [t.dep_ for t in tokens]
    heads = [t.head.i for t in tokens]
    space = [t.is_space for t in tokens]
    children: list[list[int]] = [[] for _ in tokens]
    for i, head in enumerate(heads):
        if head != i:
            children[head].append(i)
    paragraph = []
    current = 0
    for token in tokens:
        if token.is_space and "\n" in token.text:
            current += 1
        paragraph.append(current)
    sentences: list[list[int]] = []
    sentence_of = [-1] * len(tokens)
    quoted_sentence = [False] * len(tokens)
    pending: list[int] = []
    for token in [*tokens, None]:
        if token is None or (token.is_sent_start and pending):
            if pending:
                has_quote = any(in_quote[i] for i in pending)
                for i in pending:
                    sentence_of[i] = len(sentences)
                    quoted_sentence[i] = has_quote
                sentences.append(pending)
            pending = []
        if token is not None and not token.is_space:
            pending.append(token.i)
    visible = [i for i in range(len(tokens)) if not space[i]]
    features: list[list[str]] = [[] for _ in tokens]
    for k, i in enumerate(visible):
        head = heads[i]
        row = [
            "bias",
            f"w={words[i]}",
            f"l={lemmas[i]}",
            f"p={pos[i]}",
            f"t={tags[i]}",
            f"d={deps[i]}",
            f"s={_shape(tokens[i])}",
            f"hl={lemmas[head]}",
            f"hp={pos[head]}",
            f"dhl={deps[i]}|{lemmas[head]}",
            f"q={int(in_quote[i])}",
            f"sq={int(quoted_sentence[i])}|{pos[i]}",
            f"e={tokens[i].ent_iob_}{tokens[i].ent_type_}",
        ]
        if lemmas[i] in CUE_PRIOR_LEMMAS:
            row += ["rv", f"rvp={pos[i]}"]
        if lemmas[head] in CUE_PRIOR_LEMMAS:
            row.append(f"hrv={deps[i]}")
        for child in children[i]:
            row.append(f"c={deps[child]}")
            if in_quote[child] and not in_quote[i]:
                row.append("cq")
        if tokens[i].is_sent_start:
            row.append("sstart")
        # neighbours among the non-space tokens of the same paragraph
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if 0 <= j < len(visible) and paragraph[visible[j]] == paragraph[i]:
                n = visible[j]
                row.append(f"{offset}w={words[n]}")
                row.append(f"{offset}p={tags[n]}")
                if offset in (-1, 1):
                    row.append(f"{offset}l={lemmas[n]}")
            else:
                row.append(f"{offset}w=<edge>")
        features[i] = row
    return ParsedDoc(
        doc,
        features,
        in_quote,
        paragraph,
        sentences,
        sentence_of,
        heads,
        lemmas,
        deps,
        children,
    )


def dense_features(doc: Doc, heads: Sequence[int]) -> np.ndarray | None:
    """Each token's row of `doc.tensor` (the pipeline's contextual tok2vec output) joined with its head's and
    with the mean of its children's (zeros for a leaf): a reporting verb is told apart by what it governs."""
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(doc) or not len(doc):
        return None
    head_index = np.asarray(heads, dtype=np.intp)
    dependents = np.flatnonzero(head_index != np.arange(len(doc)))
    child_sum = np.zeros_like(tensor)
    np.add.at(child_sum, head_index[dependents], tensor[dependents])
    child_count = np.bincount(head_index[dependents], minlength=len(doc))
    child_mean = child_sum / np.maximum(child_count, 1)[:, None]
    return np.hstack([tensor, tensor[head_index], child_mean]).astype(np.float32)


@dataclass(frozen=True)
class CueScorer:
    """A small neural network (one hidden ReLU layer) over the dense features: a first opinion on whether a
    token belongs to a cue, which carries what the contextual vectors know about words the CRF has no weight
    for."""

    hidden_weights: np.ndarray  # (features, hidden)
    hidden_bias: np.ndarray  # (hidden,)
    output_weights: np.ndarray  # (hidden,)
    output_bias: float

    @classmethod
    def load(cls, path: Path) -> CueScorer:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            np.asarray(data["hidden_weights"], dtype=np.float32),
            np.asarray(data["hidden_bias"], dtype=np.float32),
            np.asarray(data["output_weights"], dtype=np.float32),
            float(data["output_bias"]),
        )

    def save(self, path: Path) -> None:
        # JSON, rounded: rebuilds byte for byte (npz zips carry timestamps)
        data = {
            "hidden_weights": np.round(self.hidden_weights.astype(np.float64), 5).tolist(),
            "hidden_bias": np.round(self.hidden_bias.astype(np.float64), 5).tolist(),
            "output_weights": np.round(self.output_weights.astype(np.float64), 5).tolist(),
            "output_bias": round(self.output_bias, 5),
        }
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    def score(self, parsed: ParsedDoc) -> np.ndarray | None:
        if parsed.dense is None or parsed.dense.shape[1] != self.hidden_weights.shape[0]:
            return None
        hidden = np.maximum(parsed.dense @ self.hidden_weights + self.hidden_bias, 0.0)
        return 1.0 / (1.0 + np.exp(-(hidden @ self.output_weights + self.output_bias)))


def cue_sequences(parsed: ParsedDoc) -> Iterator[list[int]]:
    """Stage-1 sequences: the non-space tokens of each sentence."""
    yield from parsed.sentences


def cue_features(
    parsed: ParsedDoc, tokens: Sequence[int], priors: Mapping[str, float] | None = None
) -> list[list[str]]:
    """Stage-1 features; with `priors`, also how often the token's lemma (and lemma with its dependency)
    was part of a cue in training, which carries over to lemmas too rare for a weight of their own; with
    `parsed.cue_scores`, the cue scorer's band for the token and its neighbours; with `parsed.rule_cues`,
    the kind of rule attribution whose cue the token is in (the tagger learns how far to trust each kind
    in context, where the merge trusts only some kinds, and those everywhere)."""
    scores = parsed.cue_scores
    rule_cues = parsed.rule_cues
    bands = [_score_band(scores[i]) for i in tokens] if scores is not None else None
    rows = []
    for p, i in enumerate(tokens):
        row = parsed.features[i] + _cue_context(parsed, i)
        if priors is not None:
            lemma = parsed.lemmas[i]
            row.append(f"prior={_prior_bucket(priors.get(prior_key(lemma)))}")
            row.append(f"prior_d={_prior_bucket(priors.get(prior_key(lemma, parsed.deps[i])))}")
        if bands is not None:
            row.append(f"sc={bands[p]}")
            row.append(f"sc_p={bands[p]}|{parsed.doc[i].pos_}")
            row.append(f"sc-1={bands[p - 1] if p > 0 else '<edge>'}")
            row.append(f"sc+1={bands[p + 1] if p + 1 < len(bands) else '<edge>'}")
        if rule_cues is not None and i in rule_cues:
            row += ["rule", f"rule={rule_cues[i]}", f"rule_l={rule_cues[i]}|{parsed.lemmas[i]}"]
        rows.append(row)
    return rows


def _score_band(score: float) -> int:
    return bisect_right(SCORE_BANDS, score)


def prior_key(lemma: str, dep: str | None = None) -> str:
    return lemma if dep is None else f"{lemma}|{dep}"


def _prior_bucket(prior: float | None) -> str:
    if prior is None:
        return "none"
    return next(name for bound, name in PRIOR_BUCKETS if prior < bound)


def _cue_context(parsed: ParsedDoc, index: int) -> list[str]:
    """What a reporting act governs and who performs it: its subject (a named or role-noun source) and its
    complement (a that-clause, a clause, a quotation), and a colon that introduces a quotation."""
    doc = parsed.doc
    row = []
    for child in parsed.children[index]:
        dep = parsed.deps[child]
        if dep in ("nsubj", "nsubjpass"):
            token = doc[child]
            if token.ent_type_:
                row.append(f"subj_ent={token.ent_type_}")
            elif parsed.lemmas[child] in SOURCE_NOUNS:
                row.append("subj_role")
            elif token.pos_ == "PRON":
                row.append(f"subj_pron={parsed.lemmas[child]}")
            row.append(f"subj_l={parsed.lemmas[index]}|{token.ent_type_ or token.pos_}")
        elif dep in ("ccomp", "xcomp", "parataxis"):
            marks = [parsed.lemmas[g] for g in parsed.children[child] if parsed.deps[g] == "mark"]
            row.append(f"comp={dep}|{marks[0] if marks else '-'}")
            row.append(f"comp_l={parsed.lemmas[index]}|{dep}")
            if parsed.in_quote[child] and not parsed.in_quote[index]:
                row.append(f"comp_q={dep}")
    if doc[index].text == ":":
        following = index + 1
        while following < len(doc) and doc[following].is_space:
            following += 1
        if following < len(doc) and parsed.in_quote[following]:
            row.append("colon_quote")
    return row


def cue_head(parsed: ParsedDoc, cue: Sequence[int]) -> int:
    """The cue token highest in the parse (whose head lies outside the cue)."""
    members = set(cue)
    for i in cue:
        head = parsed.heads[i]
        if head not in members or head == i:
            return i
    return cue[0]


def role_window(parsed: ParsedDoc, cue: Sequence[int]) -> list[int]:
    """Stage-2 sequence for one cue: non-space tokens of the cue's paragraph, within a few sentences."""
    anchor = cue[0]
    sentence = parsed.sentence_of[anchor]
    paragraph = parsed.paragraph[anchor]
    first = max(0, sentence - WINDOW_SENTENCES)
    last = min(len(parsed.sentences) - 1, sentence + WINDOW_SENTENCES)
    return [
        i for s in range(first, last + 1) for i in parsed.sentences[s] if parsed.paragraph[i] == paragraph
    ]


def _distance_bucket(distance: int) -> str:
    magnitude = abs(distance)
    if magnitude <= 3:
        size = str(magnitude)
    elif magnitude <= 8:
        size = "near"
    elif magnitude <= 20:
        size = "mid"
    else:
        size = "far"
    return f"{'-' if distance < 0 else '+'}{size}"


def _branches(parsed: ParsedDoc, head: int) -> dict[int, str]:
    """For each token in the subtree of `head`, the dependency label of head's child it descends from."""
    branch: dict[int, str] = {}
    for child in parsed.children[head]:
        label = parsed.deps[child]
        stack = [child]
        while stack:
            node = stack.pop()
            branch[node] = label
            stack.extend(parsed.children[node])
    return branch


def _clause_edges(parsed: ParsedDoc, head: int, cue: set[int]) -> dict[int, list[str]]:
    """The first and last word of each phrase the cue governs, and the token after it: annotated contents
    mostly start and end at these, so the tagger learns where to stop."""
    doc = parsed.doc
    edges: dict[int, list[str]] = {}
    for child in parsed.children[head]:
        if child in cue:
            continue
        dep = parsed.deps[child]
        left, right = doc[child].left_edge.i, doc[child].right_edge.i
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        edges.setdefault(left, []).append(f"cl_start={dep}")
        edges.setdefault(right, []).append(f"cl_end={dep}")
        edges.setdefault(right + 1, []).append(f"cl_after={dep}")
    return edges


def _ancestors(parsed: ParsedDoc, index: int) -> set[int]:
    found = set()
    while parsed.heads[index] != index and parsed.heads[index] not in found:
        index = parsed.heads[index]
        found.add(index)
    return found


def role_features(
    parsed: ParsedDoc, tokens: Sequence[int], cue: Sequence[int], other_cues: set[int]
) -> list[list[str]]:
    """Features of each window token relative to one cue."""
    cue_set = set(cue)
    head = cue_head(parsed, cue)
    head_lemma = parsed.lemmas[head]
    branches = _branches(parsed, head)
    edges = _clause_edges(parsed, head, set(cue))
    ancestors = _ancestors(parsed, head)
    cue_start, cue_end = min(cue), max(cue)
    cue_sentence = parsed.sentence_of[cue[0]]
    cue_quote = int(parsed.in_quote[cue[0]])
    # other cues between a token and this cue: content tends to belong to the nearest cue
    others = sorted(other_cues - cue_set)
    rows = []
    for index in tokens:
        static = parsed.features[index]
        if index in cue_set:
            rows.append([*static, "cue"])
            continue
        if index < cue_start:
            distance, side = index - cue_start, "L"
            between = bisect_left(others, cue_start) - bisect_right(others, index)
        else:
            distance, side = index - cue_end, "R"
            between = bisect_left(others, index) - bisect_right(others, cue_end)
        sentence_rel = str(max(-2, min(2, parsed.sentence_of[index] - cue_sentence)))
        branch = branches.get(index)
        quote = int(parsed.in_quote[index])
        between = min(between, 2)
        relative = [
            f"dist={_distance_bucket(distance)}",
            f"sent={sentence_rel}",
            f"br={branch}",
            f"br_side={branch}|{side}",
            f"br_q={branch}|{quote}",
            f"q_side={quote}|{side}|{sentence_rel}",
            f"cueq={cue_quote}|{quote}",
            f"btw={between}",
            f"btw_side={between}|{side}",
            f"cl={head_lemma}",
            f"cl_side={head_lemma}|{side}",
            f"cl_br={head_lemma}|{branch}",
        ]
        if index in ancestors:
            relative.append(f"anc={parsed.deps[index]}")
        if index in other_cues:
            relative.append("other_cue")
        relative += edges.get(index, [])
        rows.append(static + relative)
    return rows


def spans_of(doc: Doc, tokens: Sequence[int]) -> list[Offsets]:
    """Character spans of runs of consecutive token indices."""
    runs: list[Offsets] = []
    previous = None
    for index in sorted(tokens):
        token = doc[index]
        end = token.idx + len(token.text)
        if runs and previous is not None and _adjacent(doc, previous, index):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((token.idx, end))
        previous = index
    return runs


def _adjacent(doc: Doc, a: int, b: int) -> bool:
    """Consecutive, ignoring whitespace tokens between them that carry no line break."""
    return all(doc[k].is_space and "\n" not in doc[k].text for k in range(a + 1, b))


def chunks(labels: Sequence[str], role: str) -> list[list[int]]:
    """Positions of the B-/I- runs of one role in a BIO label sequence."""
    found: list[list[int]] = []
    open_run = False
    for position, label in enumerate(labels):
        if label == f"B-{role}" or (label == f"I-{role}" and not open_run):
            found.append([position])
            open_run = True
        elif label == f"I-{role}":
            found[-1].append(position)
        else:
            open_run = False
    return found


class AttributionTagger:
    """The trained CRFs (and the default profile's role scorer, where the directory has one), loaded from a
    model directory."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        self.directory = directory
        self.cue_tagger = self._open(directory / CUE_MODEL)
        self.role_tagger = self._open(directory / ROLE_MODEL)
        card = directory / CARD
        settings = json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}
        priors = directory / CUE_PRIORS
        self.cue_priors: dict[str, float] | None = (
            json.loads(priors.read_text(encoding="utf-8")) if priors.is_file() else None
        )
        scorer = directory / CUE_SCORER
        self.cue_scorer = CueScorer.load(scorer) if scorer.is_file() else None
        # 1.0: Viterbi cues only
        self.cue_threshold = float(settings.get("cue_threshold", 1.0))
        # the default profile's role CRF, which also reads the role scorer's view of the encoder's vectors
        scorer, encoder_roles = directory / ROLE_SCORER, directory / ENCODER_ROLE_MODEL
        self.role_scorer = RoleScorer.load(scorer) if scorer.is_file() and encoder_roles.is_file() else None
        self.encoder_role_tagger = self._open(encoder_roles) if self.role_scorer is not None else None

    @staticmethod
    def _open(path: Path) -> pycrfsuite.Tagger:
        if not path.is_file():
            raise ClaimtraceError(
                f"attribution model missing: {path} (rebuild with `claimtrace train attribution`)"
            )
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        return tagger

    def card(self) -> dict[str, object]:
        return json.loads((self.directory / CARD).read_text(encoding="utf-8"))

    def cues(self, parsed: ParsedDoc, threshold: float | None = None) -> list[list[int]]:
        """Cue candidates: the Viterbi cue runs, or with a threshold, runs of tokens whose probability of
        being part of a cue reaches it (the source/content tagger then drops cues that find no content)."""
        threshold = self.cue_threshold if threshold is None else threshold
        if self.cue_scorer is not None and parsed.cue_scores is None:
            parsed.cue_scores = self.cue_scorer.score(parsed)
        found = []
        for tokens in cue_sequences(parsed):
            labels = self.cue_tagger.tag(cue_features(parsed, tokens, self.cue_priors))
            if threshold < 1.0:
                labels = [
                    label if label != "O" or self.cue_tagger.marginal("O", p) > 1.0 - threshold else "I-Cue"
                    for p, label in enumerate(labels)
                ]
            found += [[tokens[p] for p in run] for run in chunks(labels, "Cue")]
        return found

    def attributions(self, parsed: ParsedDoc, cues: list[list[int]]) -> list[AttributionSpans]:
        doc = parsed.doc
        all_cue_tokens = {i for cue in cues for i in cue}
        found = []
        for cue in cues:
            tokens = role_window(parsed, cue)
            features = role_features(parsed, tokens, cue, all_cue_tokens)
            role_scores: tuple[TokenRoleScore, ...] = ()
            if parsed.token_vectors is not None and self.role_scorer and self.encoder_role_tagger:
                inputs = role_inputs(parsed, tokens, cue, cue_head(parsed, cue))
                probabilities = self.role_scorer.probabilities(parsed.token_vectors, inputs)
                labels = self.encoder_role_tagger.tag(with_bands(features, probabilities))
                source, content = ROLE_CLASSES.index("Source"), ROLE_CLASSES.index("Content")
                role_scores = tuple(
                    TokenRoleScore(doc[i].idx, doc[i].idx + len(doc[i]), float(p[source]), float(p[content]))
                    for i, p in zip(tokens, probabilities, strict=True)
                )
            else:
                labels = self.role_tagger.tag(features)
            content = [tokens[p] for run in chunks(labels, "Content") for p in run]
            if not content:
                continue
            sources = [[tokens[p] for p in run] for run in chunks(labels, "Source")]
            # one source per cue: the run closest to the cue
            source = min(sources, key=lambda run: min(abs(i - cue[0]) for i in run)) if sources else []
            found.append(
                AttributionSpans(
                    content=spans_of(doc, content),
                    cue=spans_of(doc, cue),
                    source=spans_of(doc, source),
                    origin="model",
                    role_scores=role_scores,
                )
            )
        return found

    def tag(
        self, doc: Doc, rule_spans: Sequence[AttributionSpans], cues: list[list[int]] | None = None
    ) -> tuple[list[AttributionSpans], list[list[int]]]:
        """The attributions of `doc` and the cues they were drawn for: the cue CRF's (which reads the rules'
        cues as features), or the given cues (token index runs: the shared encoder's)."""
        if cues is None:
            parsed = parse_with_rule_cues(doc, rule_spans)
            cues = self.cues(parsed)
        else:
            parsed = parse(doc)  # the rules' cue kinds are features of the cue CRF only
        encoding, scorer = doc._.encoding, self.role_scorer
        if (
            scorer is not None
            and encoding is not None
            and scorer.encoder == encoder_digest(encoding.model_dir)
        ):
            parsed.token_vectors = encoding.token_vectors()
        return self.attributions(parsed, cues), cues

    def __call__(self, doc: Doc) -> list[AttributionSpans]:
        """The tagger alone on a Doc (the rules run only to give the cue CRF its features): for benches."""
        return self.tag(doc, find_rule_attributions(doc))[0]


def parse_with_rule_cues(doc: Doc, rule_spans: Sequence[AttributionSpans]) -> ParsedDoc:
    """`parse` with the rules' cues (`rule_spans`, the rule finder's attributions of `doc`) marked as the cue
    tagger reads them, in training and at inference alike."""
    parsed = parse(doc)
    parsed.rule_cues = rule_cue_kinds(doc, rule_spans)
    return parsed


def load_tagger(directory: Path | None = None) -> AttributionTagger:
    """The tagger of a model directory (default: the packaged model), loaded once per process."""
    return _load_tagger((directory or MODEL_DIR).resolve())


@lru_cache(maxsize=4)
def _load_tagger(directory: Path) -> AttributionTagger:
    return AttributionTagger(directory)
