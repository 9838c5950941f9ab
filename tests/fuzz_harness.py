"""Fuzzing every reader through the real import: nothing may escape but our own
InputError, and a failed import must leave the project unchanged.

Used by tests/test_fuzz.py (a few hundred inputs per reader on every run) and by
bench/fuzz_importers.py (10,000+ per reader)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers import InputError
from voc_app.importing import import_file
from voc_app.store import Project

NASTY = ["", " ", "　", '"', '""', ",", "\t", "\n", "\r\n", "\r", "\x00", "\ufeff", "①", "㈱", "髙", "ｶﾀｶﾅ", "９",
         "😊", "🙏", "\u200b", "null", "{", "}", "[", "]", "\\", "\\u30", "特になし", "-", "NaN", "1e309", "10",
         "2025/3/3 8:13", "K000123", "Ｋ000123", "<p>", "</p>", "&amp;", "：", ":", "【", "】"]

cell = st.one_of(st.sampled_from(NASTY), st.text(max_size=30),
                 st.lists(st.sampled_from(NASTY), max_size=4).map("".join))
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp932", "utf-16", "euc_jp"])

HEADERS = {
    "excel_csv": ["回答ID", "回答日時", "顧客ID", "年代", "NPS(0-10)", "買ってみて一番嬉しかったのはどんな時でしたか？"],
    "qualtrics": ["StartDate", "Progress", "Finished", "ResponseId", "Q1", "Q2", "customer_id"],
    "google_forms": ["タイムスタンプ", "メールアドレス", "おすすめ度（0〜10）", "ご意見"],
    "surveymonkey": ["Respondent ID", "Collector ID", "Custom Data 1", "ご感想", ""],
    "freshdesk": ["Ticket ID", "Subject", "Description", "Status", "Priority", "Requester Email", "Created time"],
    "intercom": ["Conversation ID", "Part ID", "Author type", "Author ID", "Body", "Created at"],
}


@st.composite
def table_file(draw, layout: str) -> tuple[bytes, str]:
    header = list(HEADERS[layout])
    rows: list[list[str]] = [header]
    if layout == "qualtrics" and draw(st.booleans()):
        rows.append(header)
        rows.append(['{"ImportId":"x"}'] * len(header))
    if layout == "surveymonkey":
        rows.append(["", "", "", "Open-Ended Response", "Response"])
    n = draw(st.integers(0, 8))
    for _ in range(n):
        width = draw(st.integers(max(0, len(header) - 2), len(header) + 2))
        rows.append([draw(cell) for _ in range(width)])
    delim = draw(st.sampled_from([",", "\t", ";"]))
    buf = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]))
    try:
        csv.writer(buf, delimiter=delim, quoting=quoting, escapechar="\\",
                   lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(rows)
    except csv.Error:
        buf = io.StringIO(delim.join(",".join(r) for r in rows))
    text = buf.getvalue()
    if draw(st.booleans()):  # damage: cut the file short or splice junk in
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", '"', "\x00", "\n\n", "ÿ"]))
    enc = draw(encodings)
    data = text.encode(enc, errors="replace")
    return data, ".tsv" if delim == "\t" else ".csv"


@st.composite
def jsonl_file(draw) -> tuple[bytes, str]:
    lines = []
    for i in range(draw(st.integers(0, 6))):
        obj: dict = {}
        if draw(st.booleans()) or i == 0:
            obj["id"] = draw(st.one_of(st.integers(-5, 10**12), cell, st.none(), st.booleans()))
        for k in ("description", "requester_id", "status", "created_at", "subject", "via", "tags", "priority"):
            if draw(st.booleans()):
                obj[k] = draw(st.one_of(cell, st.integers(), st.none(), st.lists(cell, max_size=2),
                                        st.dictionaries(cell, cell, max_size=2)))
        if draw(st.booleans()):
            obj["comments"] = draw(st.one_of(
                st.lists(st.fixed_dictionaries({}, optional={
                    "id": st.one_of(st.integers(), cell), "author_id": st.one_of(st.integers(), cell, st.none()),
                    "body": st.one_of(cell, st.none(), st.integers()), "public": st.one_of(st.booleans(), cell),
                    "created_at": cell}), max_size=3),
                cell, st.integers()))
        lines.append(json.dumps(obj, ensure_ascii=draw(st.booleans())))
    form = draw(st.sampled_from(["jsonl", "array", "wrapped"]))
    if form == "jsonl":
        text = "\n".join(lines)
    else:
        arr = "[" + ",".join(lines) + "]"
        text = arr if form == "array" else '{"tickets": ' + arr + "}"
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", "{", '"', "\x00", "]"]))
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))), ".jsonl"


@st.composite
def interview_file(draw) -> tuple[bytes, str]:
    speakers = st.sampled_from(["聞き手", "佐藤様", "Q", "A", "【司会】", "顧客ID", "日時", "", "ーー"])
    lines = []
    for _ in range(draw(st.integers(0, 10))):
        sep = draw(st.sampled_from([":", "：", "", " "]))
        lines.append(f"{draw(speakers)}{sep}{draw(cell)}")
    text = "\n".join(lines)
    return text.encode(draw(encodings), errors="replace"), draw(st.sampled_from([".txt", ".md"]))


@st.composite
def xlsx_file(draw) -> tuple[bytes, str]:
    from openpyxl import Workbook

    if draw(st.integers(0, 4)) == 0:
        return b"PK\x03\x04" + draw(st.binary(max_size=200)), ".xlsx"
    wb = Workbook()
    ws = wb.active
    layout = draw(st.sampled_from(["excel_csv", "google_forms", "freshdesk"]))
    ws.append(HEADERS[layout])
    for _ in range(draw(st.integers(0, 5))):
        row = [draw(st.one_of(cell.map(lambda s: s.replace("\x00", "").replace("\r", "")), st.integers(-10, 20),
                              st.floats(allow_nan=False, allow_infinity=False), st.none()))
               for _ in range(draw(st.integers(0, 8)))]
        try:
            ws.append(row)
        except Exception:  # openpyxl refuses control characters: not our reader's concern
            ws.append([None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), ".xlsx"


@st.composite
def docx_file(draw) -> tuple[bytes, str]:
    if draw(st.booleans()):
        return b"PK\x03\x04" + draw(st.binary(max_size=100)), ".docx"
    import docx

    d = docx.Document()
    for _ in range(draw(st.integers(0, 5))):
        t = draw(cell)
        try:
            d.add_paragraph(t)
        except ValueError:
            d.add_paragraph("x")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue(), ".docx"


def raw_bytes() -> st.SearchStrategy[tuple[bytes, str]]:
    return st.tuples(st.binary(max_size=400), st.sampled_from([".csv", ".tsv", ".jsonl", ".json", ".txt", ".xlsx", ".bin"]))


READERS = {
    "csv_excel": table_file("excel_csv"),
    "csv_qualtrics": table_file("qualtrics"),
    "csv_google_forms": table_file("google_forms"),
    "csv_surveymonkey": table_file("surveymonkey"),
    "csv_freshdesk": table_file("freshdesk"),
    "csv_intercom": table_file("intercom"),
    "json_zendesk": jsonl_file(),
    "text_interview": interview_file(),
    "xlsx": xlsx_file(),
    "docx": docx_file(),
    "raw_bytes": raw_bytes(),
}


def snapshot(project: Project) -> tuple:
    c = project.conn
    return tuple(c.execute(f"SELECT count(*), total(rowid) FROM {t}").fetchone()
                 for t in ("batches", "customers", "responses", "tickets", "messages", "interviews", "verbatims"))


def fuzz_reader(name: str, workdir: Path, examples: int, seed: int | None = None) -> dict[str, int]:
    """Feed ``examples`` generated files of one reader through import_file. Returns outcome counts;
    raises on anything but InputError or on a changed project after a failure."""
    stats = {"imported": 0, "input_error": 0}
    project = Project.create(workdir / f"fuzz_{name}.voc")

    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed is not None,
              suppress_health_check=list(HealthCheck))
    @given(READERS[name])
    def run(sample: tuple[bytes, str]) -> None:
        data, suffix = sample
        f = workdir / f"input{suffix}"
        f.write_bytes(data)
        before = snapshot(project)
        try:
            import_file(project, f)
            stats["imported"] += 1
        except InputError as e:
            assert e.describe()
            stats["input_error"] += 1
            assert snapshot(project) == before, "a failed import changed the project"

    try:
        run()
    finally:
        project.close()
    return stats
