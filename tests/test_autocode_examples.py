"""Codes that learn from examples (issue 21 item 4): a coder's codings train a model that
proposes the code (pending, source 'example', with its probability) on the answers the coder has
not gone through; dry run, too few examples, feedback from reviews, undo, the CLI, the migration."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import dump
from voc_app import coding as C
from voc_app.analysis import analyze_project
from voc_app.cli import main as voc
from voc_app.coding_examples import propose_by_example
from voc_app.importing import import_file
from voc_app.store import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.autocode_fixture import CODES, read_answers, write_csv  # noqa: E402

CODER = "山田"
REVIEWED = 150  # the coder went through the first 150 answers (about 28 of 配送)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The 400 constructed answers, analysed, and a coder who coded the first 150 of them fully."""
    tmp = tmp_path_factory.mktemp("examples")
    rows = read_answers()
    path = tmp / "base.voc"
    with Project.create(path) as p:
        import_file(p, write_csv(rows, tmp / "answers.csv"))
        analyze_project(p, workers=1)
        vids = [r[0] for r in p.conn.execute("SELECT id FROM verbatims ORDER BY id")]
        truth = {v: r[1] for v, r in zip(vids, rows, strict=True)}
        ids = {c: C.add_code(p, c) for c in CODES}
        for v in vids[:REVIEWED]:
            if not truth[v]:
                C.mark_reviewed(p, [v], CODER)
            for c in sorted(truth[v]):
                C.tag(p, v, ids[c], CODER)
    return path, truth, vids


@pytest.fixture
def proj(base, tmp_path):
    path = tmp_path / "p.voc"
    shutil.copy(base[0], path)
    with Project(path) as p:
        yield p


def _example_codings(p: Project, code_id: int | None = None) -> list[tuple]:
    q = ("SELECT g.verbatim_id, g.state, c.name, g.probability FROM codings g JOIN coders c ON c.id = g.coder_id"
         " WHERE g.source = 'example'" + (" AND g.code_id = ?" if code_id else "") + " ORDER BY g.verbatim_id")
    return p.conn.execute(q, (code_id,) if code_id else ()).fetchall()


def test_proposals_are_pending_example_codes_mostly_right(proj, base):
    _, truth, vids = base
    reviewed = set(vids[:REVIEWED])
    code_id = C.resolve_code(proj, "配送")
    r = propose_by_example(proj, code="配送", coder=CODER)
    assert r.code_id == code_id and r.coder == CODER
    assert r.positives == sum("配送" in truth[v] for v in vids[:REVIEWED]) >= 10
    assert r.negatives == REVIEWED - r.positives
    assert r.threshold is not None and 0.0 < r.threshold < 1.0
    assert r.cv_precision >= 0.8 and 0.0 < r.cv_recall <= 1.0  # the threshold is chosen for precision 0.8
    assert r.proposed and all(p >= r.threshold for _, p in r.proposed)
    got = {v for v, _ in r.proposed}
    assert not got & reviewed  # only answers the coder has not gone through
    # Bar: the target is 0.8 out-of-fold on ~28 positives; a standard error of ~0.07 and the
    # fixture's neutral clauses with code words (「アプリで注文した」, 「値段の割に」) allow less on
    # new answers, but most proposals must be right and a good part of the code found.
    rest_true = {v for v in vids[REVIEWED:] if "配送" in truth[v]}
    precision = len(got & rest_true) / len(got)
    recall = len(got & rest_true) / len(rest_true)
    assert precision >= 0.7, (precision, recall)
    assert recall >= 0.5, (precision, recall)
    stored = _example_codings(proj, code_id)
    assert [(v, s, c) for v, s, c, _ in stored] == [(v, "pending", CODER) for v in sorted(got)]
    assert {v: pr for v, _, _, pr in stored} == pytest.approx(dict(r.proposed))
    assert C.undo(proj) == "例から自動コーディング"  # one undo step
    assert _example_codings(proj) == []
    assert C.redo(proj) == "例から自動コーディング" and len(_example_codings(proj)) == len(got)


def test_other_codes_learn_too(proj, base):
    _, truth, vids = base
    precisions = []
    for c in ("価格", "アプリ"):
        r = propose_by_example(proj, code=c, coder=CODER, dry_run=True)
        got = {v for v, _ in r.proposed}
        if got:
            precisions.append(sum(c in truth[v] for v in got) / len(got))
    assert len(precisions) == 2 and min(precisions) >= 0.7, precisions


def test_dry_run_writes_nothing(proj):
    before = dump(proj)
    r = propose_by_example(proj, code="配送", coder=CODER, dry_run=True)
    assert r.dry_run and r.proposed and r.added == len(r.proposed)
    assert dump(proj) == before
    assert C.undo(proj) != "例から自動コーディング"
    real = propose_by_example(proj, code="配送", coder=CODER)
    assert real.proposed == r.proposed  # the same proposals when made


