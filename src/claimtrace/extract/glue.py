"""Repair words glued together by scraping or machine translation, only where the evidence is clear.

"the Washington PostCiting three people" → "Post. Citing"; "the talks.The envoy" → "talks. The envoy".
A split needs both halves to be English words (or the left one to stand alone elsewhere in the text), the
glued form to be no word itself, and it must appear once only: a brand such as YouTube, LinkedIn or
iPhone is written the same way every time and is left alone, as are the names and brands listed below.
"""

from __future__ import annotations

import re
from collections import Counter

from claimtrace.extract.lexicon import is_english_word, word_set

# Mixed-case words common in news whose halves are English words: never split.
KNOWN_MIXED_CASE = word_set(
    """
    YouTube LinkedIn JavaScript TypeScript PowerPoint WordPress BlackRock BlackBerry FedEx WhatsApp TikTok
    PayPal SoftBank WeChat HarperCollins SpaceX GlaxoSmithKline ExxonMobil AstraZeneca BioNTech JPMorgan
    PlayStation MasterCard WikiLeaks BuzzFeed HuffPost SoundCloud DreamWorks DeepMind OpenAI GitHub
    DoorDash AirPods MacBook SmackDown FaceTime SharePoint OneDrive StarLink StarCraft WorldCom
    PricewaterhouseCoopers SolarWinds SunPower CrowdStrike CoinBase FanDuel DraftKings HarmonyOS NetApp
    SalesForce ChatGPT
    QuickTime NatWest PepsiCo TransCanada LaGuardia LeBron MapQuest PubMed StubHub
    """
)
# Name particles that begin a capitalised second part: McDonald, MacArthur, DeSantis, LaGuardia, VanDyke.
_NAME_PREFIXES = word_set(
    "mc mac de di da du del della la le van von der den ten ter al el bin ibn abu st san"
)
# Capitalised words that commonly open a sentence or clause: the right half of a glue at a lost boundary.
_OPENERS = word_set(
    """
    the a an he she it they we i you this that these those there his her their its our but and or yet so
    in on at for from with without after before when while as if although though because since until
    according however meanwhile earlier later also still now then citing speaking asked adding noting
    officials mr ms mrs dr one two three four five several many some most both all no not
    """
)
_CAMEL = re.compile(r"(?<![\w@/.])([A-Za-z]*[a-z])([A-Z][a-z]+)(?![\w@/]|\.\w)")
_SENTENCE_GLUE = re.compile(r"(?<![\w@/.])([a-z][a-z]+[a-z)])([.!?][\"”’)]?)([A-Z][a-z]+)(?![\w@/])")
_DOMAIN_ENDINGS = word_set("com net org gov edu io co uk de fr js py html php asp")
_WORD = re.compile(r"[A-Za-z]+")
_HUMP = re.compile(r"[a-z][A-Z]")  # a second capital inside the left half: a name like GlaxoSmithKline


def repair_glued_words(text: str) -> str:
    """`text` with clearly glued words split; unchanged when nothing is glued."""
    if not (_CAMEL.search(text) or _SENTENCE_GLUE.search(text)):
        return text
    counts = Counter(_WORD.findall(text))
    lower_counts = Counter(w.lower() for w in _WORD.findall(text))

    def split_camel(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        whole = left + right
        if _keeps_camel(whole, left, right, counts, lower_counts):
            return whole
        if _opens_sentence(right):
            # A capitalised opener can only follow a lost boundary; restoring it lets the parser see two
            # sentences instead of one run-on ("…the Washington Post. Citing three people, the paper said…").
            return f"{left}. {right}"
        return f"{left} {right}"

    def split_sentence(match: re.Match[str]) -> str:
        left, mark, right = match.groups()
        if right.lower() in _DOMAIN_ENDINGS or not (
            _known(left.rstrip(")"), lower_counts) and _known(right, lower_counts)
        ):
            return match.group(0)
        return f"{left}{mark} {right}"

    return _CAMEL.sub(split_camel, _SENTENCE_GLUE.sub(split_sentence, text))


def _keeps_camel(whole: str, left: str, right: str, counts: Counter[str], lower_counts: Counter[str]) -> bool:
    if whole in KNOWN_MIXED_CASE or counts[whole] > 1 or is_english_word(whole) or _HUMP.search(left):
        return True
    if len(left) < 3 or left.lower() in _NAME_PREFIXES or not is_english_word(right):
        return True
    if not (is_english_word(left) or counts[left] > 0):
        return True
    # Text evidence: both halves stand alone elsewhere, or the right half is a usual sentence opener.
    seen_apart = counts[left] > 0 and lower_counts[right.lower()] > 0
    return not (seen_apart or _opens_sentence(right))


def _opens_sentence(word: str) -> bool:
    return word.lower() in _OPENERS or _is_participle(word.lower())


def _is_participle(word: str) -> bool:
    """An -ing form of an English verb ("citing", "speaking"): a common clause opener in news."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    return any(is_english_word(s) for s in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else ""))


def _known(word: str, lower_counts: Counter[str]) -> bool:
    return is_english_word(word) or lower_counts[word.lower()] > 1
