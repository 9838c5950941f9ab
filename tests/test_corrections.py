"""Label corrections (issue 21): a person's labels are final at once, survive re-analysis and
re-import, undo and redo, teach the project layer (and going back to the shipped model undoes
that), reach customer signals, and the CLI contract (``voc labels / queue / correct / learn``).
The texts are written for these tests."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from voc_app import corrections as C
from voc_app.analysis import analyze_project
from voc_app.cli import main
from voc_app.importing import import_file
from voc_app.store import Project

# a rival service with a made-up name the shipped model cannot know: for this company, moving to
# it is churn
RIVAL = ["ポポロンにしました", "来月からはポポロンを使います", "ポポロンに決めました", "最近はポポロンばかり使っている",
         "ポポロンを使い始めました", "家族もポポロンにしました", "ポポロンのほうを選びました", "ポポロンを試しています",
         "ポポロンに変えました", "ポポロンを申し込みました", "今はポポロンです", "ポポロンに移りました"]
GENERIC = ["届いた日の夜、朝までぐっすり眠れて感動しました", "配送が遅すぎて困っています", "友達に勧めたら二人とも買ってくれました",
           "問い合わせの返事が三日来なかった。このままなら解約します", "アプリの使い方がわからない",
           "カバーを洗濯機で丸洗いできるのが便利", "特になし", "値段がもう少し安ければ家族の分も買いたい",
           "肩こりが軽くなったと夫に言われた", "箱を開けた瞬間いい香りがした", "高さが合わず返品したい",
           "サポートの方がとても親切でした", "注文から二日で届いて助かりました", "色が写真と少し違った", "毎晩使っています",
           "枕カバーの替えが欲しい", "ポイントの有効期限が短すぎる", "店員さんの説明がわかりやすかった", "組み立てが簡単だった",
           "もう少し硬めのものがあれば嬉しい", "子どもが自分から布団に入るようになった", "梱包が丁寧でした",
           "二週間で中綿が偏ってきた", "旅行先にも持っていきたくなる寝心地", "レビューを見て購入しました",
           "電話がなかなかつながらない", "また買いたいと思います", "母の誕生日に贈りました", "サイズ表が分かりにくい",
           "使い始めて一か月、腰の痛みが減った"]
MAP = [("id", "回答ID"), ("customer", "顧客ID"), ("text", "ご意見")]


def write_csv(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["回答ID", "顧客ID", "ご意見"])
        w.writerows([(f"R{i:02d}", f"K{i:02d}", t) for i, t in enumerate(RIVAL)])
        w.writerows([(f"G{i:02d}", f"L{i:02d}", t) for i, t in enumerate(GENERIC)])
    return path


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("corrections")
    src = write_csv(d / "answers.csv")
    path = d / "base.voc"
    with Project.create(path) as p:
        import_file(p, src, format="excel_csv", overrides=MAP)
        analyze_project(p, workers=1)
    return path, src


@pytest.fixture
def proj(base, tmp_path):
    path = tmp_path / "p.voc"
    shutil.copy(base[0], path)
    with Project(path) as p:
        yield p


def by_text(p: Project) -> dict[str, C.LabelRow]:
    return {r.text: r for r in C.labels(p)}


def test_a_correction_is_final_at_once_and_the_model_label_is_kept(proj):
    from voc_app.store.queries import verbatims_by_id

    row = by_text(proj)["配送が遅すぎて困っています"]
    assert row.polarity == "pain" and row.churn == 0 and row.corrected == 0 and row.source == "model"
    out = C.correct(proj, row.verbatim_id, coder="佐藤", polarity="delight", churn=1)
    assert (out["polarity"], out["churn"], out["corrected"], out["source"]) == ("delight", 1, 1, "person")
    assert out["polarity_p"] == 1.0 and out["churn_p"] == 1.0
    assert out["model"]["polarity"] == "pain" and out["model"]["churn"] == 0   # the shipped model's own
    assert sorted(out["corrected_targets"]) == ["churn", "polarity"]
    # what the rest of the app reads (the verbatim detail) is the corrected label
    rec = verbatims_by_id(proj.conn, [row.verbatim_id])[row.verbatim_id]
    assert (rec.polarity, rec.churn) == ("delight", 1)
    assert C.corrections(proj)[0]["coder"] == "佐藤"
    s = C.status(proj)
    assert s.corrections == 1 and s.per_target_corrections["polarity"] == 1 and s.stale
    with pytest.raises(C.CorrectionError):
        C.correct(proj, row.verbatim_id, churn=2)
    with pytest.raises(C.CorrectionError):
        C.correct(proj, 99999, polarity="pain")


def test_advocacy_and_stage_follow_the_policy(proj):
    row = by_text(proj)["毎晩使っています"]
    out = C.correct(proj, row.verbatim_id, advocacy=1)
    assert out["advocacy"] == 1 and out["stage"] == "advocacy"
    out = C.correct(proj, row.verbatim_id, stage="success")
    assert out["stage"] == "success" and out["advocacy"] == 0


def test_corrections_survive_reanalysis_and_reimport(proj, base, monkeypatch):
    import voc_app.analysis as analysis

    rows = by_text(proj)
    vid = rows["配送が遅すぎて困っています"].verbatim_id
    C.correct(proj, vid, polarity="mixed", stage="success")
    # another analyzer version (a new model, lexicon or user term) redoes every analysis
    monkeypatch.setattr(analysis, "analyzer_version", lambda user_dic_hash="": "test+another-version")
    res = analyze_project(proj, workers=1)
    assert res["analyzed"] == len(rows)
    assert res["learned"] is not None and res["learned"].corrections == 1  # voc analyze refits the layer
    after = by_text(proj)["配送が遅すぎて困っています"]
    assert (after.polarity, after.stage, after.corrected, after.source) == ("mixed", "success", 1, "person")
    assert after.model["polarity"] == "pain"
    # re-importing the same file adds nothing and keeps the correction
    rep = import_file(proj, base[1], format="excel_csv", overrides=MAP)
    assert rep.counts["verbatims"] == 0
    analyze_project(proj, workers=1)
    assert by_text(proj)["配送が遅すぎて困っています"].polarity == "mixed"


def test_undo_redo_and_clear(proj):
    rows = by_text(proj)
    a, b = rows["配送が遅すぎて困っています"], rows["梱包が丁寧でした"]
    C.correct(proj, a.verbatim_id, polarity="neutral")
    C.correct(proj, b.verbatim_id, churn=1)
    assert by_text(proj)["梱包が丁寧でした"].churn == 1
    assert C.undo(proj)
    now = by_text(proj)
    assert now["梱包が丁寧でした"].churn == 0 and now["梱包が丁寧でした"].corrected == 0
    assert now["配送が遅すぎて困っています"].polarity == "neutral"
    assert C.undo_state(proj)[1] is not None
    assert C.redo(proj)
    assert by_text(proj)["梱包が丁寧でした"].churn == 1
    assert C.undo(proj) and C.undo(proj)
    now = by_text(proj)
    assert now["配送が遅すぎて困っています"].polarity == "pain" and now["梱包が丁寧でした"].churn == 0
    assert C.undo(proj) is None
    C.correct(proj, a.verbatim_id, polarity="mixed")   # a new edit clears the redo stack
    assert C.undo_state(proj) == (f"発言 {a.verbatim_id} のラベルを修正", None)
    C.clear(proj, a.verbatim_id)
    assert by_text(proj)["配送が遅すぎて困っています"].polarity == "pain"
    assert C.undo(proj) and by_text(proj)["配送が遅すぎて困っています"].polarity == "mixed"


def test_learn_teaches_similar_answers_and_the_shipped_model_comes_back(proj):
    rows = by_text(proj)
    assert all(rows[t].churn == 0 for t in RIVAL)  # the shipped model does not know ポポロン
    for t in RIVAL[:8]:
        C.correct(proj, rows[t].verbatim_id, churn=1, coder="佐藤")
    res = C.learn(proj)
    assert res.corrections == 8 and res.per_target["churn"]["n"] == 8
    assert res.agreement is not None and res.shipped_agreement == 0.0
    now = by_text(proj)
    followed = [t for t in RIVAL[8:] if now[t].churn == 1]
    assert len(followed) >= 2, {t: now[t].churn_p for t in RIVAL[8:]}
    assert all(now[t].source == "project" for t in followed)
    assert all(now[t].churn_p > rows[t].churn_p + 0.3 for t in RIVAL[8:])
    # answers unlike the corrected ones keep the shipped model's labels
    for t in GENERIC:
        assert (now[t].polarity, now[t].churn, now[t].advocacy, now[t].stage) == \
            (rows[t].polarity, rows[t].churn, rows[t].advocacy, rows[t].stage), t
    s = C.status(proj)
    assert s.active and not s.stale and s.fitted_corrections == 8 and s.agreement == res.agreement
    # back to the shipped model: the layer's labels go, the person's stay
    C.use_shipped_model(proj)
    back = by_text(proj)
    assert all(back[t].churn == 0 and back[t].source == "model" for t in RIVAL[8:])
    assert all(back[t].churn == 1 and back[t].corrected == 1 for t in RIVAL[:8])
    assert not C.status(proj).active
    # re-analysis respects that choice; learn switches the layer on again
    assert analyze_project(proj, workers=1)["learned"] is None
    C.learn(proj)
    assert C.status(proj).active and sum(by_text(proj)[t].churn for t in RIVAL[8:]) >= 2


def test_customer_signals_use_corrected_labels(proj):
    from voc_app.signals import score_project
    from voc_app.store.signals import flagged

    row = by_text(proj)["梱包が丁寧でした"]
    score_project(proj)
    assert "L21" not in [f["customer_id"] for f in flagged(proj.conn, "churn")]
    C.correct(proj, row.verbatim_id, churn=1)
    score_project(proj)
    hit = [f for f in flagged(proj.conn, "churn") if f["customer_id"] == "L21"]
    assert hit and str(row.verbatim_id) in hit[0]["evidence"] and hit[0]["score"] >= 50


def test_queue_asks_about_unsure_answers_once_and_without_near_duplicates(proj):
    from nlp.adapt import similarity_rows

    q = C.queue(proj, 10)
    assert len(q.items) == 10 and q.reviewed == 0
    assert all(it.reason and it.task in C.TARGETS for it in q.items)
    assert "特になし" not in [it.text for it in q.items]  # non-answers are not asked about
    scores = [it.score for it in q.items]
    assert scores == sorted(scores, reverse=True) or len({it.similar for it in q.items}) > 1
    assert C.queue(proj, 3, "churn").items[0].task == "churn"
    first = q.items[0].verbatim_id
    C.correct(proj, first, polarity=q.items[0].labels["polarity"])   # confirmed as it was
    q2 = C.queue(proj, 10)
    assert first not in [it.verbatim_id for it in q2.items] and q2.reviewed == 1
    only = C.queue(proj, 50, "polarity", label="neutral")
    assert only.items and all(it.labels["polarity"] == "neutral" for it in only.items)
    # near-duplicates: never two answers of (almost) the same words in one batch
    ids = [it.verbatim_id for it in C.queue(proj, 40).items]
    feats = C._features_for(proj, ids)
    import numpy as np

    sims = similarity_rows(feats, np.arange(len(ids)), np.arange(len(ids)))
    np.fill_diagonal(sims, 0.0)
    assert sims.max() < C.NEAR_DUPLICATE


# --- the command line ---------------------------------------------------------------------------

def test_cli_labels_contract(proj, tmp_path, capsys):
    vid = by_text(proj)["配送が遅すぎて困っています"].verbatim_id
    C.correct(proj, vid, churn=1)
    out = tmp_path / "labels.tsv"
    assert main(["labels", str(proj.path), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "verbatim_id\texternal_id\ttext\tpolarity\tchurn\tadvocacy\tstage\tpolarity_p\tchurn_p\tadvocacy_p\tcorrected"
    rows = [dict(zip(lines[0].split("\t"), ln.split("\t"), strict=True)) for ln in lines[1:]]
    assert len(rows) == len(RIVAL) + len(GENERIC)
    mine = next(r for r in rows if r["verbatim_id"] == str(vid))
    assert (mine["external_id"], mine["churn"], mine["corrected"], mine["churn_p"]) == ("G01", "1", "1", "1.0000")
    assert {r["corrected"] for r in rows} == {"0", "1"} and sum(r["corrected"] == "1" for r in rows) == 1
    assert all(r["churn"] in ("0", "1") and r["advocacy"] in ("0", "1") for r in rows)
    assert all(0.0 <= float(r["polarity_p"]) <= 1.0 for r in rows)


def test_cli_queue_contract(proj, capsys):
    assert main(["queue", str(proj.path), "--n", "4", "--task", "churn"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "verbatim_id\texternal_id\ttext\treason"
    assert len(lines) == 5 and all(len(ln.split("\t")) == 4 for ln in lines[1:])
    assert all(ln.split("\t")[0].isdigit() for ln in lines[1:])


def test_cli_correct_and_learn(proj, tmp_path, capsys):
    rows = by_text(proj)
    vid = rows["梱包が丁寧でした"].verbatim_id
    assert main(["correct", str(proj.path), str(vid), "--polarity", "pain", "--churn", "1", "--coder", "佐藤"]) == 0
    assert by_text(proj)["梱包が丁寧でした"].polarity == "pain"
    with pytest.raises(SystemExit) as e:      # a value no label has
        main(["correct", str(proj.path), str(vid), "--churn", "2"])
    assert e.value.code == 2
    capsys.readouterr()
    assert main(["correct", str(proj.path), "99999", "--polarity", "pain"]) == 2
    # a file: header verbatim_id + any labels; a bad cell names the file, row and column, nothing is written
    f = tmp_path / "fix.tsv"
    ids = [rows[t].verbatim_id for t in RIVAL[:8]]
    f.write_text("verbatim_id\tchurn\tpolarity\n" + "".join(f"{i}\t1\t\n" for i in ids[:1]) + f"{ids[1]}\tyes\t\n",
                 encoding="utf-8")
    capsys.readouterr()
    assert main(["correct", str(proj.path), "--from", str(f)]) == 2
    err = capsys.readouterr().err
    assert "fix.tsv" in err and "3 行目" in err and "churn" in err
    assert by_text(proj)[RIVAL[0]].corrected == 0
    f.write_text("verbatim_id\tchurn\tpolarity\n" + "".join(f"{i}\t1\t\n" for i in ids), encoding="utf-8")
    assert main(["correct", str(proj.path), "--from", str(f), "--coder", "鈴木"]) == 0
    assert all(by_text(proj)[t].churn == 1 for t in RIVAL[:8])
    capsys.readouterr()
    assert main(["learn", str(proj.path)]) == 0
    out = capsys.readouterr().out
    assert "修正 9 件から学習しました" in out and "交差検証の一致率" in out
    # voc analyze runs learn when there are corrections (and says so)
    assert main(["correct", str(proj.path), str(vid), "--advocacy", "1"]) == 0
    capsys.readouterr()
    assert main(["analyze", str(proj.path), "--workers", "1"]) == 0
    assert "件から補正を学習" in capsys.readouterr().out
    assert main(["learn", str(proj.path), "--shipped"]) == 0
    assert main(["correct", str(proj.path), "--undo"]) == 0
