"""Decide a file's text encoding: BOM, strict UTF-8, cp932, then detection.

cp932 rather than shift_jis: Japanese Excel writes cp932, and shift_jis rejects
①, ㈱ and 髙.

UTF-16 without a BOM (some tools write one, Python's ``utf-16`` codec refuses it): the byte
order is read from where the NUL bytes fall — ASCII characters (digits, commas, line breaks)
have a NUL high byte, at odd offsets in little-endian and even offsets in big-endian — and,
when the text has no ASCII at all, from which order decodes to ordinary characters
(:func:`utf16_order`). ``--encoding utf-16`` on such a file reads it in that order; without
``--encoding`` a clear NUL pattern that decodes strictly is taken as UTF-16 too.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path

from base.errors import InputError

CHUNK = 1 << 20

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

ALIASES = {
    "sjis": "cp932",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "utf8": "utf-8",
    "utf-8-bom": "utf-8-sig",
}


# BOM-less UTF-16 is recognised by its NUL bytes: at least this many of them …
UTF16_MIN_NULS = 4
# … and at least this share of the head's 2-byte units (a text file in UTF-8 or CP932 has fewer
# stray NULs: see importers.textsafety.BINARY_CONTROL_SHARE) …
UTF16_MIN_NUL_SHARE = 0.01
# … fall at one parity of offsets, with at most 1 / UTF16_PARITY_RATIO of them at the other
UTF16_PARITY_RATIO = 8


def canonical(encoding: str) -> str:
    """Python's own name of a codec: 'UTF16' → 'utf-16', 'utf_16le' → 'utf-16-le'."""
    return codecs.lookup(encoding).name


def _plain_char_score(text: str) -> float:
    """How much ``text`` looks like Japanese or English: ASCII, kana, Japanese punctuation and
    full-width forms count 1, ideographs ½ (byte-swapped kana are ideographs), the rest 0."""
    if not text:
        return 0.0
    score = 0.0
    for ch in text:
        if " " <= ch <= "~" or ch in "\t\r\n" or "\u3000" <= ch <= "\u30ff" or "\uff01" <= ch <= "\uff9f":
            score += 1
        elif "\u4e00" <= ch <= "\u9fff":
            score += 0.5
    return score / len(text)


def _decodes_head(head: bytes, encoding: str) -> str | None:
    try:  # not final: the head may end inside a character
        return codecs.getincrementaldecoder(encoding)("strict").decode(head, final=False)
    except UnicodeError:
        return None


def utf16_order(head: bytes, *, sure: bool = False) -> str | None:
    """'utf-16-le' or 'utf-16-be' for BOM-less UTF-16 ``head``, or None.

    From the parity of the NUL bytes when there are enough of them; with ``sure`` (the user
    said UTF-16) also from the order that decodes to ordinary characters."""
    n = len(head) - len(head) % 2
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    least = max(UTF16_MIN_NULS, UTF16_MIN_NUL_SHARE * n / 2)
    order = None
    if odd >= least and even * UTF16_PARITY_RATIO <= odd:
        order = "utf-16-le"
    elif even >= least and odd * UTF16_PARITY_RATIO <= even:
        order = "utf-16-be"
    if order is not None:
        text = _decodes_head(head[:n], order)
        if text is not None and "\x00" not in text:
            return order
    if not sure:
        return None
    scored = []
    for enc in ("utf-16-le", "utf-16-be"):
        text = _decodes_head(head[:n], enc)
        if text is not None:
            scored.append((_plain_char_score(text), enc))
    return max(scored)[1] if scored else None


def _utf32_order(head: bytes) -> str | None:
    if len(head) >= 4 and head[2:4] == b"\0\0" and head[:2] != b"\0\0":
        return "utf-32-le"
    if len(head) >= 4 and head[:2] == b"\0\0" and head[2:4] != b"\0\0":
        return "utf-32-be"
    return None


