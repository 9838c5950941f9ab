"""Topics: embeddings, clustering with rare voices, reproducibility across processes, sides of a
mixed answer, and curation that survives re-import, re-analysis and refits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from base.errors import InputError
from nlp import topics as nt
from voc_app.analysis import analyze_project
from voc_app.cli import main
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store import topics as store
from voc_app.store.analyses import add_user_terms
from voc_app.topics import (
    delete_topic,
    merge_topics,
    move_to_topic,
    redo_topic_edit,
    rename_topic,
    set_seed_words,
    side_units,
    split_topic,
    topic_list,
    undo_topic_edit,
    update_topics,
)

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"
SURVEY = SAMPLE / "アンケート_2025上期.csv"
TICKETS = SAMPLE / "サポート履歴_2025上期.jsonl"

TEXTS = [
    "配送が遅くて注文から一週間も届かなかった", "届くまで十日かかり配達が遅すぎる", "配達の日時指定ができず不便",
    "発送が遅れて誕生日に間に合わなかった", "注文した商品がまだ届かない、配送状況も分からない",
    "値段が高いので続けにくい", "値上げされて月額が高すぎる", "価格のわりに量が少なくて割高",
    "送料が高いのが残念", "料金プランがもう少し安ければいいのに",
    "アプリがすぐ落ちてログインできない", "アップデート後にアプリが起動しない", "アプリの通知が多すぎてうるさい",
    "アプリでエラーが出て同期できない", "スマホのアプリが重くて使いにくい",
    "サポートに問い合わせても返信がない", "電話窓口がつながらず対応が遅い", "問い合わせの回答が丁寧で助かった",
    "チャットのサポートがすぐ対応してくれた", "メールで問い合わせたら翌日に返事が来た",
    "このあいだ近所の神社で祭りがあった",
]


def docs():
    return nt.docs_tokens(TEXTS)


def test_embeddings_are_unit_rows_and_similar_texts_are_close():
    E = nt.embed(["配送が遅い", "配達が遅れた", "アプリが落ちる", ""])
    assert E.shape == (4, nt.DIM) and E.dtype == np.float32
    assert np.allclose(np.linalg.norm(E[:3], axis=1), 1, atol=1e-5)
    assert not E[3].any()  # an empty text has no vector (and becomes a rare voice)
    assert E[0] @ E[1] > E[0] @ E[2]


def test_a_word_missing_from_the_vector_table_counts_through_its_parts():
    vec = nt._vectors()
    (surface, norm), = [t for t in nt.doc_tokens("名誉教授") if not t[1].startswith("\x00")]
    assert nt._row(vec, norm, surface) is None  # the compound itself has no vector
    parts = nt._part_rows(surface)
    assert len(parts) >= 2
    E = nt.embed(["名誉教授", "大学の教授", "配送が遅い"])
    assert E[0].any() and E[0] @ E[1] > E[0] @ E[2]


def test_display_forms_and_proper_nouns():
    toks = nt.doc_tokens("送ってくれたのが早かった。ねむりやの枕")
    shown = [s for s, _ in toks]
    assert "送る" in shown and "早い" in shown  # verbs/adjectives in dictionary form
    assert all(not n.startswith("\x00") or s for s, n in toks)


def test_aspect_features_follow_what_customers_talk_about():
    F = nt.aspect_matrix(nt.docs_tokens(["配送が遅い", "値段が高い", "特に何もない日"]))
    names = nt.aspects().names
    assert names[int(F[0].argmax())] == "配送" and names[int(F[1].argmax())] == "価格"
    assert not F[2].any()


def test_every_answer_is_in_a_topic_or_a_rare_voice():
    fit = nt.fit_topics(docs(), n_topics=4)
    assert len(fit.labels) == len(TEXTS)
    assigned = {i for t in fit.topics for i in np.flatnonzero(fit.labels == t.number)}
    rare = {i for g in fit.rare_groups for i in g}
    assert assigned | rare == set(range(len(TEXTS))) and not assigned & rare
    assert (fit.labels < 0).mean() <= nt.RARE_SHARE_MAX + 1e-9
    # the aspects come out as topics: delivery complaints share one, price complaints another
    delivery, price = fit.labels[:5], fit.labels[5:10]
    assert np.bincount(delivery[delivery >= 0]).max() >= 4 and np.bincount(price[price >= 0]).max() >= 4
    for t in fit.topics:
        assert t.size >= nt.MIN_TOPIC_SIZE and t.words and 1 <= len(t.quotes) <= 5
        assert all(fit.labels[q] == t.number for q in t.quotes)


def test_near_duplicate_rare_voices_are_grouped():
    X = np.eye(4, dtype=np.float32)[[0, 0, 1, 2]]
    groups = nt.group_near_duplicates(X, np.arange(4))
    assert groups[0] == [0, 1] and sorted(map(len, groups)) == [1, 1, 2]


def test_same_input_same_topics_across_processes(tmp_path):
    src = tmp_path / "in.tsv"
    src.write_text("id\ttext\n" + "".join(f"{i}\t{t}\n" for i, t in enumerate(TEXTS)), encoding="utf-8")
    outs = []
    for n in range(2):
        out = tmp_path / f"out{n}.tsv"
        subprocess.run([sys.executable, "-m", "voc_app.cli", "cluster", str(src), "--out", str(out)], check=True,
                       capture_output=True)
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    header, *rows = outs[0].splitlines()
    assert header.split("\t") == ["id", "text", "topic", "topic_label"]
    assert len(rows) == len(TEXTS) and all(r.split("\t")[2].lstrip("-").isdigit() for r in rows)


def test_voc_embed_writes_one_float32_row_per_input_row(tmp_path):
    src = tmp_path / "in.tsv"
    src.write_text("text\tx\n配送が遅い\t1\nアプリが落ちる\t2\n\t3\n", encoding="utf-8")
    assert main(["embed", str(src), "--out", str(tmp_path / "e.npy")]) == 0
    E = np.load(tmp_path / "e.npy")
    assert E.shape == (3, nt.DIM) and E.dtype == np.float32
    assert np.allclose(E, nt.embed(["配送が遅い", "アプリが落ちる", ""]))
    assert main(["embed", str(src), "--text-column", "本文", "--out", str(tmp_path / "f.npy")]) == 2


def test_mixed_answer_gives_each_side_its_own_sentences():
    text = "枕はとても気持ちいい。でも配送が遅すぎて困った。"
    sentences = '[[0, 11, "delight", 0.8], [11, 25, "pain", -0.8]]'
    (d,) = side_units([(1, text, "mixed", sentences)], "delight")
    (p,) = side_units([(1, text, "mixed", sentences)], "pain")
    assert d[1] == "枕はとても気持ちいい。" and p[1] == "でも配送が遅すぎて困った。"
    (a,) = side_units([(1, text, "mixed", sentences)], "all")
    assert a[1] == text and a[2] == []


def _members_cover_side(p: Project, side: str) -> None:
    units = {vid for vid, _, _ in side_units(store.side_rows(p.conn, side), side)}
    got = store.members(p.conn, side)
    assert units == set(got), "every answer of the side is in a topic or a rare voice"
    active = {t["id"] for t in store.topics(p.conn, side)}
    assert all(tid is None or tid in active for tid, _ in got.values())


@pytest.fixture
def fitted(tmp_path):
    with Project.create(tmp_path / "t.voc") as p:
        import_file(p, SURVEY)
        analyze_project(p, workers=1)
        res = update_topics(p, "delight")
        assert res["fitted"] and res["topics"] >= 4
        _members_cover_side(p, "delight")
        yield p


def test_curation_survives_reimport_reanalysis_and_refit(fitted):
    p = fitted
    ts = topic_list(p, "delight")["topics"]
    a, b, c, d = (t["id"] for t in ts[:4])
    labels_before = {t["id"]: t["label"] for t in ts}
    rename_topic(p, a, "眠りの質")
    merge_topics(p, a, [b])
    delete_topic(p, c)
    moved = store.topic_member_ids(p.conn, d)[0]
    move_to_topic(p, "delight", [moved], a)
    set_seed_words(p, a, ["眠り"])
    after = {t["id"]: t for t in topic_list(p, "delight")["topics"]}
    assert after[a]["label"] == "眠りの質" and b not in after and c not in after
    assert after[a]["words"][0] == "眠り"
    # a merge changes no other topic's label
    assert all(after[t]["label"] == labels_before[t] for t in after if t != a)
    deleted_members = {v for v, (tid, _) in store.members(p.conn, "delight").items() if tid is None}

    # new answers arrive (support tickets) and everything is re-analysed (a new user term)
    before = set(store.members(p.conn, "delight"))
    import_file(p, TICKETS)
    add_user_terms(p.conn, [("らくらく定期便", None)])
    p.conn.commit()
    assert analyze_project(p, workers=1)["analyzed"] > 0
    res = update_topics(p, "delight")
    assert not res["fitted"]
    _members_cover_side(p, "delight")
    now = store.members(p.conn, "delight")
    assert set(now) - before, "new delight answers were placed"
    assert now[moved] == (a, 1)
    assert store.topic(p.conn, a)["name"] == "眠りの質"
    assert store.topic(p.conn, b)["status"] == "merged" and store.topic(p.conn, c)["status"] == "deleted"
    assert all(now[v][0] is None for v in deleted_members if v in now)

    # an explicit refit keeps the name of the matching topic and the pinned answer
    res = update_topics(p, "delight", refit=True)
    assert res["fitted"] and res["kept_names"] >= 1
    _members_cover_side(p, "delight")
    named = [t for t in store.topics(p.conn, "delight") if t["name"] == "眠りの質"]
    assert len(named) == 1 and named[0]["id"] == a and named[0]["seed_words"] == ["眠り"]
    assert store.members(p.conn, "delight")[moved] == (a, 1)


def test_split_and_undo(fitted):
    p = fitted
    topics = topic_list(p, "delight")["topics"]

    def distinct(t):
        return len({x for x in store.member_texts(p.conn, "delight", store.topic_member_ids(p.conn, t["id"])).values()
                    for x in [x[0]]})

    big = max(topics, key=distinct)
    same = min(topics, key=distinct)
    if distinct(same) == 1 and same["size"] >= 2 * nt.MIN_TOPIC_SIZE:
        with pytest.raises(InputError):
            split_topic(p, same["id"], 2)
    before = store.members(p.conn, "delight")
    ids = split_topic(p, big["id"], 2)
    assert ids[0] == big["id"] and len(ids) == 2
    sizes = store.sizes(p.conn, "delight")
    assert sizes[ids[0]] + sizes[ids[1]] == big["size"]
    after = store.members(p.conn, "delight")
    assert undo_topic_edit(p, "delight") == "split"
    assert store.members(p.conn, "delight") == before
    assert store.topic(p.conn, ids[1]) is None
    assert undo_topic_edit(p, "delight") is None
    # redo brings the split back exactly (the new topic with its id and answers), undo again
    assert redo_topic_edit(p, "delight") == "split"
    assert store.members(p.conn, "delight") == after and store.topic(p.conn, ids[1]) is not None
    assert redo_topic_edit(p, "delight") is None
    assert undo_topic_edit(p, "delight") == "split"
    assert store.members(p.conn, "delight") == before
    # a new edit after an undo ends what could be redone
    rename_topic(p, big["id"], "新しい名前")
    assert redo_topic_edit(p, "delight") is None
    undo_topic_edit(p, "delight")


def test_move_to_rare_and_errors(fitted):
    p = fitted
    t = topic_list(p, "delight")["topics"][0]
    v = store.topic_member_ids(p.conn, t["id"])[0]
    move_to_topic(p, "delight", [v], None)
    assert any(x["verbatim_id"] == v for g in store.rare_voices(p.conn, "delight") for x in g["voices"])
    with pytest.raises(InputError):
        move_to_topic(p, "delight", [10**9], t["id"])
    with pytest.raises(InputError):
        rename_topic(p, 10**9, "x")


def test_cli_topics_tsv_trend_and_breakdown(fitted, capsys, tmp_path):
    path = fitted.path
    fitted.conn.commit()
    assert main(["topics", str(path), "--format", "tsv"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split("\t") == ["id", "label", "size", "share", "words", "quote"]
    assert rows and all(int(r.split("\t")[2]) >= nt.MIN_TOPIC_SIZE for r in rows)
    assert main(["topics", str(path), "--trend", "month"]) == 0
    trend = capsys.readouterr().out.splitlines()
    assert trend[0].split("\t") == ["topic", "label", "period", "answers"]
    assert all(r.split("\t")[2][:4] == "2025" for r in trend[1:])
    assert main(["topics", str(path), "--by", "nps_group"]) == 0
    assert {r.split("\t")[2] for r in capsys.readouterr().out.splitlines()[1:]} <= {"推奨者", "中立者", "批判者", ""}
    assert main(["topics", str(path), "--side", "pain"]) == 0
    assert "不満のトピック" in capsys.readouterr().out
    assert main(["topic", str(path), "rename", "999999", "x"]) == 2


def test_a_fit_where_every_cluster_is_too_small_gives_rare_voices_not_an_error():
    """A tiny project (a few different complaints): no cluster reaches the minimum size — every
    answer is a rare voice and there is no topic (this raised IndexError)."""
    X = np.eye(6, 8, dtype=np.float32)  # six answers, each unlike the others
    km = nt.RareVoiceKMeans(3, min_size=4).fit(X)
    assert (km.labels_ == -1).all() and len(km.centers_) == 0
    assert nt.assign(X, km.centers_, km.floor_)[0].tolist() == [-1] * 6
