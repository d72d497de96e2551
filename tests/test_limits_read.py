"""Issue 15, the reading side: every input that cannot be read is one error naming it, and nothing is guessed
or skipped in silence (lone surrogates, FIFOs, WARC framing, encodings, ids, messages, language)."""

from __future__ import annotations

import gzip
import json
import os
import threading
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimtrace.dates import is_calendar_date
from claimtrace.errors import ClaimtraceError, InputError, one_line
from claimtrace.extract.language import MIN_CONFIDENCE, detect_language, guess_language
from claimtrace.read import iter_inputs
from claimtrace.read.decode import decode_text
from claimtrace.read.jsonl import iter_jsonl, parse_line
from claimtrace.record import RawInput
from claimtrace.settings import Settings

GOOD_LINE = json.dumps({"id": "good", "text": "Officials said the talks would resume."})


def read_all(paths: list[str]) -> list[RawInput | InputError]:
    return list(iter_inputs(paths, Settings()))


# 1. A lone surrogate fails its own line, and the lines around it are read.
@settings(max_examples=60, deadline=None)
@given(
    before=st.text(max_size=40),
    after=st.text(max_size=40),
    surrogate=st.integers(min_value=0xD800, max_value=0xDFFF),
    field=st.sampled_from(["text", "html", "id", "url"]),
)
def test_a_lone_surrogate_fails_its_line_alone(before: str, after: str, surrogate: int, field: str) -> None:
    bad = {"id": "s", "text": "Officials said so.", field: f"{before}{chr(surrogate)}{after}"}
    if field == "html":
        del bad["text"]
    batch = "\n".join([GOOD_LINE, json.dumps(bad), GOOD_LINE]).encode()  # json escapes it as \udXXX
    first, broken, last = iter_jsonl(BytesIO(batch), "s.jsonl", 1 << 20)
    assert isinstance(first, RawInput) and isinstance(last, RawInput)
    assert isinstance(broken, InputError) and broken.origin == "s.jsonl:2"
    assert "surrogate" in broken.message or "control characters" in broken.message


def test_a_surrogate_error_says_where() -> None:
    with pytest.raises(InputError, match=r"s.jsonl:1: \"text\": lone surrogate \\ud800 at character 2"):
        parse_line(b'{"id": "s", "text": "a \\ud800 b"}', "s.jsonl:1")


# 3. A named pipe is refused at once, never read (it would block forever).
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("Officials said the talks would resume.")
    found: list[object] = []
    reader = threading.Thread(target=lambda: found.extend(read_all([str(fifo), str(tmp_path / "ok.txt")])))
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # unblock the reader so that the test run ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO blocked")
    error, ok = found
    assert isinstance(error, InputError) and "named pipe (FIFO)" in str(error) and str(fifo) in str(error)
    assert isinstance(ok, RawInput)


def test_a_fifo_inside_a_directory_is_an_error_not_a_silent_skip(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.txt")
    (tmp_path / "a.txt").write_text("Officials said the talks would resume.")
    ok, error = read_all([str(tmp_path)])
    assert isinstance(ok, RawInput) and isinstance(error, InputError) and "FIFO" in str(error)


# 4. WARC framing errors are errors, and records before them are kept.
def page(i: int) -> bytes:
    return f"<html><body><p>Officials said talks {i} would resume on Monday.</p></body></html>".encode()


def warc_bytes(compress: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = BytesIO(page(i))
        writer.write_record(
            writer.create_warc_record(f"https://x/{i}", "response", payload, http_headers=headers)
        )
    return out.getvalue()


def with_length(data: bytes, change: int) -> bytes:
    """The archive with its first record's Content-Length off by `change`."""
    start = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", start)
    return data[:start] + str(int(data[start:end]) + change).encode() + data[end:]


@pytest.mark.parametrize(
    ("name", "make", "kept"),
    [
        ("cut.warc.gz", lambda: warc_bytes(True)[:-100], 2),  # inside the last record's gzip member
        ("cut.warc", lambda: warc_bytes(False)[:-60], 2),
        ("long.warc", lambda: with_length(warc_bytes(False), 400), 0),
        ("short.warc", lambda: with_length(warc_bytes(False), -30), 0),
    ],
)
def test_warc_framing_errors_are_errors(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], name: str, make: object, kept: int
) -> None:
    archive = tmp_path / name
    archive.write_bytes(make())  # type: ignore[operator]
    items = read_all([str(archive)])
    assert all(isinstance(i, RawInput) for i in items[:-1]) and len(items) == kept + 1
    assert isinstance(items[-1], InputError) and str(archive) in str(items[-1])
    assert "\n" not in str(items[-1])
    assert capfd.readouterr().err == ""  # warcio prints no warning of its own


def test_an_intact_warc_reads_whole(tmp_path: Path) -> None:
    archive = tmp_path / "ok.warc.gz"
    archive.write_bytes(warc_bytes(True))
    assert [i.id for i in read_all([str(archive)]) if isinstance(i, RawInput)] == [
        f"https://x/{i}" for i in range(3)
    ]


# 8. No silent guesses.
@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF, blacklist_categories=("Cc", "Cs")),
        min_size=1,
        max_size=80,
    ),
    at=st.integers(min_value=0),
)
def test_damaged_utf8_stays_utf8_with_a_warning(text: str, at: int) -> None:
    text = f"Zürich café {text}"
    chars = at % (len(text) + 1)  # a stray byte between two characters
    cut = len(text[:chars].encode("utf-8"))
    damaged = text[:chars].encode("utf-8") + b"\xff" + text[chars:].encode("utf-8")
    decoded, warnings = decode_text(damaged, "x")
    assert decoded == text[:chars] + "\ufffd" + text[chars:]
    assert warnings == [f"invalid UTF-8 from byte {cut}: 1 bytes replaced with U+FFFD"]


