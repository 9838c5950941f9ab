"""Interview notes: one file = one interview; ``話者: 発言`` lines become utterances.

Lines by the interviewer (labels in ``resources/interviewer_labels.txt``) become the
question of the customer utterances that follow. Lines without a speaker continue
the previous utterance; notes without any speaker labels become one utterance per
paragraph. ``顧客ID: …``, ``日時: …`` and ``タイトル: …`` at the head are metadata.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from base.errors import InputError
from base.resources import resource_path, word_list
from importers.archive import check_docx
from importers.model import Interview, Utterance
from importers.values import clean_id, key64, parse_datetime

_SPEAKER_RE = re.compile(r"^\s*(?:【([^】]{1,20})】|([^\s:：「」。、]{1,20}?)\s*[:：])\s*(.*)$")


@cache
def _interviewers() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", w).lower() for w in word_list("interviewer_labels.txt"))


@cache
def _meta_keys() -> dict[str, str]:
    out = {}
    with open(resource_path("interview_meta_keys.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            field, label = line.rstrip("\n").split("\t")
            out[unicodedata.normalize("NFKC", label).lower()] = field
    return out


def _speaker_key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).strip().lower()
    return re.sub(r"(さん|様|氏|\d+)$", "", s)


def read_docx_text(path: Path) -> str:
    try:
        import docx  # python-docx
    except ImportError as e:  # pragma: no cover - declared dependency
        raise InputError("DOCX を読むには python-docx が必要です", file=path.name) from e
    check_docx(path)  # a zip bomb is refused before python-docx inflates it
    try:
        d = docx.Document(str(path))
    except Exception as e:
        raise InputError(f"Word ファイルとして開けません: {type(e).__name__}", file=path.name,
                         hint="Word で開き直して .docx で保存してください") from e
    return "\n".join(p.text for p in d.paragraphs)


def parse_interview(text: str, name: str) -> Interview:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta: dict[str, str] = {}
    utterances: list[Utterance] = []
    question: str | None = None
    current: Utterance | None = None
    labelled = any(_SPEAKER_RE.match(ln) and not _is_meta(ln) for ln in lines)
    paragraph: list[tuple[int, str]] = []

    def flush_paragraph() -> None:
        if paragraph:
            utterances.append(Utterance(paragraph[0][0], None, "\n".join(t for _, t in paragraph), None))
            paragraph.clear()

    for lineno, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise InputError("NUL 文字が含まれています（テキストファイルではないようです）", file=name, row=lineno)
        if not line.strip():
            current = None if labelled else current
            flush_paragraph()
            continue
        mk = _is_meta(line)
        if mk and not utterances and current is None:
            meta.setdefault(mk[0], mk[1])
            continue
        if not labelled:
            paragraph.append((lineno, line.strip()))
            continue
        m = _SPEAKER_RE.match(line)
        if m:
            speaker = (m.group(1) or m.group(2)).strip()
            said = m.group(3).strip()
            if _speaker_key(speaker) in _interviewers():
                question = said or question
                current = None
                continue
            current = Utterance(lineno, speaker, said, question)
            utterances.append(current)
        elif current is not None:
            current.text = f"{current.text}\n{line.strip()}" if current.text else line.strip()
        else:
            current = Utterance(lineno, None, line.strip(), question)
            utterances.append(current)
    flush_paragraph()
    utterances = [u for u in utterances if u.text.strip()]
    held = meta.get("held_at")
    return Interview(
        key=key64(text),
        title=meta.get("title") or Path(name).stem,
        customer_id=clean_id(meta.get("customer")),
        held_at=parse_datetime(held) if held else None,
        utterances=utterances,
    )


def _is_meta(line: str) -> tuple[str, str] | None:
    m = re.match(r"^\s*([^:：]{1,20})\s*[:：]\s*(.+)$", line)
    if not m:
        return None
    field = _meta_keys().get(unicodedata.normalize("NFKC", m.group(1)).strip().lower())
    return (field, m.group(2).strip()) if field else None
