"""Personal data in Japanese customer text: find and mask e-mail addresses, phone numbers,
postal addresses and personal names; stable pseudonyms for customer ids.

Rules, not the GiNZA NER pipeline (37 docs/s here; an export of 100,000 answers cannot wait for
it): regular expressions for e-mail / phone / postcode / address, and Sudachi's dictionary for
names (名詞-固有名詞-人名: 田中, 美咲) plus any word directly before an honorific (様, さん, 氏 …).
``bench/eval_pii.py`` measures what this catches on a labelled set.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from nlp.resources import word_list

PLACEHOLDERS = {"email": "［メール］", "phone": "［電話番号］", "postcode": "［郵便番号］", "address": "［住所］",
                "name": "［氏名］"}

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
# 090-1234-5678, 03-1234-5678, 0120-123-456, (03)1234-5678, +81 90 1234 5678, 09012345678
_D = r"[\s\-−‐–—ー]"  # separators as typed (hyphen, minus, long-vowel mark, spaces)
_PHONE = re.compile(rf"(?<![A-Za-z0-9\-])(?:\+81{_D}?\d{{1,4}}|\(0\d{{1,4}}\)|0\d{{1,4}}){_D}?\d{{1,4}}{_D}?\d{{3,4}}(?![\d\-])")
_POSTCODE = re.compile(r"(?:〒\s?)?(?<!\d)\d{3}-\d{4}(?!\d)")
_CITY = r"[^\s、。,．・：:「」『』（）()\[\]【】\d]{1,6}?(?:市|区|町|村|郡)"
_BLOCK = r"[^\s、。,]{0,12}?(?:\d+(?:丁目|番地?|号|-\d+)+|[一二三四五六七八九十]+丁目)[\d\-－号番地]*"


@cache
def _address_re() -> re.Pattern:
    prefs = "|".join(word_list("pii/prefectures.txt"))
    return re.compile(rf"(?:(?:{prefs}){_CITY}(?:{_CITY})?(?:{_BLOCK})?|{_CITY}(?:{_CITY})?{_BLOCK})")


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(word_list("pii/honorifics.txt"))


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int


def find(text: str) -> list[Span]:
    """Personal data in ``text`` (offsets into ``text``), non-overlapping, in order."""
    spans: list[Span] = []
    # NFKC for matching only (full-width digits and @); NFKC keeps the length of these characters
    probe = unicodedata.normalize("NFKC", text)
    if len(probe) != len(text):
        probe = text
    for kind, rx in (("email", _EMAIL), ("postcode", _POSTCODE), ("phone", _PHONE), ("address", _address_re())):
        for m in rx.finditer(probe):
            if kind == "phone" and not 10 <= sum(ch.isdigit() for ch in m.group()) <= 13:
                continue  # too short for a phone number: an id, an amount, a date
            spans.append(Span(kind, m.start(), m.end()))
    spans.extend(_names(text))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def _names(text: str) -> list[Span]:
    from nlp.tokenize import _tokenizer, chunks

    tok = _tokenizer("C")
    hon = _honorifics()
    out = []
    for offset, piece in chunks(text):
        ms = list(tok.tokenize(piece))
        for i, m in enumerate(ms):
            pos = m.part_of_speech()
            person = pos[1] == "固有名詞" and pos[2] == "人名"
            # a proper noun before 様 / さん is a name even when the dictionary does not know it as one
            # (店員さん, お客様 are common nouns and stay)
            before_honorific = (i + 1 < len(ms) and ms[i + 1].surface() in hon and pos[1] == "固有名詞"
                                and pos[2] != "地名" and not m.surface().isascii())
            if person or before_honorific:
                out.append(Span("name", offset + m.begin(), offset + m.end()))
    # 田中 美咲 / 田中美咲: adjacent name parts become one span
    merged: list[Span] = []
    for s in out:
        if merged and (s.start == merged[-1].end or text[merged[-1].end:s.start] in (" ", "　")):
            merged[-1] = Span("name", merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


def mask(text: str) -> tuple[str, list[Span]]:
    """``text`` with every personal-data span replaced by its placeholder, and the spans."""
    spans = find(text)
    if not spans:
        return text, spans
    parts, last = [], 0
    for s in spans:
        parts.append(text[last:s.start])
        parts.append(PLACEHOLDERS[s.kind])
        last = s.end
    parts.append(text[last:])
    return "".join(parts), spans


def pseudonym(customer_id: str, salt: str) -> str:
    """A stable pseudonym for a customer id (same id and salt → same pseudonym; not reversible
    without the project's salt)."""
    h = hashlib.blake2b(f"{salt}\x00{customer_id}".encode(), digest_size=5).hexdigest().upper()
    return f"顧客-{h}"
