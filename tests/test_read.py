"""Reading inputs: files, gzip, directories, JSONL, WARC and stdin, with every failure a named InputError."""

from __future__ import annotations

import gzip
import io
import json
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimtrace.errors import InputError
from claimtrace.read import iter_inputs, read_bytes_as_text
from claimtrace.record import RawInput
from claimtrace.settings import Settings

SETTINGS = Settings()
STORY = "The ferry operator said on Monday that crossings would resume once the storm had passed.\n"
PAGE = (
    "<html><head><title>Ferries resume</title></head><body><article>"
    "<p>The ferry operator said on Monday that crossings would resume once the storm had passed.</p>"
    "</article></body></html>"
)


URL = "https://news.example/one"
LATIN_PAGE = "<p>Genève café</p>"


def read_all(paths: list[str], settings: Settings = SETTINGS) -> list[RawInput | InputError]:
    return list(iter_inputs(paths, settings))


def only(items: list[RawInput | InputError]) -> RawInput:
    assert len(items) == 1, items
    assert isinstance(items[0], RawInput), items[0]
    return items[0]


def error(items: list[RawInput | InputError]) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    return items[0]


def test_text_and_html_files_are_read_by_their_suffix(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    text = only(read_all([str(tmp_path / "story.txt")]))
    html = only(read_all([str(tmp_path / "page.htm")]))
    assert (text.text, text.html, text.id) == (STORY, None, "story.txt")
    assert (html.html, html.text, html.id) == (PAGE, None, "page.htm")


def test_gzip_files_are_unpacked(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    assert only(read_all([str(tmp_path / "story.txt.gz")])).text == STORY
    assert only(read_all([str(tmp_path / "page.html.gz")])).html == PAGE


def test_a_file_without_a_known_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "download").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes").write_text(STORY, encoding="utf-8")
    assert only(read_all([str(tmp_path / "download")])).html == PAGE
    assert only(read_all([str(tmp_path / "notes")])).text == STORY


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story. " * 5, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third story. " * 5, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("internal", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items = read_all([str(tmp_path)])
    assert [i.id for i in items] == ["a.html", "b/two.txt", "c.txt"]
    assert [i.origin for i in items] == [str(tmp_path / n) for n in ("a.html", "b/two.txt", "c.txt")]


def test_missing_empty_and_binary_files_are_named_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n\t ")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00\xff" * 20)
    missing = error(read_all([str(tmp_path / "gone.txt")]))
    empty = error(read_all([str(tmp_path / "empty.txt")]))
    binary = error(read_all([str(tmp_path / "blob.txt")]))
    assert "gone.txt" in str(missing) and "no such file" in str(missing)
    assert (missing.record_id, empty.record_id, binary.record_id) == ("gone.txt", "empty.txt", "blob.txt")
    assert str(empty).endswith("empty input") and "empty.txt" in str(empty)
    assert "binary" in str(binary) and "blob.txt" in str(binary)


def test_truncated_gzip_is_an_error_and_the_next_input_is_still_read(tmp_path: Path) -> None:
    packed = gzip.compress((STORY * 50).encode())
    (tmp_path / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "fine.txt").write_text(STORY, encoding="utf-8")
    items = read_all([str(tmp_path / "cut.txt.gz"), str(tmp_path / "fine.txt")])
    assert isinstance(items[0], InputError) and "gzip" in str(items[0]) and "cut.txt.gz" in str(items[0])
    assert isinstance(items[1], RawInput) and items[1].text == STORY


def test_enormous_inputs_are_refused_plain_or_gzip(tmp_path: Path) -> None:
    small = Settings(max_bytes=1000)
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    # Compresses far below the limit but unpacks far above it: refused while unpacking.
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 100_000))
    assert "larger than the limit of 1,000 bytes" in str(error(read_all([str(tmp_path / "big.txt")], small)))
    assert "larger than the limit" in str(error(read_all([str(tmp_path / "bomb.txt.gz")], small)))


def test_non_utf8_encodings_are_detected() -> None:
    french = "Le ministre a déclaré que les négociations reprendraient la semaine prochaine à Genève."
    assert read_bytes_as_text(french.encode("cp1252"), "fr.txt") == french
    assert read_bytes_as_text(french.encode("utf-16"), "fr16.txt") == french
    assert read_bytes_as_text(b"\xef\xbb\xbf" + french.encode(), "bom.txt") == french
    declared = f'<html><head><meta charset="iso-8859-1"></head><body><p>{french}</p></body></html>'
    assert french in read_bytes_as_text(declared.encode("iso-8859-1"), "fr.html")
    russian = "Министр заявил, что переговоры возобновятся на следующей неделе в Женеве."
    assert read_bytes_as_text(russian.encode("cp1251"), "ru.txt") == russian


