"""What counts as personal: the rules of the privacy gate, applied to normalised text.

Layered, because no single method catches everything:

* maintained libraries: ``deduce`` (Dutch de-identification: person names, streets with a
  house number, dates), ``phonenumbers`` (Dutch numbers in any notation), ``python-stdnum``
  (BSN with the 11-check, Dutch postcodes, IBAN);
* the project's deny-list (data/privacy.yml) in every order and form a name is written in:
  "Ria Verhoeven", "Verhoeven, Ria", "Mevrouw Verhoeven", "R. Verhoeven";
* a few patterns the libraries miss: obfuscated e-mail addresses ("jan at voorbeeld punt nl"),
  streets in lower case or with "nr." / "3bis" / "12-A", dates of birth.

Text the book is *meant* to show is allowed, not ignored wholesale: the area names of the
registries (deduce reads "Huis de Geer" or "De Wiers" as a person) and the short list of
exceptions in privacy.yml, each with its reason. A deny-listed name is never allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Iterable

import phonenumbers
from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import postcode as std_postcode

from .config import PrivacyConfig
from .text import normalise

NAAM = "naam op de deny-list"
PERSOON = "persoonsnaam (deduce)"
EMAIL = "e-mailadres"
EMAIL_VERHULD = "e-mailadres (verhuld geschreven)"
TELEFOON = "telefoonnummer"
BSN = "BSN (11-proef)"
IBAN = "IBAN"
POSTCODE = "postcode"
ADRES = "straat met huisnummer"
GEBOORTEDATUM = "geboortedatum"
KLEIN_AANTAL = "deelnemersaantal onder 5"

TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "el", "al", "da", "di", "du",
                  "le", "la", "von", "op", "uit", "v.", "v.d."}
DEDUCE_OFF = {"ages", "identifiers", "urls", "institutions", "email_addresses", "phone_numbers", "postal_code",
              "postbus", "placename", "clean_street_tags", "redactor"}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?!\w)", re.I)
_TLD = r"(?:nl|com|org|net|eu|be|de|info|nu|io|uk|fr|online)"
_AT = r"(?:@|\(at\)|\[at\]|\{at\}|<at>|\bat\b|\bapenstaartje\b)"
_DOT = r"(?:\.|\(dot\)|\[dot\]|\{dot\}|\(punt\)|\[punt\]|\bpunt\b|\bdot\b)"
_EMAIL_VERHULD = re.compile(rf"(?<![\w.+-])[\w.+-]+\s*{_AT}\s*[\w-]+(?:\s*{_DOT}\s*[\w-]+)*?\s*{_DOT}\s*{_TLD}\b",
                            re.I)
# Dutch numbers: 0 or +31/0031, then 9 digits with spaces, hyphens or brackets between them.
_PHONE = re.compile(r"(?<![\w.,/])(?:\+31|0031|\(0\)|0)(?:[\s\-–()]*\d){9}(?!\d|[.,]\d)")
_BSN = re.compile(r"(?<![\w.,/-])(?:\d{9}|\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{2}[ .]\d{3})(?![\w]|[.,/-]\d)")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\w])")
_POSTCODE = re.compile(r"(?<![\w#-])([1-9]\d{3})(?:\s?([A-Z]{2})|([a-z]{2}))(?![\w-])")
_MONTHS = r"(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}[-/. ]\d{{1,2}}[-/. ](?:19|20)?\d{{2}}|\d{{1,2}}\s+{_MONTHS}\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}})"
_BIRTH = re.compile(rf"\b(?:geboren|geb\.|geboortedatum|geboortedag|geboortejaar)\s*(?:op|in|:)?\s*(?:de\s+)?{_DATE}",
                    re.I)
_BIRTH_WORD = re.compile(r"\b(?:geboren|geb\.|geboortedatum|geboortedag)\W*(?:\w+\W+){0,2}$", re.I)
_HOUSE = r"(?:nr\.?\s*|nummer\s+|no\.?\s*)?\d{1,5}(?:\s?-?\s?(?:bis\b|[a-zA-Z]\b)|\s?-\s?\d{1,4}\b)?"
_FIGURE_AFTER = re.compile(r"^\s?(?:[.,]\d|%|‰)")


@dataclass(frozen=True)
class Hit:
    rule: str
    text: str


@cache
def deduce_model():
    """The Deduce de-identifier, loaded once per process (≈ 7 s; its lookup lists ship with
    the package and are cached inside it after the first use, which takes ≈ 2 minutes)."""
    import logging

    root = logging.getLogger()
    before = list(root.handlers)
    from deduce import Deduce

    # deduce calls logging.basicConfig(DEBUG, stdout) on import: that handler would print every
    # INFO line of Dask's scheduler into the build's output. Keep the caller's logging as it was.
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
    root.setLevel(max(root.level, logging.WARNING))
    return Deduce()


def _name_patterns(name: str, titles: list[str]) -> list[tuple[re.Pattern, bool]]:
    """(pattern, case-sensitive?) for every way a deny-listed name may be written."""
    tokens = normalise(name).split(" ")
    first, rest = tokens[0], tokens[1:]
    words = [re.escape(t) for t in tokens]
    gap = r"[\s.-]*\s"
    pats = [(r"\s+".join(words), False)]
    if rest:
        surname = r"\s+".join(re.escape(t) for t in rest)
        core_tokens = [t for t in rest if t.lower() not in TUSSENVOEGSELS] or rest
        prefix = [t for t in rest if t.lower() in TUSSENVOEGSELS]
        core = r"\s+".join(re.escape(t) for t in core_tokens)
        tail = r"(?:\s+" + r"\s+".join(map(re.escape, prefix)) + ")?" if prefix else ""
        title = "|".join(re.escape(t).replace(r"\.", r"\.?") for t in titles)
        pats += [
            (rf"{surname}\s*,\s*{re.escape(first)}", False),  # Verhoeven, Ria / van Dam, Joke
            (rf"{core}\s*,\s*{re.escape(first)}{tail}", False),  # Dam, Joke van
            (rf"(?:{title})\.?{gap}?(?:{re.escape(first)}\s+)?{surname}", False),  # Mevrouw (Ria) Verhoeven
            (rf"(?:{title})\.?{gap}?(?:{re.escape(first)}\s+)?{core}", False),  # Mw. Dam
            (rf"{re.escape(first[0])}\.\s*{surname}", False),  # R. Verhoeven
        ]
        if len("".join(core_tokens)) >= 5:
            pats.append((core, True))  # the surname alone, written as a name (capitalised)
    return [(re.compile(rf"(?<![\w]){p}(?![\w])", 0 if cs else re.I), cs) for p, cs in pats]


class Rules:
    """All rules, with the deny-list and the allowed texts of one configuration."""

    def __init__(self, config: PrivacyConfig, allowed_terms: Iterable[str] = ()):
        self.config = config
        self.names = [(n, p) for n in config.namen for p, _ in _name_patterns(n, config.titels)]
        suffixes = "|".join(sorted((re.escape(s) for s in config.straattypen), key=len, reverse=True))
        self.street = re.compile(rf"(?<![\w-])[A-Za-z'][A-Za-z'-]+(?:{suffixes})\s+{_HOUSE}", re.I)
        terms = sorted({normalise(t) for t in allowed_terms if len(normalise(t)) >= 2}
                       | {normalise(t.tekst) for t in config.toegestaan}, key=lambda t: (-len(t), t))
        self.allowed_terms = terms
        self.allowed_exact = {t.casefold() for t in terms}
        self.titles = {normalise(t).casefold().rstrip(".") for t in config.titels}
        self._memo: dict[tuple[str, bool], list[Hit]] = {}

    @cached_property
    def allowed(self) -> re.Pattern | None:
        """All allowed texts as one pattern: compiled when first needed (≈ 1 s for the ≈ 3,600
        area names), so a build whose pages are all unchanged never pays for it."""
        if not self.allowed_terms:
            return None
        return re.compile("|".join(rf"(?<!\w){re.escape(t)}(?!\w)" for t in self.allowed_terms), re.I)

    # -- entry point ----------------------------------------------------------------------------

    def scan(self, text: str, *, use_deduce: bool = True) -> list[Hit]:
        """Every personal detail in ``text`` (normalised here), one Hit per rule and match."""
        text = normalise(text)
        key = (text, use_deduce)
        if key not in self._memo:
            hits = self._patterns(text)
            if use_deduce:
                hits += self._deduce(text, hits)
            self._memo[key] = _widest(hits)
        return self._memo[key]

    # -- the rules ------------------------------------------------------------------------------

    def _patterns(self, text: str) -> list[Hit]:
        hits = [Hit(NAAM, m.group(0)) for _, p in self.names for m in p.finditer(text)]
        hits += [Hit(EMAIL, m.group(0)) for m in _EMAIL.finditer(text)]
        hits += [Hit(EMAIL_VERHULD, m.group(0)) for m in _EMAIL_VERHULD.finditer(text) if "@" not in m.group(0)]
        hits += [Hit(TELEFOON, t) for t in phone_numbers(text) if not axis_ticks(t)]
        hits += [Hit(BSN, m.group(0)) for m in _BSN.finditer(text)
                 if std_bsn.is_valid(m.group(0)) and not axis_ticks(m.group(0))]
        hits += [Hit(IBAN, m.group(0)) for m in _IBAN.finditer(text) if std_iban.is_valid(m.group(0))]
        for m in _POSTCODE.finditer(text):
            letters = (m.group(2) or m.group(3)).upper()
            if std_postcode.is_valid(f"{m.group(1)} {letters}") and not self._is_allowed(text, m.start(), m.end()):
                hits.append(Hit(POSTCODE, m.group(0)))
        for m in self.street.finditer(text):
            if not _FIGURE_AFTER.match(text[m.end():]) and not self._is_allowed(text, m.start(), m.end(),
                                                                                street=True):
                hits.append(Hit(ADRES, m.group(0)))
        hits += [Hit(GEBOORTEDATUM, m.group(0)) for m in _BIRTH.finditer(text)]
        return hits

    def _deduce(self, text: str, found: list[Hit]) -> list[Hit]:
        doc = deduce_model().deidentify(text, disabled=DEDUCE_OFF)
        hits = []
        for a in doc.annotations:
            if a.tag == "persoon":
                if not self._name_allowed(text, a.start_char, a.end_char) \
                        and not _sentence_start_word(text, a.start_char, a.text):
                    hits.append(Hit(PERSOON, a.text))
            elif a.tag.startswith("straat+huisnummer"):
                if _FIGURE_AFTER.match(text[a.end_char:]) or self._is_allowed(text, a.start_char, a.end_char,
                                                                              street=True):
                    continue
                hits.append(Hit(ADRES, a.text))
            elif a.tag == "datum" and _BIRTH_WORD.search(text[max(0, a.start_char - 40): a.start_char]):
                hits.append(Hit(GEBOORTEDATUM, a.text))
        return hits

    # -- allowed text ---------------------------------------------------------------------------

    def _allowed_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.allowed.finditer(text)] if self.allowed else []

    def _is_allowed(self, text: str, start: int, end: int, street: bool = False) -> bool:
        """A match inside an allowed text; for a street, a street part that is an area name."""
        spans = self._allowed_spans(text)
        if any(s <= start and end <= e for s, e in spans):
            return True
        if street:
            part = re.sub(r"\s+\S+$", "", text[start:end])
            return any(s <= start and start + len(part) <= e for s, e in spans)
        return False

    def _name_allowed(self, text: str, start: int, end: int) -> bool:
        """Whether a person name from deduce is text the book may show.

        Allowed: a cut-off allowed term ("Gerrit van Stellingwe" in a clipped table), or a span
        whose name words all lie in allowed text (area names). Deduce also strings capitalised
        words together ("E Indicator Batau Nederland"); there only words its own name lists know
        must be covered, unless the span starts with a title or an initial ("Mevrouw X", "R. X"),
        which marks a person for certain.
        """
        whole = text[start:end].strip(" .…").casefold()
        if len(whole) >= 3 and any(t.casefold().startswith(whole) for t in self.allowed_terms):
            return True
        spans = self._allowed_spans(text)
        words = list(re.finditer(r"[\w'-]+\.?", text[start:end]))
        strict = bool(words) and (words[0].group(0).casefold().rstrip(".") in self.titles
                                  or re.fullmatch(r"[A-Z]\.", words[0].group(0)) is not None)
        for m in words:
            word = m.group(0)
            bare = word.casefold().rstrip(".")
            if len(bare) <= 2 or word.casefold() in TUSSENVOEGSELS or bare in self.titles:
                continue  # initials, tussenvoegsels and titles are not names by themselves
            s, e = start + m.start(), start + m.end()
            if any(a <= s and e <= b for a, b in spans):
                continue
            if strict or _known_name(word.rstrip(".")):
                return False
        return True


def _sentence_start_word(text: str, start: int, found: str) -> bool:
    """A single capitalised word that starts a sentence and that deduce knows only as a surname
    ("Schoon, heel en verlicht", "Groen en speelplekken") is an ordinary word there. A name on the
    deny-list is still caught by its own rule; a first name ("Jan zei") is still reported."""
    if " " in found.strip() or deduce_model().lookup_structs["first_name"].longest_matching_prefix(
            [found.strip()]) is not None:
        return False
    return re.search(r"(?:^|[.!?:;]\s+|[\"“‘'(]\s*)$", text[:start]) is not None


def _known_name(word: str) -> bool:
    structs = deduce_model().lookup_structs
    return any(structs[k].longest_matching_prefix([word]) is not None for k in ("first_name", "surname"))


def _widest(hits: list[Hit]) -> list[Hit]:
    """One hit per place: a match inside a longer match of the same rule is dropped."""
    unique = list(dict.fromkeys(hits))
    return [h for h in unique if not any(o.rule == h.rule and o.text != h.text and h.text in o.text for o in unique)]


def axis_ticks(raw: str) -> bool:
    """'0 25 50 75 100', '340 360 380': three or more numbers at equal steps are the ticks of a
    chart axis (in a PDF's text), not a phone number or a BSN. A person's number written in
    groups ("06 12 34 56 78") does not step evenly."""
    if not re.fullmatch(r"\d+(?: \d+)+", raw.strip()):  # ticks are separated by spaces only
        return False
    groups = [int(g) for g in raw.split()]
    if len(groups) < 3:
        return False
    steps = {b - a for a, b in zip(groups, groups[1:])}
    return len(steps) == 1 and steps.pop() > 0


def phone_numbers(text: str) -> list[str]:
    """Dutch phone numbers in any notation: ``phonenumbers``' matcher plus a pattern for
    notations it skips ("06 - 1234 5678"), each checked as a valid Dutch number."""
    out = []
    for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        before = text[m.start - 1: m.start] if m.start else ""
        after = text[m.end: m.end + 1]
        if not (before.isalnum() or after.isalnum()) and len(str(m.number.national_number)) >= 9:
            out.append(m.raw_string)  # 9 digits: not a short service number such as 14 010
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0).replace("(0)", ""))
        try:
            number = phonenumbers.parse(digits if not digits.startswith("31") or len(digits) == 10
                                        else "+" + digits, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and not any(m.group(0) in o or o in m.group(0) for o in out):
            out.append(m.group(0))
    return out
