"""Codebook and coded-data export: REFI-QDA codebook (.qdc), codebook CSV, coded segments CSV
(UTF-8 with BOM so that Japanese Excel opens it, or CP932), and a co-occurrence network as SVG."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

from importers.codebook import NS, CodeSpec, join_description, walk
from voc_app.export.safe import SafeCsvWriter
from voc_app.store import Project


def write_qdc(specs: list[CodeSpec], out: str | Path, origin: str = "VoC Analyzer") -> Path:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}CodeBook", {"origin": origin})
    codes = ET.SubElement(root, f"{{{NS}}}Codes")

    def add(parent: ET.Element, s: CodeSpec) -> None:
        attrs = {"guid": s.guid, "name": s.name, "isCodable": "true" if s.codable else "false"}
        if s.color:
            attrs["color"] = s.color.upper()
        el = ET.SubElement(parent, f"{{{NS}}}Code", attrs)
        desc = join_description(s.description, s.examples, s.rule)
        if desc:
            ET.SubElement(el, f"{{{NS}}}Description").text = desc
        for c in s.children:
            add(el, c)

    for s in specs:
        add(codes, s)
    ET.SubElement(root, f"{{{NS}}}Sets")
    ET.indent(root)
    p = Path(out)
    ET.ElementTree(root).write(p, encoding="utf-8", xml_declaration=True)
    return p


def _open_csv(out: str | Path, encoding: str):
    enc = "utf-8-sig" if encoding.lower().replace("-", "") in ("utf8", "utf8sig") else encoding
    return open(out, "w", encoding=enc, errors="replace" if enc == "cp932" else "strict", newline="")


def write_codebook_csv(specs: list[CodeSpec], out: str | Path, encoding: str = "utf-8") -> Path:
    with _open_csv(out, encoding) as f:
        w = SafeCsvWriter(f)  # formula-like text prefixed with ' (OWASP)
        w.writerow(["code", "parent", "color", "description", "examples", "rule", "guid"])
        for s, parent in walk(specs):
            w.writerow([s.name, parent.name if parent else "", s.color, s.description.replace("\n", "\\n"),
                        " | ".join(s.examples), s.rule, s.guid])
    return Path(out)


def write_coded_csv(project: Project, out: str | Path, encoding: str = "utf-8") -> int:
    """One row per coded segment (rejected auto-codes left out)."""
    from voc_app.store.coding import coded_rows

    n = 0
    with _open_csv(out, encoding) as f:
        w = SafeCsvWriter(f)  # formula-like text prefixed with ' (OWASP)
        w.writerow(["発言ID", "コード", "コーダー", "開始", "終了", "コード化された箇所", "由来", "状態", "顧客", "日付", "発言"])
        src = {"manual": "手作業", "rule": "ルール", "topic": "トピック"}
        state = {"accepted": "確定", "pending": "未確認"}
        for row in coded_rows(project.conn):
            vid, path, coder, s, e, seg, source, st, cust, date, text = row
            w.writerow([vid, path, coder, "" if s is None else s, "" if e is None else e, seg,
                        src.get(source, source), state.get(st, st), cust or "", (date or "")[:10], text])
            n += 1
    return n


COMMUNITY_COLORS = ("#A6CEE3", "#B2DF8A", "#FB9A99", "#FDBF6F", "#CAB2D6", "#FFFF99", "#1F78B4", "#33A02C",
                    "#E31A1C", "#FF7F00")


def network_svg(net, out: str | Path, width: int = 900, height: int = 700) -> Path:
    """A co-occurrence network (``nlp.words.Network``) as SVG: node size by frequency, colour by
    community, edge width by Jaccard coefficient."""
    pad = 60
    maxf = max((n[1] for n in net.nodes), default=1)
    xy = [(pad + n[2] * (width - 2 * pad), pad + (1 - n[3]) * (height - 2 * pad)) for n in net.nodes]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
             ' font-family="Noto Sans CJK JP, IPAGothic, sans-serif">', f'<rect width="{width}" height="{height}" fill="white"/>']
    for a, b, j in net.edges:
        parts.append(f'<line x1="{xy[a][0]:.1f}" y1="{xy[a][1]:.1f}" x2="{xy[b][0]:.1f}" y2="{xy[b][1]:.1f}"'
                     f' stroke="#888" stroke-opacity="0.7" stroke-width="{0.8 + 4 * j:.2f}"/>')
    for (label, freq, _, _, comm), (x, y) in zip(net.nodes, xy, strict=True):
        r = 6 + 14 * (freq / maxf) ** 0.5
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{COMMUNITY_COLORS[comm % 10]}" stroke="#555"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 4:.1f}" font-size="13" text-anchor="middle">{html.escape(label)}</text>')
    parts.append("</svg>")
    p = Path(out)
    p.write_text("\n".join(parts), encoding="utf-8")
    return p


def write_table(out: str | Path, header, rows, encoding: str = "utf-8") -> int:
    """A table of a view as CSV (UTF-8 with BOM so that Japanese Excel opens it, or CP932), every
    cell through ``safe.csv_text``. Returns the rows written (without the header)."""
    n = 0
    with _open_csv(out, encoding) as f:
        w = SafeCsvWriter(f)  # formula-like text prefixed with ' (OWASP)
        w.writerow(list(header))
        for row in rows:
            w.writerow(list(row))
            n += 1
    return n
