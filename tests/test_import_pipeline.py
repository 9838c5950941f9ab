"""Imports into a project: counts, dedup, updates, transactions, cancel, dry run."""

from __future__ import annotations

import json

import pytest

from base.errors import Cancelled
from importers import InputError
from tests.conftest import dump
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store.queries import batches, project_counts


def counts(project):
    c = project_counts(project.conn)
    return {k: c[k] for k in ("responses", "verbatims", "non_answers", "customers", "tickets", "duplicates_skipped")}


def test_excel_csv_counts_and_stored_rows(project, fixtures):
    r = import_file(project, fixtures / "excel_cp932.csv")
    assert counts(project) == {"responses": 9, "verbatims": 16, "non_answers": 3, "customers": 8, "tickets": 0,
                               "duplicates_skipped": 1}
    assert r.counts["duplicates_skipped"] == 1 and r.skipped["empty_answer"] == 2
    conn = project.conn
    # the original text is stored exactly as read, with its question
    row = conn.execute("SELECT v.text, v.question, c.external_id, r.nps FROM verbatims v JOIN responses r ON"
                       " r.id = v.response_id JOIN customers c ON c.id = v.customer_id WHERE r.response_id='1008'"
                       " AND v.question LIKE 'ご不満%'").fetchone()
    assert row == ("アプリの睡眠記録が\nときどき消えます", "ご不満な点があれば教えてください", "K000108", None)
    na = {t for (t,) in conn.execute("SELECT text FROM verbatims WHERE is_non_answer")}
    assert na == {"特になし", "ありません", "-"}
    # customer attributes: latest wins
    assert json.loads(conn.execute("SELECT attributes FROM customers WHERE external_id='K000101'").fetchone()[0]) \
        == {"年代": "30代"}
    b = batches(conn)[0]
    assert (b["format"], b["encoding"], b["rows_read"], b["rows_imported"]) == ("excel_csv", "cp932", 12, 9)
    assert b["skipped_reasons"] == {"blank_row": 2, "duplicate": 1, "empty_answer": 2}
    assert b["mapping"]["NPS(0-10)"] == "nps"


def test_full_text_search_in_japanese(project, fixtures):
    import_file(project, fixtures / "excel_cp932.csv")
    hits = [t for (t,) in project.conn.execute(
        "SELECT v.text FROM verbatims_fts f JOIN verbatims v ON v.id = f.rowid WHERE verbatims_fts MATCH ?",
        ('"日時指定"',))]
    assert hits == ["配送の日時指定が午前か午後しか選べないのが不便でした"]


def test_same_file_twice_adds_nothing(project, fixtures):
    import_file(project, fixtures / "excel_cp932.csv")
    before = counts(project)
    r = import_file(project, fixtures / "excel_cp932.csv")
    assert counts(project) == before
    assert r.counts["responses"] == 0 and r.counts["already_present"] == 10
    assert r.same_file_batches == [1]


def test_overlapping_export_adds_only_new_rows(project, fixtures):
    import_file(project, fixtures / "overlap_a.csv")
    r = import_file(project, fixtures / "overlap_b.csv")
    assert r.counts["responses"] == 3 and r.counts["already_present"] == 3
    assert counts(project)["responses"] == 8 and counts(project)["verbatims"] == 8


def test_qualtrics_marks_partial_and_duplicate_submissions(project, fixtures):
    import_file(project, fixtures / "qualtrics_utf16.tsv")
    rows = project.conn.execute("SELECT response_id, is_partial, progress, duplicate_of FROM responses ORDER BY id").fetchall()
    assert rows == [("R_aaa111", 0, 100, None), ("R_bbb222", 1, 50, None), ("R_ccc333", 0, 100, 1)]
    assert counts(project)["verbatims"] == 5  # a duplicate submission is imported and marked, not dropped


def test_tickets_only_customer_messages_are_verbatims(project, fixtures):
    import_file(project, fixtures / "zendesk.jsonl")
    c = counts(project)
    assert c["tickets"] == 3 and c["duplicates_skipped"] == 1 and c["customers"] == 2
    texts = [t for (t,) in project.conn.execute("SELECT text FROM verbatims ORDER BY id")]
    assert texts == ["枕カバーのファスナーが壊れました。交換できますか", "届きました。ありがとうございました",
                     "解約の方法を教えてください"]
    assert project.conn.execute("SELECT count(*) FROM messages WHERE author_role='agent'").fetchone()[0] == 4


def test_updated_ticket_export_merges(project, fixtures):
    import_file(project, fixtures / "zendesk.jsonl")
    r = import_file(project, fixtures / "zendesk_later.jsonl")
    assert r.counts["tickets"] == 1 and r.counts["tickets_updated"] == 1 and r.counts["already_present"] == 1
    assert counts(project)["tickets"] == 4
    st = project.conn.execute("SELECT status FROM tickets WHERE external_id='502'").fetchone()[0]
    assert st == "solved"
    follow = project.conn.execute("SELECT v.text FROM verbatims v JOIN tickets t ON t.id=v.ticket_id"
                                  " WHERE t.external_id='502' ORDER BY v.id").fetchall()
    assert follow == [("解約の方法を教えてください",), ("手続きできました。お世話になりました",)]
    created = project.conn.execute("SELECT created_at FROM tickets WHERE external_id='504'").fetchone()[0]
    assert created == "2025-03-06T03:00:00+09:00"
    # importing the later export again changes nothing
    before = dump(project)
    import_file(project, fixtures / "zendesk_later.jsonl")
    assert [t for t in dump(project) if t[0] != "batches"] == [t for t in before if t[0] != "batches"]


