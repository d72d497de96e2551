"""The highlighter (static/highlight.js) run in Chromium on random records: whatever the spans — nested,
crossing, out of range, empty — the rendered text is exactly the record's text, and every character a role
covers is marked with that role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.browser import CHROMIUM, NO_CHROMIUM, chromium_context
from support.harness import server_thread

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

# Renders a record with the real module and reports, per character, which (role, attribution) marks cover it.
RENDER = """async (record) => {
  const { highlightedText } = await import('/static/highlight.js');
  const body = highlightedText(record);
  const covered = [];
  const walk = (node, marks) => {
    if (node.nodeType === Node.TEXT_NODE) {
      for (let unit = 0; unit < node.data.length; unit++) covered.push(marks);
      return;
    }
    const role = node.dataset && node.dataset.role;
    const here = role ? [...marks, role + ':' + node.dataset.attribution] : marks;
    for (const child of node.childNodes) walk(child, here);
  };
  walk(body, []);
  return { text: body.textContent, covered, elements: body.querySelectorAll('*').length,
           foreign: body.querySelectorAll(':not(span)').length };
}"""

ROLE_NAMES = ("source", "cue", "content")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    with server_thread(None) as url, chromium_context(tmp_path_factory.mktemp("profile")) as context:
        page = context.new_page()
        page.goto(f"{url}/docs")
        yield page


# Emoji and other astral characters included: they are one offset in the record, two code units in the page.
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=60)
span = st.tuples(st.integers(-5, 70), st.integers(-5, 70))


@st.composite
def records(draw: st.DrawFn) -> dict:
    text = draw(texts)
    attributions = []
    for number in range(draw(st.integers(0, 4))):
        roles = {
            name: {"text": "", "spans": draw(st.lists(span, min_size=1, max_size=2))} for name in ROLE_NAMES
        }
        attributions.append({"id": f"a{number + 1}", **roles})
    events = [{"id": "e1", "trigger": {"text": "", "spans": draw(st.lists(span, max_size=2))}}]
    return {"text": text, "attributions": attributions, "events": events}


def expected_cover(record: dict) -> list[set[str]]:
    """For each character: the role:attribution marks whose (clipped, non-empty) spans contain it."""
    n = len(record["text"])
    cover: list[set[str]] = [set() for _ in range(n)]
    items = [(name, a["id"], a[name]) for a in record["attributions"] for name in ROLE_NAMES]
    items += [("trigger", e["id"], e["trigger"]) for e in record["events"]]
    for role, owner, value in items:
        for start, end in value["spans"]:
            for i in range(max(0, start), min(n, end)):
                cover[i].add(f"{role}:{owner}")
    return cover


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=records())
def test_highlighting_keeps_the_text_and_marks_every_covered_character(page, record: dict) -> None:
    result = page.evaluate(RENDER, record)
    assert result["text"] == record["text"]
    assert result["foreign"] == 0  # only the highlighter's own spans, nothing parsed from the text
    # The page reports marks per UTF-16 code unit; offsets count code points (astral characters take two).
    marks, unit = [], 0
    for character in record["text"]:
        marks.append(set(result["covered"][unit]))
        unit += 2 if ord(character) > 0xFFFF else 1
    assert marks == expected_cover(record)