def resolve_requested(encoding: str, head: bytes, name: str) -> str:
    """The codec to read a file with when the user named ``encoding`` (``--encoding``).

    ``utf-16`` / ``utf-32`` without a BOM: the byte order is detected (Python's codecs refuse
    such a file). A named order or plain ``utf-8`` on a file that has the BOM: the BOM is read
    as a BOM, not as a character of the first header."""
    enc = normalize_name(encoding)
    canon = canonical(enc)
    if canon == "utf-16" and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        order = utf16_order(head, sure=True)
        if order is None:
            raise InputError(
                "UTF-16 として読めません（BOM がなく、リトルエンディアンでもビッグエンディアンでも読めない箇所があります）",
                file=name, row=1,
                hint="--encoding utf-16-le / utf-16-be を指定するか、指定を外して自動判定してください")
        return order
    if canon == "utf-32" and not head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        order = _utf32_order(head)
        if order is None:
            raise InputError("UTF-32 として読めません（BOM がなく、バイト順が分かりません）", file=name, row=1,
                             hint="--encoding utf-32-le / utf-32-be を指定するか、指定を外して自動判定してください")
        return order
    if canon in ("utf-16-le", "utf-16-be") and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if canon in ("utf-32-le", "utf-32-be") and head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if canon == "utf-8" and head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return enc


def normalize_name(encoding: str) -> str:
    name = encoding.strip().lower()
    name = ALIASES.get(name, name)
    try:
        codecs.lookup(name)
    except LookupError as e:
        raise InputError(
            f"文字コード「{encoding}」は使えません",
            hint="utf-8, utf-8-sig, cp932, utf-16, euc-jp などを指定してください",
        ) from e
    return name


def _decodes(path: Path, encoding: str) -> tuple[bool, int]:
    """Whether the whole file decodes strictly; if not, the byte offset of the failure."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            try:
                dec.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                return False, offset + max(e.start, 0)
            except UnicodeError:  # e.g. "UTF-16 stream does not start with BOM"
                return False, offset
            if not chunk:
                return True, -1
            offset += len(chunk)


def line_of_offset(path: Path, offset: int) -> int:
    with open(path, "rb") as f:
        return f.read(offset).count(b"\n") + 1


def detect_encoding(path: Path, head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    ok, bad_at = _decodes(path, "utf-8")
    if ok:
        return "utf-8"
    if _decodes(path, "cp932")[0]:
        return "cp932"
    from charset_normalizer import from_path

    best = from_path(path, steps=8, chunk_size=4096).best()
    if best is not None and best.encoding and _decodes(path, best.encoding)[0]:
        return best.encoding
    raise InputError(
        "文字コードを判定できません（UTF-8 としても CP932 としても読めない箇所があります）",
        file=path.name,
        row=line_of_offset(path, bad_at),
        hint="--encoding で文字コードを指定してください（例: --encoding euc-jp）",
    )


def check_encoding(path: Path, encoding: str) -> None:
    ok, bad_at = _decodes(path, encoding)
    if not ok:
        raise InputError(
            f"指定の文字コード {encoding} で読めないバイトがあります",
            file=path.name,
            row=line_of_offset(path, bad_at),
            hint="別の --encoding を指定するか、指定を外して自動判定してください",
        )


class _CountingReader(io.RawIOBase):
    """A raw file that tells ``stats.bytes_done`` how far reading has got (for progress bars)."""

    def __init__(self, path: Path, stats) -> None:
        self._f = open(path, "rb", buffering=0)
        self._stats = stats

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, pos: int, whence: int = 0) -> int:
        return self._f.seek(pos, whence)

    def tell(self) -> int:
        return self._f.tell()

    def readinto(self, b) -> int:
        n = self._f.readinto(b)
        if n:
            self._stats.bytes_done += n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def open_text(path: Path, encoding: str, stats=None) -> io.TextIOWrapper:
    if stats is None:
        return open(path, encoding=encoding, errors="strict", newline="")
    raw = io.BufferedReader(_CountingReader(path, stats), buffer_size=1 << 16)
    return io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