def test_customers_join_across_sources(project, fixtures):
    import_file(project, fixtures / "excel_cp932.csv")
    import_file(project, fixtures / "zendesk.jsonl")
    assert counts(project)["customers"] == 8  # K000101 and K000106 are the same customers in both
    n = project.conn.execute("SELECT count(DISTINCT kind) FROM verbatims v JOIN customers c ON c.id=v.customer_id"
                             " WHERE c.external_id='K000106'").fetchone()[0]
    assert n == 2


def test_interview_import_and_reimport(project, fixtures):
    import_file(project, fixtures / "interview_sato.txt")
    r = import_file(project, fixtures / "interview_sato.txt")
    assert r.counts["already_present"] == 1
    rows = project.conn.execute("SELECT speaker, question FROM verbatims ORDER BY id").fetchall()
    assert rows[0] == ("佐藤様", "買ってみて一番嬉しかったのはどんな時でしたか？")
    assert counts(project)["verbatims"] == 3


@pytest.mark.parametrize("split", ["0", "1"])
def test_error_late_in_file_leaves_project_unchanged(project, fixtures, tmp_path, monkeypatch, split):
    monkeypatch.setenv("VOC_SPLIT_IMPORT", split)
    import_file(project, fixtures / "excel_cp932.csv")
    before = dump(project)
    f = tmp_path / "late_error.csv"
    lines = ["回答ID,ご意見"] + [f"{i},配送がとても早くて助かりました {i}" for i in range(5000)] + ["x,a,b,c"]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        import_file(project, f)
    assert e.value.row == 5002 and e.value.file == "late_error.csv"
    assert dump(project) == before


@pytest.mark.parametrize("split", ["0", "1"])
def test_cancel_leaves_project_unchanged(project, fixtures, tmp_path, monkeypatch, split):
    import multiprocessing

    monkeypatch.setenv("VOC_SPLIT_IMPORT", split)
    import_file(project, fixtures / "excel_cp932.csv")
    before = dump(project)
    f = tmp_path / "big.csv"
    f.write_text("\n".join(["回答ID,ご意見"] + [f"{i},寝心地が良いです {i}" for i in range(10000)]) + "\n",
                 encoding="utf-8")
    seen = []

    def progress(fraction, message):
        seen.append(fraction)
        if len(seen) >= 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_file(project, f, progress=progress)
    assert dump(project) == before
    assert any(x is not None and 0 < x < 1 for x in seen)
    assert not [c for c in multiprocessing.active_children() if c.name == "voc-import-reader"]


def test_survey_import_in_two_processes_stores_the_same(tmp_path, fixtures, monkeypatch):
    """A large survey file is read in a second process (voc_app.importing._split_import): the
    project must end up exactly as with one process — rows, ids, dedup against earlier batches,
    duplicate submissions, customers and their attributes, the search index, every count."""
    files = ["excel_cp932.csv", "overlap_a.csv", "overlap_b.csv", "qualtrics_utf16.tsv", "google_forms.csv",
             "surveymonkey.csv", "ms_forms.xlsx", "excel_cp932.csv", "excel_utf8bom.csv"]
    out = {}
    for split in ("0", "1"):
        monkeypatch.setenv("VOC_SPLIT_IMPORT", split)
        # the reader opens the project by URI: a name with spaces, #, ? and % must still work
        with Project.create(tmp_path / f"調査 #1?%20{split}.voc") as p:
            reports = [(r.counts, r.skipped, r.warnings) for r in (import_file(p, fixtures / f) for f in files)]
            # everything but the wall-clock columns (batches are compared below, migrations hold times)
            tables = [t for t in dump(p) if t[0] not in ("batches", "_migrations")]
            batches = p.conn.execute("SELECT file_name, rows_read, rows_imported, rows_skipped, skipped_reasons,"
                                     " responses, verbatims, non_answers, customers_added, duplicates_skipped,"
                                     " already_present, partial_responses, duplicate_submissions, warning_count"
                                     " FROM batches ORDER BY id").fetchall()
            search = p.conn.execute("SELECT rowid FROM verbatims_fts WHERE verbatims_fts MATCH 'ました'"
                                    " ORDER BY rowid").fetchall()
            out[split] = (reports, tables, batches, search)
    assert out["1"][0] == out["0"][0]
    assert out["1"][1] == out["0"][1]
    assert out["1"][2] == out["0"][2]
    assert out["1"][3] == out["0"][3] and out["0"][3]
    assert sum(c["already_present"] for c, _, _ in out["1"][0]) > 0  # the re-import was recognised


def test_dry_run_counts_without_importing(project, fixtures):
    before = dump(project)
    r = import_file(project, fixtures / "excel_cp932.csv", dry_run=True)
    assert r.dry_run and r.batch_id is None and r.counts["responses"] == 9
    assert dump(project) == before
