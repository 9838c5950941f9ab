"""Codebooks from other tools: REFI-QDA codebook files (``.qdc``, the exchange format that
QualCoder, NVivo, ATLAS.ti and MAXQDA read and write) and CSV. Pure: no Qt, no SQL.

REFI-QDA (Codebook.xsd, namespace ``urn:QDA-XML:codebook:1.0``)::

    <CodeBook origin="…"><Codes>
      <Code guid="…" name="…" isCodable="true" color="#RRGGBB">
        <Description>…</Description>
        <Code …/>            (children nest)
      </Code>
    </Codes></CodeBook>

The standard has no field for examples or auto-coding rules; we write them at the end of the
description — a line 「自動コーディングのルール: …」, then 「例:」 and one example per line starting
with "- " — readable in every tool, and read them back.

CSV: columns code (or name / コード), parent (or 親コード), color / 色, description / 説明,
examples / 例 (examples separated by " | "), rule / ルール (our auto-coding rule), optional guid.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from base.errors import InputError

NS = "urn:QDA-XML:codebook:1.0"
EXAMPLES_MARK = "例:"
RULE_MARK = "自動コーディングのルール: "
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass
class CodeSpec:
    name: str
    guid: str = field(default_factory=lambda: str(uuid.uuid4()))
    color: str = ""
    description: str = ""
    examples: list[str] = field(default_factory=list)
    rule: str = ""
    codable: bool = True
    children: list[CodeSpec] = field(default_factory=list)


def split_description(text: str) -> tuple[str, list[str], str]:
    """(description, examples, rule) from a REFI-QDA description written by
    :func:`join_description`; other tools' descriptions come back unchanged."""
    lines = text.replace("\r\n", "\n").rstrip().split("\n")
    i = len(lines)
    examples: list[str] = []
    while i > 0 and lines[i - 1].startswith("- "):
        i -= 1
    if i > 0 and i < len(lines) and lines[i - 1].strip() == EXAMPLES_MARK:
        examples = [ln[2:].strip() for ln in lines[i:]]
        i -= 1
    elif i < len(lines):
        i = len(lines)
    rule = ""
    if i > 0 and lines[i - 1].startswith(RULE_MARK):
        rule = lines[i - 1][len(RULE_MARK):].strip()
        i -= 1
    if not examples and not rule:
        return text.strip(), [], ""
    return "\n".join(lines[:i]).rstrip(), examples, rule


def join_description(description: str, examples: list[str], rule: str = "") -> str:
    meta = ([RULE_MARK + rule] if rule else []) + (
        [EXAMPLES_MARK] + ["- " + e.replace("\n", " ") for e in examples] if examples else [])
    if not meta:
        return description
    body = (description.rstrip() + "\n\n") if description.strip() else ""
    return body + "\n".join(meta)


def read_qdc(data: bytes, name: str = "codebook.qdc") -> list[CodeSpec]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise InputError(f"REFI-QDA のコードブック（XML）として読めません: {e}", file=name) from e
    tag = root.tag.split("}")[-1]
    if tag not in ("CodeBook", "Project"):
        raise InputError(f"REFI-QDA のコードブックではありません（ルート要素が {tag}）", file=name)

    def local(el: ET.Element) -> str:
        return el.tag.split("}")[-1]

    def code(el: ET.Element, path: str) -> CodeSpec:
        nm = (el.get("name") or "").strip()
        if not nm:
            raise InputError(f"{path or '最上位'} のコードに name がありません", file=name)
        desc_el = next((c for c in el if local(c) == "Description"), None)
        desc, examples, rule = split_description((desc_el.text or "") if desc_el is not None else "")
        color = el.get("color") or ""
        return CodeSpec(name=nm, guid=el.get("guid") or str(uuid.uuid4()),
                        color=color if _COLOR.fullmatch(color) else "", description=desc.strip(),
                        examples=examples, rule=rule, codable=(el.get("isCodable", "true").lower() != "false"),
                        children=[code(c, f"{path} > {nm}") for c in el if local(c) == "Code"])

    codes_el = next((el for el in root.iter() if local(el) == "Codes"), None)
    if codes_el is None:
        raise InputError("<Codes> がありません（REFI-QDA のコードブックではないようです）", file=name)
    return [code(c, "") for c in codes_el if local(c) == "Code"]