def test_too_few_examples_is_a_clear_error(proj, base):
    _, truth, vids = base
    new = C.add_code(proj, "梱包")
    for v in vids[REVIEWED:REVIEWED + 4]:
        C.tag(proj, v, new, "鈴木")
    before = dump(proj)
    with pytest.raises(C.CodingError, match="10 件以上.*いまは 4 件"):
        propose_by_example(proj, code="梱包", coder="鈴木")
    with pytest.raises(C.CodingError, match="5 件以上"):
        propose_by_example(proj, code="梱包", min_examples=5)  # default coder: who coded it most
    with pytest.raises(C.CodingError, match="コーダー「田中」はいません"):
        propose_by_example(proj, code="配送", coder="田中")
    assert dump(proj) == before


def test_reviews_feed_back_as_examples(proj, base):
    _, truth, vids = base
    first = propose_by_example(proj, code="配送", coder=CODER)
    rows = {v: cid for cid, v in proj.conn.execute(
        "SELECT id, verbatim_id FROM codings WHERE source = 'example' AND state = 'pending'")}
    wrong = [v for v, _ in first.proposed if "配送" not in truth[v]][:3]
    right = [v for v, _ in first.proposed if "配送" in truth[v]][:3]
    assert len(right) == 3 and wrong
    C.review_auto(proj, [rows[v] for v in right], accept=True)
    C.review_auto(proj, [rows[v] for v in wrong], accept=False)
    second = propose_by_example(proj, code="配送", coder=CODER)
    assert second.positives == first.positives + 3  # accepted proposals are positives
    assert second.negatives == first.negatives + len(wrong)  # rejected ones are negatives
    again = {v for v, _ in second.proposed}
    assert not again & (set(right) | set(wrong))  # reviewed proposals are not proposed again
    states = dict(proj.conn.execute("SELECT verbatim_id, state FROM codings WHERE source = 'example'"))
    assert all(states[v] == "accepted" for v in right) and all(states[v] == "rejected" for v in wrong)
    # the pending ones of the first run still above the threshold are kept, the others removed
    pending = {v for v, s, _, _ in _example_codings(proj) if s == "pending"}
    assert pending == again
    # accepting all pending proposals (voc autocode --accept) includes the example source
    assert C.review_pending(proj, code_id=C.resolve_code(proj, "配送"), accept=True) == len(again)


def test_cli_by_example(base, tmp_path, capsys):
    p = str(tmp_path / "cli.voc")
    shutil.copy(base[0], p)
    with Project(p) as proj:
        before = dump(proj)
    assert voc(["autocode", p, "--code", "配送", "--by-example", "--coder", CODER, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "精度" in out and "再現率" in out and "正例" in out and "否定例" in out and "保存していません" in out
    with Project(p) as proj:
        assert dump(proj) == before
    assert voc(["autocode", p, "--code", "配送", "--by-example"]) == 0  # the coder who coded it most
    out = capsys.readouterr().out
    assert f"コーダー: {CODER}" in out and "未確認の自動コード" in out
    with Project(p) as proj:
        n = proj.conn.execute("SELECT count(*) FROM codings WHERE source = 'example' AND state = 'pending'").fetchone()[0]
    assert n > 0 and f"提案: {n:,} 件" in out
    assert voc(["codebook", p, "add", "梱包"]) == 0
    assert voc(["tag", p, "1", "梱包", "--coder", CODER]) == 0
    capsys.readouterr()
    assert voc(["autocode", p, "--code", "梱包", "--by-example", "--coder", CODER]) == 2
    assert "10 件以上" in capsys.readouterr().err
    assert voc(["autocode", p, "--by-example"]) == 2  # which code?
    assert "--code" in capsys.readouterr().err


def test_migration_widens_the_source_of_an_older_project(tmp_path, monkeypatch):
    from voc_app.store import db as dbmod
    from voc_app.store.schema import MIGRATIONS

    path = tmp_path / "old.voc"
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:-1])
    with Project.create(path) as p:
        import_file(p, write_csv(read_answers()[:3], tmp_path / "a.csv"))
        cid = C.add_code(p, "配送")
        C.tag(p, 1, cid, CODER)
        coder = p.conn.execute("SELECT id FROM coders").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"), p.conn:
            p.conn.execute("INSERT INTO codings (code_id, verbatim_id, coder_id, source, state, created_at)"
                           " VALUES (?, 2, ?, 'example', 'pending', 'now')", (cid, coder))
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with Project(path) as p:
        assert MIGRATIONS[-1][0] == "014_example_codings"
        assert "probability" in [r[1] for r in p.conn.execute("PRAGMA table_info(codings)")]
        with p.conn:
            p.conn.execute("INSERT INTO codings (code_id, verbatim_id, coder_id, source, state, created_at, probability)"
                           " VALUES (?, 2, ?, 'example', 'pending', 'now', 0.9)", (cid, coder))
        assert p.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert p.conn.execute("SELECT verbatim_id, source, probability FROM codings ORDER BY id").fetchall() == [
            (1, "manual", None), (2, "example", 0.9)]
        assert C.undo(p) == "コードを付与"  # the undo log written before the migration still works
