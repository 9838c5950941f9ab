"""Zip containers we read (.xlsx / .xlsm workbooks, .docx interviews): refuse a zip bomb before
reading it, and read every member through a counter so that no member can inflate beyond its
limit even when the zip's declared sizes lie.

A few hundred kilobytes of zip can inflate to gigabytes; openpyxl and python-docx would hold
much of that in memory. :func:`check_zip` looks at the declared sizes first (nothing is
inflated) and refuses, with a message naming the file, the member and the limit:

* all members together inflating to more than the container's total (:data:`MAX_XLSX_INFLATED`,
  the size of text file we accept; :data:`MAX_DOCX_INFLATED` for Word, which is read whole);
* a member that is parsed whole (shared strings, styles, the workbook, a Word document) inflating
  to more than :data:`MAX_PART_INFLATED` — worksheets are streamed row by row, so they are
  bounded by the total only;
* a member of more than :data:`RATIO_MIN_BYTES` that inflates more than :data:`MAX_RATIO` times
  (real sheets inflate 5–20×; a zip bomb 1,000×).

:func:`open_workbook` then reads through :class:`BoundedZipFile`, whose members stop with the
same message once they inflate beyond their declared size or their limit; :func:`check_docx`
inflates a Word file's members through the same counter (discarding the bytes) before
python-docx reads it.

A million-row survey workbook (12 columns, written by openpyxl with inline strings) inflates to
0.92 GB, its sheet 13× its compressed size: well inside these limits, and it imports.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from base.errors import InputError

GiB = 1 << 30
MiB = 1 << 20

MAX_XLSX_INFLATED = 4 * GiB  # all members of a workbook (the largest text file we import is 4 GB too)
MAX_DOCX_INFLATED = 1 * GiB  # all members of a Word file: python-docx holds the parts in memory
MAX_PART_INFLATED = 1 * GiB  # one member parsed whole (not a worksheet)
MAX_RATIO = 100  # inflated / compressed size of one member …
RATIO_MIN_BYTES = 10 * MiB  # … for members that inflate to more than this

_HINTS = {
    "xlsx": "Excel で開いて必要なシートだけを残して保存し直すか、CSV で書き出して取り込んでください"
            " / open it in Excel and save only the sheet you need, or export it as CSV and import that",
    "docx": "Word で開いて保存し直すか、テキスト（.txt）で保存して取り込んでください"
            " / re-save it from Word, or save it as plain text (.txt) and import that",
}


def _size(n: int, unit: str = "バイト") -> str:
    if n >= GiB:
        return f"{n / GiB:.1f} GiB"
    if n >= MiB:
        return f"{n / MiB:.1f} MiB"
    return f"{n:,} {unit}"


def _total_limit(kind: str) -> int:
    # read at call time: tests lower the limits with monkeypatch
    return {"xlsx": MAX_XLSX_INFLATED, "docx": MAX_DOCX_INFLATED}[kind]


def _streamed(kind: str, member: str) -> bool:
    """Members read row by row rather than whole: the worksheets of a workbook."""
    return kind == "xlsx" and "worksheets/" in member and member.endswith(".xml")


def member_limit(kind: str, member: str) -> int:
    return _total_limit(kind) if _streamed(kind, member) else min(MAX_PART_INFLATED, _total_limit(kind))


def _too_big(kind: str, name: str, what: str, what_en: str, size: int | None, limit: int) -> InputError:
    """``size`` None: found while inflating (the member passed ``limit`` and was not read further)."""
    ja = f"展開後 {_size(size)}" if size is not None else "展開の途中で上限を超えました"
    en = f"{_size(size, 'bytes')} > " if size is not None else ""
    return InputError(
        f"展開すると大きすぎるため読み込みません（{what}: {ja}、上限 {_size(limit)}）"
        f" / Refused: {what_en} inflates to more than the limit ({en}{_size(limit, 'bytes')})",
        file=name, hint=_HINTS[kind])


def check_zip(path: Path, kind: str) -> None:
    """Refuse ``path`` (``kind`` 'xlsx' or 'docx') when its declared sizes exceed the limits.

    A file that is not a readable zip passes: the reader reports it in its own words."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    total = sum(i.file_size for i in infos)
    if total > _total_limit(kind):
        raise _too_big(kind, name, f"全 {len(infos):,} 個の部品の合計", f"the sum of its {len(infos):,} parts",
                       total, _total_limit(kind))
    for i in infos:
        if i.file_size > RATIO_MIN_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            ratio = i.file_size / max(i.compress_size, 1)
            raise InputError(
                f"圧縮率が異常なため読み込みません（{i.filename}: {_size(i.compress_size)} が {_size(i.file_size)} に、"
                f"{ratio:,.0f} 倍に展開されます。上限は {MAX_RATIO} 倍）。zip 爆弾か壊れたファイルのようです"
                f" / Refused: {i.filename} inflates {ratio:,.0f}× (limit {MAX_RATIO}×): a zip bomb or a damaged file",
                file=name, hint=_HINTS[kind])
        limit = member_limit(kind, i.filename)
        if i.file_size > limit:
            raise _too_big(kind, name, i.filename, i.filename, i.file_size, limit)


class _BoundedMember(io.RawIOBase):
    """A member opened for reading that fails once it has inflated beyond ``limit`` bytes."""

    def __init__(self, raw, limit: int, kind: str, member: str, name: str) -> None:
        self._raw = raw
        self._limit = limit
        self._kind, self._member, self._name = kind, member, name
        self._done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self._raw.readinto(b)
        self._done += n
        if self._done > self._limit:
            raise _too_big(self._kind, self._name, self._member, self._member, None, self._limit)
        return n

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


class BoundedZipFile(zipfile.ZipFile):
    """A zip opened for reading whose members cannot inflate beyond their declared size or
    :func:`member_limit` (whichever is smaller): reading further raises :class:`InputError`."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(path, "r")
        self._kind = kind
        self._display = Path(path).name

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):  # noqa: D102 - ZipFile.open
        f = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return f
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        limit = min(info.file_size, member_limit(self._kind, info.filename))
        return io.BufferedReader(_BoundedMember(f, limit, self._kind, info.filename, self._display), 1 << 16)


def check_docx(path: Path) -> None:
    """Refuse a Word file over the limits: the declared sizes, then each member inflated
    through the counter (a Word file is small; python-docx reads the parts whole)."""
    check_zip(path, "docx")
    try:
        z = BoundedZipFile(path, "docx")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx reports it
    with z:
        for info in z.infolist():
            try:
                with z.open(info) as f:
                    while f.read(1 << 20):
                        pass
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as e:
                raise InputError(f"Word ファイルとして開けません（{info.filename} が壊れています: {e}）", file=path.name,
                                 hint="Word で開き直して .docx で保存してください") from e


def open_workbook(path: Path):
    """openpyxl's read-only workbook (values, not formulas) of ``path``, read within the limits."""
    from openpyxl.reader.excel import ExcelReader

    check_zip(path, "xlsx")
    reader = ExcelReader(str(path), read_only=True, data_only=True)
    reader.archive.close()
    reader.archive = BoundedZipFile(path, "xlsx")
    reader.valid_files = reader.archive.namelist()
    try:
        reader.read()
    except BaseException:
        reader.archive.close()
        raise
    return reader.wb