_CSV_COLS = {
    "name": ("code", "name", "コード", "コード名"), "parent": ("parent", "親コード", "親"),
    "color": ("color", "colour", "色"), "description": ("description", "説明"),
    "examples": ("examples", "例", "例文"), "rule": ("rule", "ルール"), "guid": ("guid",),
}


def _unprefix(cell: str) -> str:
    """Our CSV writers prefix text that looks like a spreadsheet formula with an apostrophe
    (OWASP CSV-injection guidance); reading our own codebook CSV back removes it."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def read_csv(data: bytes, name: str = "codebook.csv") -> list[CodeSpec]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError as e:
            raise InputError("UTF-8 としても CP932 としても読めません", file=name,
                             hint="UTF-8 で保存し直してください") from e
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise InputError("空のファイルです", file=name)
    header = [h.strip().lower() for h in rows[0]]
    col = {}
    for role, names in _CSV_COLS.items():
        for i, h in enumerate(header):
            if h in names:
                col[role] = i
                break
    if "name" not in col:
        raise InputError("code（コード）列がありません", file=name, row=1,
                         hint="列名は code, parent, color, description, examples, rule です")
    specs: dict[str, CodeSpec] = {}
    parents: dict[str, str] = {}
    order: list[str] = []
    row_of: dict[str, int] = {}
    for r, row in enumerate(rows[1:], start=2):
        get = lambda role: _unprefix(row[col[role]]).strip() if role in col and col[role] < len(row) else ""  # noqa: B023,E731
        nm = get("name")
        if not nm:
            if any(c.strip() for c in row):
                raise InputError("コード名が空です", file=name, row=r, column=rows[0][col["name"]])
            continue
        if nm in specs:
            raise InputError(f"コード「{nm}」が 2 回あります", file=name, row=r, hint="コード名は一意にしてください")
        color = get("color")
        if color and not _COLOR.fullmatch(color):
            raise InputError(f"色「{color}」が読めません", file=name, row=r, column=rows[0][col["color"]], hint="#RRGGBB の形で書いてください")
        specs[nm] = CodeSpec(name=nm, guid=get("guid") or str(uuid.uuid4()), color=color,
                             description=get("description").replace("\\n", "\n"),
                             examples=[e.strip() for e in get("examples").split(" | ") if e.strip()], rule=get("rule"))
        order.append(nm)
        row_of[nm] = r
        if get("parent"):
            parents[nm] = get("parent")
    roots = []
    for nm in order:
        p = parents.get(nm)
        if p is None:
            roots.append(specs[nm])
        elif p not in specs:
            raise InputError(f"コード「{nm}」の親「{p}」がファイルにありません", file=name, row=row_of[nm])
        else:
            specs[p].children.append(specs[nm])
    # a cycle leaves codes unreachable from the roots
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        s = stack.pop()
        seen.add(id(s))
        stack += s.children
    if len(seen) != len(specs):
        raise InputError("親コードの指定が循環しています", file=name)
    return roots


def read_codebook(path: str | Path) -> list[CodeSpec]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"読めません（{e.strerror}）", file=str(p)) from e
    if p.suffix.lower() in (".qdc", ".xml") or data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<"):
        return read_qdc(data, p.name)
    return read_csv(data, p.name)


def walk(specs: list[CodeSpec], parent: CodeSpec | None = None):
    """(spec, parent) pairs, parents before children."""
    for s in specs:
        yield s, parent
        yield from walk(s.children, s)
