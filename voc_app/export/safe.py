"""What we write must be safe to open: customer text is untrusted input.

- **Spreadsheet formulas.** A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is read as a formula by Excel, LibreOffice and Google Sheets when it comes from a
  CSV file (``=HYPERLINK(…)``, ``=WEBSERVICE(…)``, DDE such as ``=cmd|' /C calc'!A0``). Following
  OWASP's CSV-injection guidance, ``csv_text`` prefixes such text with an apostrophe (spreadsheet
  programs then show it as text; the apostrophe is visible in a text editor). In a workbook every
  text cell is written as a string cell (``xlsx_cell``), never a formula, so nothing is prefixed
  there. Numbers we compute stay numbers.
- **Characters a workbook cannot hold.** XML 1.0 forbids most C0 control characters and lone
  surrogates; openpyxl raises on them, which would fail a whole export for one odd answer. They
  become U+FFFD (one per character, so offsets keep their meaning).

Every writer — the Excel summary, the verbatim CSV, coded segments, the codebook CSV, the TSV
files and tables of the CLI — goes through these functions.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 allows tab, LF and CR among the C0 controls; lone surrogates cannot be encoded at all
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def csv_text(value: Any) -> Any:
    """A CSV/TSV cell that a spreadsheet program shows as text: text starting like a formula gets
    a leading apostrophe. Numbers (int, float) pass unchanged; ``None`` becomes ''."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xml_text(s: str) -> str:
    """``s`` with characters XML cannot hold replaced by U+FFFD (same length)."""
    return _NOT_XML.sub("\ufffd", s)


class SafeCsvWriter:
    """``csv.writer`` whose rows are made safe with ``csv_text`` (and, like the TSV writers,
    surrogates that the file's encoding cannot hold are replaced by the file's error handler)."""

    def __init__(self, f, **kwargs) -> None:
        self._w = csv.writer(f, **kwargs)

    def writerow(self, row) -> None:
        self._w.writerow([csv_text(v) for v in row])

    def writerows(self, rows) -> None:
        for r in rows:
            self.writerow(r)


def tsv_cell(value: Any) -> str:
    """One cell of a TSV file or table we print: safe to open in a spreadsheet, on one line."""
    v = csv_text(value)
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def xlsx_cell(ws, value: Any):
    """A write-only cell that is never a formula: text is a string cell (``data_type`` 's') with
    the characters XML cannot hold replaced; numbers, dates and ``None`` pass unchanged."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        c = WriteOnlyCell(ws, value=None)
        c._value = xml_text(value)
        c.data_type = "s"
        return c
    return WriteOnlyCell(ws, value=value)


# --- openpyxl's temporary files ----------------------------------------------------------------

_TEMP_DIR: ContextVar[str | None] = ContextVar("voc_export_temp_dir", default=None)
_patched = False


def _named_temporary_file(*args, **kwargs):
    """openpyxl's write-only sheets stream through ``NamedTemporaryFile`` in the shared temp
    folder; during an export they go to the folder ``temp_files_in`` names instead."""
    d = _TEMP_DIR.get()
    if d is not None and "dir" not in kwargs:
        kwargs["dir"] = d
    return tempfile.NamedTemporaryFile(*args, **kwargs)


@contextmanager
def temp_files_in(folder: str | os.PathLike) -> Iterator[None]:
    """openpyxl's temporary files of this thread go to ``folder`` (beside the file being written,
    private to its user) and are deleted when the block ends, however it ends."""
    global _patched
    from openpyxl.worksheet import _writer

    if not _patched:
        _writer.NamedTemporaryFile = _named_temporary_file
        _patched = True
    token = _TEMP_DIR.set(str(folder))
    before = set(_writer.ALL_TEMP_FILES)
    try:
        yield
    finally:
        _TEMP_DIR.reset(token)
        for path in [p for p in _writer.ALL_TEMP_FILES if p not in before]:
            with suppress(OSError):
                os.remove(path)
            with suppress(ValueError):
                _writer.ALL_TEMP_FILES.remove(path)
