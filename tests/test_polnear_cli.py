"""`claimtrace eval polnear` end to end on a small split written here, and on the dev split if present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / "dev"

TEXT = (
    "The harbour master said the ferry would not sail until the storm had passed.\n\n"
    "“We will not take risks with passengers,” a spokeswoman for the ferry company told reporters.\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrace", "eval", "polnear", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def write_split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "harbour_2024-01-01_ferry.txt").write_text(TEXT, encoding="utf-8")
    lines, n = [], 0
    for source, cue, content in (
        ("The harbour master", "said", "the ferry would not sail until the storm had passed"),
        ("a spokeswoman for the ferry company", "told", "“We will not take risks with passengers,”"),
    ):
        ids = []
        for label, fragment in (("Source", source), ("Cue", cue), ("Content", content)):
            n += 1
            start = TEXT.index(fragment)
            lines.append(f"T{n}\t{label} {start} {start + len(fragment)}\t{fragment}")
            ids.append(f"{label}:T{n}")
        lines.append(f"E{n}\tAttribution:T{n - 1} " + " ".join(ids))
    (root / "attributions" / "harbour_2024-01-01_ferry_a1.ann").write_text("\n".join(lines) + "\n")
    return root


@pytest.mark.slow
def test_json_scores_and_error_breakdowns(tmp_path: Path) -> None:
    split = write_split(tmp_path / "split")
    result = run(str(split), "--format", "json", "--errors")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["articles"] == 1
    assert out["triple"]["gold"] == 2
    assert set(out["roles"]) == {"source", "cue", "content"}
    # both claims are plain reported speech with clear sources: the analyser must find them
    assert out["triple"]["matched"] == 2
    assert [b["title"] for b in out["errors"]] == ["cause", "kind", "source", "outlet"]


@pytest.mark.slow
def test_rules_only_scores_the_rule_finder_alone(tmp_path: Path) -> None:
    split = write_split(tmp_path / "split")
    result = run(str(split), "--format", "json", "--rules-only")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    # both are constructions the rules read: a reported clause and a quote before its speaker
    assert out["triple"]["matched"] == 2


@pytest.mark.slow
def test_table_output_lists_every_role(tmp_path: Path) -> None:
    result = run(str(write_split(tmp_path / "split")))
    assert result.returncode == 0, result.stderr
    for label in ("source", "cue", "content", "triple"):
        assert any(line.startswith(label) for line in result.stdout.splitlines())


def test_a_directory_that_is_not_a_split_fails_in_one_line(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "expected text/ and attributions/" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.skipif(not SHARED_DEV.is_dir(), reason="../shared/eval/polnear/dev is absent")
def test_dev_split_scores_are_sane() -> None:
    result = run(str(SHARED_DEV), "--limit", "3", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["articles"] == 3
    assert 0.3 < out["triple"]["f1"] <= 1.0


@pytest.mark.slow
def test_rules_only_never_consults_the_trained_tagger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrace.analyze.attribution import tagger
    from claimtrace.cli.eval_polnear import predict
    from claimtrace.evaluate.polnear import load_corpus

    def refuse() -> None:
        raise AssertionError("the tagger was consulted")

    monkeypatch.setattr(tagger, "load_tagger", refuse)
    articles = load_corpus(write_split(tmp_path / "split"))
    (triples,) = predict(articles, rules_only=True)
    assert len(triples) == 2


@pytest.mark.slow
def test_model_option_uses_the_given_directory_and_holdout_scores_every_fifth_article(tmp_path: Path) -> None:
    import shutil

    from claimtrace.analyze.attribution.tagger import MODEL_DIR

    split = write_split(tmp_path / "split")
    texts, annotations = split / "text", split / "attributions"
    for k in range(1, 6):  # six articles in all: the held-out fifth is the first and the sixth
        shutil.copy(texts / "harbour_2024-01-01_ferry.txt", texts / f"harbour_2024-01-0{k + 1}_ferry.txt")
        shutil.copy(
            annotations / "harbour_2024-01-01_ferry_a1.ann",
            annotations / f"harbour_2024-01-0{k + 1}_ferry_a1.ann",
        )
    copy = shutil.copytree(MODEL_DIR, tmp_path / "model")
    result = run(str(split), "--format", "json", "--holdout", "--model", str(copy))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["articles"] == 2 and out["triple"]["gold"] == 4 and out["triple"]["matched"] == 4

    (copy / "roles.crfsuite").unlink()
    broken = run(str(split), "--model", str(copy))
    assert broken.returncode != 0
    assert "attribution model missing" in broken.stderr and "roles.crfsuite" in broken.stderr
    assert "Traceback" not in broken.stderr
