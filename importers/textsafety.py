"""Text or not, and NUL characters in text files (CSV / TSV / JSON / JSON Lines / TXT).

Policy
------
* **Binary files are refused as a whole** (:func:`check_not_binary_bytes`,
  :func:`check_not_binary_text`): a file that starts like a known binary format (PNG, JPEG,
  GIF, gzip, …) or whose first 64 KB hold many control characters (more than
  :data:`BINARY_CONTROL_MIN` and more than :data:`BINARY_CONTROL_SHARE` of the characters) is
  not text — a picture renamed ``.csv`` is an :class:`InputError` before anything is read.
* **A stray NUL in a text file is removed, never imported and never fatal.** Databases and old
  tools sometimes leave ``\\0`` in a field; it is invisible, has no meaning in a customer's
  words and cannot be searched, so the reader drops it from the cell (line, utterance) and
  records a warning naming the file, the row and the column (``stats.warn``: counted, the
  first ones listed in the import report). Every row is imported; nothing else changes.
* **A block of NULs is damage, and refused.** A run of :data:`NUL_BLOCK` or more NULs is what a
  crash or a broken copy leaves (zero-filled disk blocks): the text around it is cut, so the
  import stops with an :class:`InputError` naming the file, the row and the column where the
  block starts and telling the user to export or copy the file again — never half an import
  (the import is one transaction).
"""

from __future__ import annotations

import re

from base.errors import InputError

# a run of this many NULs is a zero-filled block of a damaged file, not a stray character
NUL_BLOCK = 256
# the head of a text file holds at most this many control characters (NUL and the like) …
BINARY_CONTROL_MIN = 8
# … or at most this share of its characters; more is a binary file
BINARY_CONTROL_SHARE = 0.01

BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 画像"),
    (b"\xff\xd8\xff", "JPEG 画像"),
    (b"GIF87a", "GIF 画像"),
    (b"GIF89a", "GIF 画像"),
    (b"\x1f\x8b\x08", "gzip 圧縮ファイル"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip 圧縮ファイル"),
    (b"Rar!\x1a\x07", "RAR 圧縮ファイル"),
    (b"\x7fELF", "実行ファイル"),
    (b"SQLite format 3\x00", "SQLite データベース"),
)

# control characters that text does not contain: not TAB, LF, VT, FF, CR (in-cell line breaks
# of some exports), SUB (DOS end-of-file mark) or ESC
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1A), *range(0x1C, 0x20)])
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f]")
_NUL_BLOCK_RE = re.compile(f"\x00{{{NUL_BLOCK},}}")

_NOT_TEXT_HINT = "CSV・TSV・Excel・JSON・テキストのファイルを選んでください"


def _too_many(controls: int, total: int) -> bool:
    return controls > BINARY_CONTROL_MIN and controls > BINARY_CONTROL_SHARE * total


def check_not_binary_bytes(head: bytes, name: str, *, controls: bool = True) -> None:
    """Refuse a file whose first bytes are a binary format or (``controls``: the encoding is not
    known yet, and UTF-16 without a BOM was ruled out) full of control bytes."""
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise InputError(f"テキストファイルではありません（{what}のようです）", file=name, hint=_NOT_TEXT_HINT)
    if not controls:
        return
    n = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if _too_many(n, len(head)):
        raise InputError(
            f"バイナリファイルのようです（先頭に NUL などの制御文字が {n:,} 個あります）", file=name,
            hint=_NOT_TEXT_HINT + "。UTF-16 / UTF-32 のテキストなら --encoding utf-16（utf-32）を指定してください")


def check_not_binary_text(text_head: str, name: str) -> None:
    """The same test on the decoded head (after an encoding was given or detected)."""
    controls = len(_CONTROL_RE.findall(text_head))
    if _too_many(controls, len(text_head)):
        raise InputError(
            f"バイナリファイルのようです（先頭に NUL などの制御文字が {controls:,} 個あります）", file=name,
            hint=_NOT_TEXT_HINT + "。文字コードの指定（--encoding）が正しいかも確認してください")


def nul_block_error(text: str, name: str, row: int | None, column: str | None = None) -> InputError | None:
    """An :class:`InputError` when ``text`` holds a block of :data:`NUL_BLOCK` NULs, else None."""
    m = _NUL_BLOCK_RE.search(text)
    if m is None:
        return None
    return InputError(
        f"NUL 文字（\\0）が {len(m.group()):,} 個続いています（ファイルが途中で壊れているようです）",
        file=name, row=row + text.count("\n", 0, m.start()) if row is not None else None, column=column,
        hint="元のシステムからもう一度書き出すか、壊れていないコピーを取り込んでください",
    )


def strip_cells(cells: list[str], rowno: int, name: str, header: list[str] | None, stats) -> list[str]:
    """Remove NULs from the cells of one row (a block of them is an error), with one warning per cell."""
    out = list(cells)
    for i, c in enumerate(cells):
        if "\x00" not in c:
            continue
        col = f"{i + 1} 列目" + (f"（{header[i].strip()[:30]}）" if header and i < len(header) and header[i].strip() else "")
        err = nul_block_error(c, name, rowno, col)
        if err is not None:
            raise err
        out[i] = c.replace("\x00", "")
        if stats is not None:
            stats.warn(f"{name} {rowno} 行目 列「{col}」: NUL 文字（\\0）を {c.count(chr(0))} 個取り除きました")
    return out


def strip_text(text: str, name: str, stats, first_row: int = 1) -> str:
    """Remove NULs from a whole text (an interview, a JSON document), one warning per line that had any."""
    if "\x00" not in text:
        return text
    err = nul_block_error(text, name, first_row)
    if err is not None:
        raise err
    if stats is not None:
        for lineno, line in enumerate(text.split("\n"), start=first_row):
            if "\x00" in line:
                stats.warn(f"{name} {lineno} 行目 {line.index(chr(0)) + 1} 文字目: "
                           f"NUL 文字（\\0）を {line.count(chr(0))} 個取り除きました")
    return text.replace("\x00", "")