def test_jsonl_batch_goes_on_after_a_broken_line(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"id": "one", "text": STORY, "url": "https://news.example/one", "published": "2024-03-05"}
        ),
        '{"id": "two", "text": "unterminated',
        "",
        json.dumps({"html": PAGE, "published": "2024-03-05T08:00:00Z"}),
        json.dumps({"id": "four", "title": "no body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 6, "text": STORY, "published": "March 5"}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all([str(batch)])
    assert len(items) == 6
    first, broken, fourth_line, no_body, not_object, bad_date = items
    assert isinstance(first, RawInput)
    assert (first.id, first.text, first.url, first.published) == (
        "one",
        STORY,
        "https://news.example/one",
        "2024-03-05",
    )
    assert first.origin == f"{batch}:1"
    assert isinstance(broken, InputError) and str(broken).startswith(f"{batch}:2: broken JSON")
    assert isinstance(fourth_line, RawInput)
    assert (fourth_line.id, fourth_line.html, fourth_line.published) == (f"{batch}:4", PAGE, "2024-03-05")
    assert isinstance(no_body, InputError) and no_body.origin == f"{batch}:5" and no_body.record_id == "four"
    assert 'no "text" or "html"' in str(no_body)
    assert isinstance(not_object, InputError) and "expected a JSON object" in str(not_object)
    assert isinstance(bad_date, InputError) and bad_date.record_id == "6" and "published" in str(bad_date)


def test_gzipped_jsonl_and_an_oversized_line(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl.gz"
    lines = [json.dumps({"id": "big", "text": "x" * 5000}), json.dumps({"id": "small", "text": STORY})]
    batch.write_bytes(gzip.compress("\n".join(lines).encode()))
    big, small = read_all([str(batch)], Settings(max_bytes=1000))
    assert isinstance(big, InputError) and big.origin == f"{batch}:1" and "limit" in str(big)
    assert isinstance(small, RawInput) and small.id == "small"


def write_warc(path: Path, broken_tail: bool = False) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        pages = [
            ("https://news.example/ferries", "text/html; charset=utf-8", PAGE.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
            (
                "https://news.example/latin",
                "text/html; charset=iso-8859-1",
                "<p>Genève café</p>".encode("latin-1"),
            ),
        ]
        for uri, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
    if broken_tail:
        with path.open("ab") as out:
            out.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ncut short")


def test_warc_html_responses_become_inputs_with_their_uri(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive)
    ferries, latin = read_all([str(archive)])
    assert isinstance(ferries, RawInput) and isinstance(latin, RawInput)
    assert (ferries.id, ferries.url, ferries.html) == ("https://news.example/ferries", ferries.id, PAGE)
    assert ferries.origin == f"{archive}#1"
    assert latin.origin == f"{archive}#3" and "Genève café" in (latin.html or "")


def test_a_broken_warc_record_is_an_error_after_the_good_ones(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc"
    write_warc(archive, broken_tail=True)
    items = read_all([str(archive)])
    assert [type(i) for i in items] == [RawInput, RawInput, InputError]
    assert "unreadable WARC record" in str(items[-1]) and str(archive) in str(items[-1])


class FakeStdin(io.TextIOWrapper):
    """A text stdin backed by bytes, as a pipe would be."""


TEMPLATED = "{{#showVideo}}{{/showVideo}} The council voted.\n"


@pytest.mark.parametrize(
    ("data", "expected_html", "expected_text"),
    [
        (PAGE.encode(), PAGE, None),
        (STORY.encode(), None, STORY),
        (gzip.compress(STORY.encode()), None, STORY),
        (TEMPLATED.encode(), None, TEMPLATED),
    ],
)
def test_stdin_is_sniffed_as_html_or_text(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected_html: str | None, expected_text: str | None
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(BytesIO(data), encoding="utf-8"))
    item = only(read_all(["-"]))
    assert (item.html, item.text, item.origin) == (expected_html, expected_text, "-")


def test_stdin_jsonl_is_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "text": STORY}), "{broken", json.dumps({"id": "b", "html": PAGE})]
    monkeypatch.setattr(sys, "stdin", FakeStdin(BytesIO("\n".join(lines).encode()), encoding="utf-8"))
    first, broken, last = read_all(["-"])
    assert isinstance(first, RawInput) and (first.id, first.origin, first.text) == ("a", "-:1", STORY)
    assert isinstance(broken, InputError) and str(broken).startswith("-:2: broken JSON")
    assert isinstance(last, RawInput) and (last.id, last.html) == ("b", PAGE)


def test_empty_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(BytesIO(b""), encoding="utf-8"))
    empty = error(read_all(["-"]))
    assert str(empty) == "-: empty input" and empty.record_id == "stdin"
