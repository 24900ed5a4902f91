"""What a letter can look like: Unicode's confusables data (UTS #39, from `confusable-homoglyphs`) and
transliteration (`anyascii`), so blocked terms see through look-alike letters without a hand table.

`prepare` turns a prompt into the text terms are matched against: compatibility forms folded (full
width, mathematical letters), invisible characters dropped (zero-width, bidirectional controls, Hangul
fillers, variation selectors: Unicode's Default_Ignorable_Code_Point), text that a right-to-left
override shows reversed read in the order it is seen, accents dropped, and other Latin letters spelled
in ASCII (`ø` o, `ß` ss, `ᴛ` t). Case is kept: a capital Greek eta looks like H, its small form like n.
`LETTER_CLASSES` gives, for each ASCII letter and digit, every character that looks like it, in either
case, plus the usual leetspeak digits and symbols; `fold` spells a prepared text in those ASCII letters.
"""

from __future__ import annotations

import string
import unicodedata
from functools import lru_cache

import regex
from anyascii import anyascii
from confusable_homoglyphs.confusables import confusables_data

# Leetspeak: digits and symbols that stand for a letter inside a word. They belong to the letter's
# class only, never to the text itself, so `gore!` is the word "gore" followed by punctuation.
_LEET = {"a": "4@", "b": "8", "e": "3", "g": "9", "i": "1!", "l": "1|I", "o": "0", "s": "5$", "t": "7+"}
_DIGIT_READINGS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}", regex.V1)
_MARKS = regex.compile(r"\p{M}", regex.V1)
_LATIN = regex.compile(r"\p{Script=Latin}", regex.V1)
_OTHER_LATIN = regex.compile(r"[\p{Script=Latin}--\p{ASCII}]", regex.V1)
# A right-to-left override or embedding (or isolate) shows what follows reversed, up to its end.
_RIGHT_TO_LEFT_RUN = regex.compile(r"[\u202b\u202e\u2067]([^\u202a-\u202e\u2066-\u2069\n]*)")


def _single_letter(text: str) -> str | None:
    """The lower-case ASCII letter or digit `text` is, if it is exactly one."""
    return text.lower() if len(text) == 1 and text.isascii() and text.isalnum() else None


def _build_classes() -> dict[str, frozenset[str]]:
    """For each ASCII letter and digit, the characters that look like it (case-insensitive)."""
    classes: dict[str, set[str]] = {c: {c, c.upper()} for c in string.ascii_lowercase + string.digits}
    # The data lists each pair both ways; ASCII characters keep their own reading (I, 1 and 0 read as
    # l, l and O in the data; here capital I is i, and the digits are leetspeak below).
    pairs = [
        (source, entry["c"])
        for source, entries in confusables_data.items()
        if len(source) == 1 and not source.isascii()
        for entry in entries
    ]
    for source, prototype in pairs:
        # A prototype that is itself an unusual Latin letter (Cyrillic т looks like small capital ᴛ).
        unusual = len(prototype) == 1 and not prototype.isascii() and _LATIN.fullmatch(prototype)
        target = _single_letter(anyascii(prototype) if unusual else prototype)
        if target is not None:
            classes[target].add(source)
    for source, _ in pairs:
        # A small letter whose capital looks like an ASCII capital looks like its small form too, when
        # it is spelled that way (Cyrillic к, whose capital is K; not н, whose capital is H).
        spelled = _single_letter(anyascii(source))
        if spelled is not None and source.islower() and source.upper() in classes[spelled]:
            classes[spelled].add(source)
    # The data reads every capital I (Latin, Greek, Cyrillic) as a small l: as capitals they are also i.
    classes["i"].update(c for c in classes["l"] if c.isupper() and not c.isascii())
    for letter, symbols in _LEET.items():
        classes[letter].update(symbols)
    return {letter: frozenset(members) for letter, members in classes.items()}


def _build_readings() -> dict[str, str]:
    """Each look-alike letter's reading: the first letter (alphabetically) whose class holds it."""
    readings = {c: c.lower() for c in string.ascii_letters} | _DIGIT_READINGS
    for letter in string.ascii_lowercase:
        for member in sorted(LETTER_CLASSES[letter]):
            if member.isalpha():
                readings.setdefault(member, letter)
    return readings


@lru_cache(maxsize=4096)
def _spell_latin(letter: str) -> str:
    spelled = anyascii(letter)
    return spelled if spelled.isascii() and spelled.isalpha() else letter


def _as_seen(text: str) -> str:
    return _RIGHT_TO_LEFT_RUN.sub(lambda run: run.group(1)[::-1], text)


def prepare(text: str) -> str:
    """The prompt as it is seen, ready for the term patterns (see the module's docstring)."""
    text = _IGNORABLE.sub("", unicodedata.normalize("NFKC", _as_seen(text)))
    text = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))
    return _OTHER_LATIN.sub(lambda letter: _spell_latin(letter.group()), text)


def fold(text: str) -> str:
    """A prepared text spelled in lower-case ASCII where its letters and digits look like ASCII ones."""
    return "".join(_READING.get(c, c) for c in text).casefold()


def _after_preparing(classes: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The classes without the characters `prepare` never leaves in a prompt (mathematical and full
    width letters, accents, other Latin letters): smaller patterns compile much faster."""
    return {letter: frozenset(c for c in members if prepare(c) == c) for letter, members in classes.items()}


def _build_spellings() -> dict[str, str]:
    """How `spell` writes each look-alike letter: its ASCII letter, or for one that looks like two
    (capital I: i or l; Cyrillic к: k or kra), a stand-in for both: a mathematical letter, which
    `prepare` never leaves in a prompt (compatibility folding spells it in ASCII)."""
    readings: dict[str, set[str]] = {}
    for letter in string.ascii_lowercase:
        for member in LETTER_CLASSES[letter]:
            if member.isalpha():
                readings.setdefault(member, set()).add(letter)
    ambiguous = sorted({"".join(sorted(letters)) for letters in readings.values() if len(letters) > 1})
    stand_ins = {letters: chr(_FIRST_STAND_IN + index) for index, letters in enumerate(ambiguous)}
    return {c: stand_ins.get("".join(sorted(letters)), min(letters)) for c, letters in readings.items()}


def _build_term_letters() -> dict[str, str]:
    """For each ASCII letter and digit, what stands for it in a spelled prompt: itself, the stand-ins
    of the look-alikes that may be it, and the digits and symbols that look like it."""
    stand_ins: dict[str, set[str]] = {letter: {letter} for letter in LETTER_CLASSES}
    for member, spelled in _SPELLING.items():
        for letter in LETTER_CLASSES:
            if member in LETTER_CLASSES[letter] and spelled != letter:
                stand_ins[letter].add(spelled)
    for letter, members in LETTER_CLASSES.items():
        stand_ins[letter].update(c for c in members if not c.isalpha())
    return {letter: "".join(sorted(members)) for letter, members in stand_ins.items()}


LETTER_CLASSES = _after_preparing(_build_classes())
_READING = _build_readings()
_FIRST_STAND_IN = 0x1D400  # MATHEMATICAL BOLD CAPITAL A
_SPELLING = _build_spellings()
TERM_LETTERS = _build_term_letters()


def spell(prepared: str) -> str:
    """A prepared prompt with each look-alike letter written as what `TERM_LETTERS` expects, other
    letters in small letters; digits and symbols stay (they are letters only inside a term's word)."""
    return "".join(_SPELLING.get(c) or c.lower() for c in prepared)
