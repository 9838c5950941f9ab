"""Decide a file's text encoding: BOM, strict UTF-8, cp932, then detection.

cp932 rather than shift_jis: Japanese Excel writes cp932, and shift_jis rejects
①, ㈱ and 髙.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path

from importers.errors import InputError

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
                return False, offset + e.start
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