def test_a_detected_legacy_encoding_is_named() -> None:
    russian = "Власти заявили, что переговоры возобновятся в понедельник утром."
    decoded, warnings = decode_text(russian.encode("cp1251"), "ru.txt")
    assert decoded == russian and warnings and "cp1251" in warnings[0] and "detected" in warnings[0]


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_categories=("Cc",)),
        min_size=8,
        max_size=200,
    ),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be"]),
)
def test_utf16_without_a_bom_is_read(text: str, encoding: str) -> None:
    decoded, warnings = decode_text(f"Officials said {text}".encode(encoding), "x")
    assert decoded == f"Officials said {text}" and warnings == [
        f"no byte-order mark: read as {encoding.upper()}"
    ]


@pytest.mark.parametrize(
    ("value", "kind"), [([1, 2], "list"), ({"a": 1}, "dict"), (True, "bool"), (1.5, "float")]
)
def test_an_id_that_is_no_string_or_number_is_an_error(value: object, kind: str) -> None:
    line = json.dumps({"id": value, "text": "Officials said so."}).encode()
    with pytest.raises(InputError, match=f'"id" must be a string or a whole number, got {kind}'):
        parse_line(line, "b.jsonl:1")
    assert parse_line(json.dumps({"id": 7, "text": "Officials said so."}).encode(), "b.jsonl:1").id == "7"


@pytest.mark.parametrize("name", ["batch.json", "batch.json.gz", "batch"])
def test_jsonl_under_another_name_is_read_as_jsonl(tmp_path: Path, name: str) -> None:
    body = (GOOD_LINE + "\n" + GOOD_LINE.replace("good", "second") + "\n").encode()
    (tmp_path / name).write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    assert [i.id for i in read_all([str(tmp_path / name)])] == ["good", "second"]  # type: ignore[union-attr]


# 9. Messages are single, escaped lines.
@given(st.text())
def test_one_line_leaves_no_control_character(message: str) -> None:
    line = one_line(message)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in line)
    if message.isprintable():
        assert line == message


def test_broken_json_reads_as_a_sentence() -> None:
    with pytest.raises(InputError) as caught:
        parse_line(b'{"id": "x", "text": "tab\there"}', "b.jsonl:3")
    assert str(caught.value) == "b.jsonl:3: broken JSON: Invalid control character at column 25"


# 10. Short English is English: a weak guess of another language is analysed, with a warning.
@pytest.mark.parametrize(
    "text",
    [
        "Rain at last.",
        "Police say suspect held after harbour chase",
        "Minister quits after row over ferry deal",
    ],
)
def test_short_english_is_never_refused(text: str) -> None:
    assert detect_language(text)[0] == "en"


def test_a_weak_guess_is_analysed_with_a_warning() -> None:
    headline = "Sanusi, Okafor and Adeyemi to face tribunal"
    guessed, confidence, letters = guess_language(headline)
    assert (guessed, letters) == ("pcm", 36) and 0.5 < confidence < MIN_CONFIDENCE  # refused before issue 15
    language, warning = detect_language(headline)
    assert (
        language == "en" and warning is not None and "'pcm'" in warning and "analysed as English" in warning
    )


def test_real_other_languages_are_still_flagged() -> None:
    spanish = (
        "El ayuntamiento anunció el miércoles que las restricciones de agua comenzarán el próximo mes, "
        "después de que los embalses alcanzaran su nivel más bajo en una década."
    )
    assert detect_language(spanish) == ("es", None)


@pytest.mark.corpus
def test_no_english_sentence_of_the_corpora_is_refused(shared_eval: Path) -> None:
    import importlib.util

    bench = Path(__file__).resolve().parents[1] / "bench" / "bench_language.py"
    spec = importlib.util.spec_from_file_location("bench_language", bench)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    refused = [t for t in module.english_texts() if detect_language(t)[0] != "en"]
    assert refused == []


# 11. Settings and dates.
def test_a_bad_limit_in_the_environment_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACE_MAX_BYTES", "abc")
    with pytest.raises(ClaimtraceError, match="CLAIMTRACE_MAX_BYTES must be a positive int, got 'abc'"):
        Settings()


@given(st.dates())
def test_every_real_date_is_a_calendar_date(day: object) -> None:
    text = str(day)
    if len(text) == 10:  # years 1000-9999: four digits
        assert is_calendar_date(text) and is_calendar_date(text[:7]) and is_calendar_date(text[:4])


@pytest.mark.parametrize("value", ["2026-99-99", "2026-13-45", "2026-02-30", "2026-13", "26-01-01", "2026-1"])
def test_impossible_dates_are_refused(value: str) -> None:
    assert not is_calendar_date(value)
    line = json.dumps({"id": "d", "text": "Officials said so.", "published": value}).encode()
    with pytest.raises(InputError, match='"published" must be'):
        parse_line(line, "d.jsonl:1")


# 11. The progress bar's count comes from file names: no input is read twice to count it.
def test_inputs_are_counted_from_names_without_reading_them(tmp_path: Path) -> None:
    from claimtrace.engine.local import count_inputs

    for name in ("a.txt", "b.html", "sub/c.txt.gz", ".hidden/d.txt", "e.png"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Officials said so.")
    assert count_inputs([str(tmp_path)], Settings()) == 3
    os.mkfifo(tmp_path / "batch.jsonl")  # reading it would block: counting must not open it
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "batch.jsonl")], Settings()) is None
