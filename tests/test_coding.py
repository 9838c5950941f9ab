"""Researchers' coding: the rule language, agreement statistics on published examples, the
REFI-QDA round trip, codebook edits with undo / redo, auto-coding on real Sudachi tokens,
agreement and cross-tabs over a project, word views, the CLI, and keyboard coding in the app."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp import coderules as cr
from nlp.agreement import agreement, cohen_kappa, krippendorff_alpha, percent_agreement
from nlp.words import cooccurrence, frequency, kwic, residuals
from voc_app import coding as C
from voc_app.analysis import analyze_project
from voc_app.cli import main as voc
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.topics import update_topics

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample"


# --- rule language ----------------------------------------------------------------------------

@pytest.mark.parametrize("rule, canonical", [
    ("(配送 | 届く) & pain", "(配送 | 届く) & polarity:pain"),
    ("a | b & c", "a | (b & c)"),                      # AND binds tighter than OR
    ("a | b c", "a | (b & c)"),                        # adjacent words are ANDed
    ("!a & b", "!a & b"),                              # NOT binds tightest
    ("!(a | b)", "!(a | b)"),
    ("a -b", "a & !b"),
    ("a AND NOT b OR c", "(a & !b) | c"),
    ("a かつ b または c", "(a & b) | c"),
    ('"届くのが遅い" | 「箱が潰れ」', '"届くのが遅い" | "箱が潰れ"'),
    ("polarity:不満 & stage:success", "polarity:pain & stage:success"),
    ("attr:年代=30代 nps:0-6", "attr:年代=30代 & nps:0-6"),
    ("年代=30代", "attr:年代=30代"),
    ("topic:3 | code:配送/遅延", "topic:3 | code:配送/遅延"),
    ("（配送｜届く）＆churn", "(配送 | 届く) & signal:churn"),   # full-width operators
])
def test_rule_parser_precedence_and_forms(rule, canonical):
    assert cr.to_text(cr.parse(rule)) == canonical
    assert cr.to_text(cr.parse(canonical)) == canonical  # canonical text parses to itself


@pytest.mark.parametrize("rule, pos, words", [
    ("(a | b", 0, "閉じていません"),
    ("a &", 3, "足りません"),
    ("a | )", 4, "置けません"),
    ("a ) b", 2, "余分"),
    ("nps:x", 0, "0-6"),
    ("polarity:happy", 0, "delight"),
    ("attr:年代", 0, "属性名=値"),
    ("", 0, "空"),
])
def test_rule_parser_errors_say_where(rule, pos, words):
    with pytest.raises(cr.RuleError) as e:
        cr.parse(rule)
    assert e.value.pos == pos and words in str(e.value)


def _corpus():
    # stored-token JSON as the analysis writes it: [[surface, normalized, pos], ...]
    docs = [
        ("配送が遅くて箱が潰れていた", [["配送", "配送", "名詞"], ["遅く", "遅い", "形容詞"], ["箱", "箱", "名詞"],
                                   ["潰れ", "潰れる", "動詞"]], "pain", 2),
        ("翌日に届いて嬉しい", [["翌日", "翌日", "名詞"], ["届い", "届く", "動詞"], ["嬉しい", "嬉しい", "形容詞"]], "delight", 10),
        ("解約したいが方法が分からない", [["解約", "解約", "名詞"], ["方法", "方法", "名詞"],
                                   ["分から", "分かる", "動詞"]], "pain", 0),
        ("イライラする対応", [["イライラ", "苛々", "副詞"], ["対応", "対応", "名詞"]], "mixed", None),
    ]
    lemmas = {"届く": ["届く"], "イライラ": ["苛々"], "いらいら": ["苛々"], "配送": ["配送"], "箱": ["箱"],
              "潰れる": ["潰れる"], "解約": ["解約"], "嬉しい": ["嬉しい"], "対応": ["対応"], "配": ["配"],
              "届くのが遅い": ["届く", "の", "が", "遅い"]}
    return cr.Corpus(tokens_json=[json.dumps(t, ensure_ascii=False) for _, t, _, _ in docs],
                     texts=[d[0] for d in docs],
                     columns={"polarity": [d[2] for d in docs], "nps": [d[3] for d in docs],
                              "churn": [0, 0, 1, 0], "advocacy": [0, 1, 0, 0]},
                     lookup=lambda f, v: np.array([True, False, False, True]) if (f, v) == ("attr", "年代=30代") else None,
                     lemma=lambda w: lemmas.get(w, [w]))


@pytest.mark.parametrize("rule, expected", [
    ("届く", [0, 1, 0, 0]),                      # lemma: 届く matches 届い
    ("イライラ", [0, 0, 0, 1]),                  # via Sudachi's normalized form 苛々
    ("いらいら", [0, 0, 0, 1]),
    ("配", [0, 0, 0, 0]),                        # a lemma is matched whole, not as a substring
    ("配*", [1, 0, 0, 0]),                       # prefix
    ("(配送 | 届く) & pain", [1, 0, 0, 0]),
    ("!pain", [0, 1, 0, 1]),
    ("pain & !解約", [1, 0, 0, 0]),
    ('"方法が分からない"', [0, 0, 1, 0]),          # phrase: substring of the text
    ("届くのが遅い", [0, 0, 0, 0]),                # several tokens: a phrase, not found
    ("nps:0-6", [1, 0, 1, 0]),                   # None never matches
    ("nps:10", [0, 1, 0, 0]),
    ("churn | advocacy", [0, 1, 1, 0]),
    ("attr:年代=30代 & !mixed", [1, 0, 0, 0]),
    ("名詞", [0, 0, 0, 0]),                       # the part-of-speech field is not a lemma
])
def test_rule_evaluation(rule, expected):
    assert cr.evaluate(cr.parse(rule), _corpus()).astype(int).tolist() == expected


def test_rule_unknown_condition_is_an_error():
    with pytest.raises(cr.RuleError, match="topic:99"):
        cr.evaluate(cr.parse("topic:99"), _corpus())


def test_match_spans_for_preview():
    node = cr.parse('(届く | "箱が") & !解約')
    toks = [["届い", "届く", "動詞"]]
    assert cr.match_spans(node, "翌日に届いて箱が", toks) == [(3, 5), (6, 8)]


# --- agreement --------------------------------------------------------------------------------

def test_cohen_kappa_wikipedia_example():
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by two readers;
    # both yes 20, A yes / B no 5, A no / B yes 10, both no 15 -> p_o 0.7, p_e 0.5, kappa 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert percent_agreement(a, b) == pytest.approx(70.0)


def test_krippendorff_alpha_textbook_example():
    # Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", the nominal example with
    # 4 observers, 12 units and missing values: alpha = 0.743.
    n = None
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    assert krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)


def test_agreement_per_code_and_disagreements():
    coded = {"A": {1: {10}, 2: {10, 20}, 3: set(), 4: {20}},
             "B": {1: {10}, 2: {10}, 3: {20}, 4: {20}}}
    reviewed = {"A": {1, 2, 3, 4}, "B": {1, 2, 3, 4, 5}}
    rep = agreement(coded, reviewed, [10, 20])
    assert rep.units == 4
    by = {c.code: c for c in rep.codes}
    assert by[10].percent == 100.0 and math.isnan(by[10].kappa) is False and by[10].kappa == pytest.approx(1.0)
    assert by[20].percent == 50.0 and by[20].applied == {"A": 2, "B": 2}
    assert [(d.unit, d.code, d.applied_by) for d in rep.disagreements] == [(2, 20, ["A"]), (3, 20, ["B"])]
    assert rep.overall_percent == pytest.approx(75.0)
    assert -1 <= rep.overall_kappa <= 1 and -1 <= rep.overall_alpha <= 1


def test_words_frequency_kwic_network_residuals():
    docs = [[["届い", "届く", "動詞"], ["箱", "箱", "名詞"]], [["届き", "届く", "動詞"]], [["箱", "箱", "名詞"]]]
    f = frequency(docs, ["a", "b", "a"])
    assert [(w.word, w.lemma, w.count, w.docs) for w in f] == [("届く", "届く", 2, 2), ("箱", "箱", 2, 2)]
    assert f[0].by_group == {"a": 1, "b": 1}
    assert frequency(docs, pos="名詞")[0].lemma == "箱"
    lines = kwic(["翌日に届いて嬉しい", "箱が届き"], ["届い", "届き"], width=3)
    # sorted by the right context, as KH Coder's concordance does
    assert [(k.left, k.keyword, k.right) for k in lines] == [("箱が", "届き", ""), ("翌日に", "届い", "て嬉し")]
    net = cooccurrence([{"a", "b"}, {"a", "b"}, {"a", "c"}, {"c"}], min_freq=2, edges=5)
    labels = [n[0] for n in net.nodes]
    edges = {(labels[a], labels[b]): j for a, b, j in net.edges}
    assert edges[("a", "b")] == pytest.approx(2 / 3, abs=1e-4) and edges[("a", "c")] == pytest.approx(1 / 4)
    assert all(0 <= n[2] <= 1 and 0 <= n[3] <= 1 for n in net.nodes)
    # 2x2 table: the adjusted residual squared is Pearson's chi-square
    r = residuals([[30, 10], [10, 30]])
    assert r[0][0] == pytest.approx(math.sqrt(20.0)) and r[0][1] == pytest.approx(-math.sqrt(20.0))


# --- project ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    path = tmp_path_factory.mktemp("coding") / "base.voc"
    with Project.create(path) as p:
        import_file(p, SAMPLE / "アンケート_2025上期.csv")
        analyze_project(p, workers=1)
        update_topics(p, "pain")
    return path


@pytest.fixture
def proj(analysed, tmp_path):
    path = tmp_path / "p.voc"
    shutil.copy(analysed, path)
    with Project(path) as p:
        yield p


def _book(p):
    return [(c["name"], c["parent_id"] is not None, c["count"]) for c in C.codebook(p)]


def test_codebook_edits_undo_redo(proj):
    a = C.add_code(proj, "配送")
    b = C.add_code(proj, "遅延", a, color="#FF0000", description="届くのが遅い", examples=["一週間待った"])
    c = C.add_code(proj, "梱包")
    vid = proj.conn.execute("SELECT min(id) FROM verbatims").fetchone()[0]
    C.tag(proj, vid, c, "山田", 0, 3)
    C.tag(proj, vid, b, "山田")
    with pytest.raises(C.CodingError, match="既に"):
        C.add_code(proj, "遅延", a)
    with pytest.raises(C.CodingError, match="下位"):
        C.move_code(proj, a, b)
    before = _book(proj)
    C.merge_codes(proj, b, [c])
    assert _book(proj) == [("配送", False, 0), ("遅延", True, 1)]
    assert len(proj.conn.execute("SELECT * FROM codings").fetchall()) == 2  # span and whole kept apart
    assert C.undo(proj) == "コードを統合"
    assert _book(proj) == before
    assert C.redo(proj) == "コードを統合" and _book(proj) == [("配送", False, 0), ("遅延", True, 1)]
    C.undo(proj)
    C.delete_code(proj, a)  # subtree and its codings
    assert _book(proj) == [("梱包", False, 1)]
    C.undo(proj)
    assert _book(proj) == before
    assert C.codebook(proj)[1]["examples"] == ["一週間待った"] and C.codebook(proj)[1]["color"] == "#FF0000"
    C.rename_code(proj, c, "箱")
    C.undo(proj)
    assert C.redo(proj) == "コード名を変更"
    C.undo(proj)
    C.add_code(proj, "新しい編集")  # a new edit clears the redo stack
    assert C.redo(proj) is None


def test_tag_spans_and_validation(proj):
    cid = C.add_code(proj, "睡眠")
    vid, text = proj.conn.execute("SELECT id, text FROM verbatims ORDER BY id LIMIT 1").fetchone()
    assert C.tag(proj, vid, cid, "山田", 2, 5) is not None
    assert C.tag(proj, vid, cid, "山田", 2, 5) is None  # the same coding twice
    assert C.tag(proj, vid, cid, "鈴木", 0, len(text)) is not None  # the whole text: a whole-verbatim coding
    rows = proj.conn.execute("SELECT span_start, span_end FROM codings ORDER BY id").fetchall()
    assert rows == [(2, 5), (None, None)]
    with pytest.raises(C.CodingError, match="超えて"):
        C.tag(proj, vid, cid, "山田", 3, len(text) + 1)
    with pytest.raises(C.CodingError, match="ありません"):
        C.tag(proj, 10 ** 9, cid, "山田")
    C.set_memo(proj, "verbatim", vid, "要確認")
    C.set_memo(proj, "project", 0, "第1回コーディング", coder="山田")
    from voc_app.store.coding import memos

    assert [(m[0], m[3]) for m in memos(proj.conn)] == [("project", "第1回コーディング"), ("verbatim", "要確認")]
    C.undo(proj)
    assert len(memos(proj.conn)) == 1


def test_auto_coding_on_real_tokens_review_and_reapply(proj):
    cid = C.add_code(proj, "破損", rule="(箱 | 梱包) & (潰れる | 汚れる)")
    prev = C.preview_rule(proj, "(箱 | 梱包) & (潰れる | 汚れる)")
    texts = dict(proj.conn.execute("SELECT id, text FROM verbatims"))
    assert prev.matches > 0 and all("箱" in texts[v] and ("潰れ" in texts[v] or "汚れ" in texts[v]) for v in prev.sample)
    # lemmas: 届く finds 届いた / 届きました, and nothing without a form of 届く
    hits = C.preview_rule(proj, "届く", sample=1000)
    assert hits.matches > 0 and all("届" in texts[v] for v in hits.sample)
    assert hits.matches == sum(1 for t in texts.values() if "届" in t)
    res = C.apply_rules(proj)[cid]
    assert res.added == prev.matches and res.kept == 0
    from voc_app.store.coding import auto_codings

    auto = auto_codings(proj.conn, cid)
    assert {state for _, state in auto.values()} == {"pending"}
    ids = sorted(cid_ for cid_, _ in auto.values())
    C.review_auto(proj, ids[:1], accept=True)
    C.review_auto(proj, ids[1:2], accept=False)
    # a narrower rule: pending ones that no longer match go; accepted / rejected stay. Every
    # answer the first rule found says 汚れ too, so the narrower rule finds none of them: all the
    # pending auto-codes (all but the accepted and the rejected one) are removed
    assert all("汚れ" in texts[v] for v in prev.sample) and len(prev.sample) == prev.matches
    C.update_code(proj, cid, rule="箱 & 潰れる & !汚れる")
    res2 = C.apply_rules(proj)[cid]
    states = [s for _, s in auto_codings(proj.conn, cid).values()]
    assert sorted(states) == ["accepted", "rejected"]
    assert (res2.matches, res2.added, res2.kept) == (0, 0, 0)
    assert res2.removed == prev.matches - 2
    assert C.undo(proj) == "ルールで自動コーディング"
    assert [s for _, s in auto_codings(proj.conn, cid).values()].count("pending") == prev.matches - 2


def test_rule_conditions_on_project(proj):
    pain = C.preview_rule(proj, "pain", sample=10_000)
    pol = dict(proj.conn.execute("SELECT verbatim_id, polarity FROM analyses"))
    assert pain.matches == sum(1 for v in pol.values() if v == "pain")
    att = C.preview_rule(proj, "attr:年代=30代", sample=10_000)
    assert att.matches > 0
    topic = proj.conn.execute("SELECT id FROM topics WHERE status = 'active' LIMIT 1").fetchone()[0]
    members = {r[0] for r in proj.conn.execute("SELECT verbatim_id FROM topic_members WHERE topic_id = ?", (topic,))}
    assert set(C.preview_rule(proj, f"topic:{topic}", sample=10_000).sample) == members
    with pytest.raises(cr.RuleError):
        C.preview_rule(proj, "topic:該当しない名前")


def test_topic_to_code(proj):
    topic = proj.conn.execute("SELECT id FROM topics WHERE status = 'active' LIMIT 1").fetchone()[0]
    n = proj.conn.execute("SELECT count(*) FROM topic_members WHERE topic_id = ?", (topic,)).fetchone()[0]
    cid = C.topic_to_code(proj, topic)
    book = {c["id"]: c for c in C.codebook(proj)}
    assert book[cid]["count"] == n and book[cid]["examples"]


def test_agreement_crosstab_and_words_on_project(proj):
    a = C.add_code(proj, "A")
    b = C.add_code(proj, "B")
    ids = [r[0] for r in proj.conn.execute("SELECT id FROM verbatims WHERE NOT is_non_answer ORDER BY id LIMIT 6")]
    for v, (x, y) in zip(ids, [({a}, {a}), ({a, b}, {a}), (set(), set()), ({b}, {b}), ({b}, set()), (set(), {b})],
                         strict=True):
        for code in x:
            C.tag(proj, v, code, "山田")
        for code in y:
            C.tag(proj, v, code, "鈴木")
    C.mark_reviewed(proj, ids, "山田")
    C.mark_reviewed(proj, ids, "鈴木")
    rep = C.agreement(proj, ["山田", "鈴木"])
    assert rep.units == 6
    by = {c.code: c for c in rep.codes}
    assert by[a].percent == 100.0 and by[a].kappa == pytest.approx(1.0) and by[b].percent == pytest.approx(50.0)
    assert len(rep.disagreements) == 3
    with pytest.raises(C.CodingError, match="いません"):
        C.agreement(proj, ["山田", "誰か"])
    ct = C.crosstab(proj, "polarity")
    assert sum(ct.totals) == proj.conn.execute("SELECT count(*) FROM verbatims WHERE NOT is_non_answer").fetchone()[0]
    row = ct.counts[[c["id"] for c in ct.codes].index(a)]
    assert sum(row) == 2
    from voc_app.store.coding import code_verbatim_ids

    for k, col in enumerate(ct.columns):
        if row[k]:
            assert len(code_verbatim_ids(proj.conn, a, by="polarity", value=col)) == row[k]
    freq = C.word_frequency(proj, pos="名詞", top=20)
    assert freq and all(w.pos == "名詞" for w in freq)
    lines = C.kwic(proj, "届く")
    assert lines and all(k.keyword.startswith("届") for _, k in lines)
    net = C.word_network(proj, min_freq=3, edges=15)
    assert 0 < len(net.edges) <= 15


def test_app_operations_as_jobs_call_them(proj):
    """The operations the app runs as background jobs: fn(project, progress, **kwargs)."""
    said: list[str] = []

    def progress(_fraction, message):
        said.append(message)

    a = C.add_code(proj, "配送", rule="届く")
    ids = [r[0] for r in proj.conn.execute("SELECT id FROM verbatims WHERE NOT is_non_answer ORDER BY id LIMIT 2")]
    # an edit, then on to the next verbatim the coder has not coded
    s = C.coding_state(proj, progress, verbatim_id=ids[0], coder="山田", action="tag",
                       kwargs={"verbatim_id": ids[0], "code_id": a, "coder": "山田"}, move="next")
    assert s.result is not None and s.moved == "next" and s.verbatim.id == ids[1]
    assert s.undo == ("コードを付与", None) and s.coders == ["山田"] and [c["name"] for c in s.book] == ["配送"]
    assert s.verbatim.text == C.verbatim_texts(proj, [ids[1]])[ids[1]] and s.codings == []
    assert [g["coder"] for g in C.coding_state(proj, progress, verbatim_id=ids[0], coder="鈴木").codings] == ["山田"]
    assert C.coding_state(proj, progress, verbatim_id=ids[0], coder="鈴木", blind=True).codings == []
    with pytest.raises(ValueError):
        C.coding_state(proj, progress, action="codebook")  # only the edits
    C.coding_state(proj, progress, action="set_memo", kwargs={"target": "verbatim", "target_id": ids[0], "text": "要確認"})
    assert C.memo_text(proj, progress, target="verbatim", target_id=ids[0]) == "要確認"
    assert C.coding_state(proj, progress, verbatim_id=ids[0]).memo == "要確認"
    # rules: checked as they are typed, previewed with the matching words marked, applied, reviewed
    err, pos = C.check_rule("(a | b")
    assert "閉じていません" in err and pos == 0 and C.check_rule("届く & pain") == (None, None)
    p = C.rule_preview(proj, progress, rule="届く & !pain", sample=5)
    assert p.rule == "届く & !polarity:pain" and 0 < len(p.rows) <= 5 <= p.result.matches
    assert all(r.spans and all(r.text[s:e].startswith("届") for s, e in r.spans) for r in p.rows)
    res = C.apply_code_rule(proj, progress, code_id=a, rule="届く")
    pending = C.pending_auto_codings(proj, a)
    assert res[a].added == len(pending) > 0
    assert C.review_pending(proj, progress, code_id=a, accept=True) == len(pending)
    assert C.pending_auto_codings(proj, a) == []
    # agreement with the disagreements' texts
    C.tag(proj, ids[1], a, "鈴木")
    C.mark_reviewed(proj, ids, "山田")
    C.mark_reviewed(proj, ids, "鈴木")
    d = C.agreement_details(proj, progress, coders=["山田", "鈴木"])
    assert d.report.units == 2 and d.names == {a: "配送"}
    assert d.texts == C.verbatim_texts(proj, ids) and {x.unit for x in d.report.disagreements} == set(ids)
    # cross-tab cells open as verbatims; the dimensions include the answers' attributes
    ct = C.crosstab(proj, "polarity", progress=progress)
    for k, col in enumerate(ct.columns):
        cell = C.crosstab_cell_ids(proj, progress, code_id=a, by="polarity", value="" if col == "（なし）" else col)
        assert len(cell) == ct.counts[0][k]
    assert "年代" in C.attribute_names(proj, progress)
    # word views
    freq = C.word_view(proj, progress, view="freq", pos="名詞")
    assert 0 < len(freq) <= 300 and all(w.pos == "名詞" for w in freq)
    assert C.word_view(proj, progress, view="kwic", word="届く") == C.kwic(proj, "届く", limit=500)
    assert 0 < len(C.word_view(proj, progress, view="network", min_freq=3, edges=15).edges) <= 15
    assert {"一致率を計算", "クロス集計", "語を数えています"} <= set(said)


def test_qdc_round_trip_and_csv(proj, tmp_path):
    from voc_app.export.codebook import write_codebook_csv, write_qdc

    C.import_codebook(proj, SAMPLE / "コードブック.qdc")
    C.update_code(proj, C.codebook(proj)[0]["id"], examples=["例その1", "例その2"], description="定義\n2 行目")
    book = C.codebook(proj)
    keys = ("guid", "name", "color", "description", "examples", "rule", "depth")
    want = [tuple(json.dumps(c[k], ensure_ascii=False) for k in keys) for c in book]
    parents = [next((x["guid"] for x in book if x["id"] == c["parent_id"]), None) for c in book]
    for out, writer in ((tmp_path / "book.qdc", write_qdc), (tmp_path / "book.csv", write_codebook_csv)):
        writer(C.codebook_specs(proj), out)
        with Project.create(tmp_path / f"{out.suffix[1:]}.voc") as other:
            assert C.import_codebook(other, out) == {"added": len(book), "updated": 0}
            got = C.codebook(other)
            assert [tuple(json.dumps(c[k], ensure_ascii=False) for k in keys) for c in got] == want
            assert [next((x["guid"] for x in got if x["id"] == c["parent_id"]), None) for c in got] == parents
            assert C.import_codebook(other, out) == {"added": 0, "updated": len(book)}  # idempotent
    xml = (tmp_path / "book.qdc").read_text(encoding="utf-8")
    assert 'xmlns="urn:QDA-XML:codebook:1.0"' in xml and "<Code " in xml


def test_qdc_from_another_tool_and_bad_files(proj, tmp_path):
    from base.errors import InputError

    # the shape QualCoder / NVivo write: nested codes, isCodable=false categories, no examples
    (tmp_path / "other.qdc").write_text(
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">'
        '<Codes><Code guid="g1" name="Experience" isCodable="false" color="#112233"><Description>cat</Description>'
        '<Code guid="g2" name="Positive" isCodable="true"/></Code></Codes><Sets/></CodeBook>', encoding="utf-8")
    assert C.import_codebook(proj, tmp_path / "other.qdc") == {"added": 2, "updated": 0}
    assert _book(proj) == [("Experience", False, 0), ("Positive", True, 0)]
    (tmp_path / "bad.qdc").write_text("<CodeBook><Codes><Code", encoding="utf-8")
    with pytest.raises(InputError, match="bad.qdc"):
        C.import_codebook(proj, tmp_path / "bad.qdc")
    (tmp_path / "bad.csv").write_text("code,parent,color\nA,,#12\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        C.import_codebook(proj, tmp_path / "bad.csv")
    assert e.value.row == 2 and e.value.column == "color"
    (tmp_path / "cycle.csv").write_text("code,parent\nA,B\nB,A\n", encoding="utf-8")
    with pytest.raises(InputError, match="循環"):
        C.import_codebook(proj, tmp_path / "cycle.csv")
    (tmp_path / "rule.csv").write_text("code,rule\nA,(a | b\n", encoding="utf-8")
    n = len(C.codebook(proj))
    with pytest.raises(C.CodingError, match="閉じていません"):
        C.import_codebook(proj, tmp_path / "rule.csv")
    assert len(C.codebook(proj)) == n  # all or nothing


def test_cli_coding_commands(analysed, tmp_path, capsys):
    p = str(tmp_path / "cli.voc")
    shutil.copy(analysed, p)
    assert voc(["codebook", p, "import", str(SAMPLE / "コードブック.qdc")]) == 0
    assert voc(["autocode", p, "--rule", "(箱 | 梱包) & 潰れる", "--sample", "2"]) == 0
    assert "件が該当" in capsys.readouterr().out
    assert voc(["autocode", p]) == 0
    assert "睡眠の変化: 該当" in capsys.readouterr().out
    assert voc(["autocode", p, "--accept", "睡眠の変化"]) == 0
    assert voc(["tag", p, "1", "配送・梱包/破損・汚れ", "--coder", "山田", "--span", "0:4"]) == 0
    capsys.readouterr()
    assert voc(["tag", p, "1", "睡眠の変化", "--coder", "鈴木"]) == 0
    out = capsys.readouterr().out  # the verbatim's codings, in words (no internal codes)
    assert "睡眠の変化  鈴木" in out and "手作業・確定" in out and "manual" not in out and "accepted" not in out
    assert voc(["tag", p, "2", "--coder", "山田"]) == 0 and voc(["tag", p, "2", "--coder", "鈴木"]) == 0
    capsys.readouterr()
    assert voc(["agreement", p, "山田", "鈴木", "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "共通に確認した発言: 2 件" in out and "不一致 2 件" in out
    assert voc(["crosstab", p, "--by", "年代"]) == 0 and "睡眠の変化" in capsys.readouterr().out
    assert voc(["crosstab", p, "--by", "polarity"]) == 0
    head = capsys.readouterr().out.splitlines()[0].split("\t")
    assert "喜び" in head and "不満" in head and "pain" not in head
    assert voc(["words", p, "network", "--min-freq", "3", "--edges", "10", "--svg", str(tmp_path / "n.svg")]) == 0
    assert (tmp_path / "n.svg").read_text(encoding="utf-8").startswith("<svg")
    assert voc(["coded", p, str(tmp_path / "coded.csv")]) == 0
    rows = (tmp_path / "coded.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("発言ID,コード,コーダー") and len(rows) > 10
    assert voc(["codebook", p, "export", str(tmp_path / "b.qdc")]) == 0
    assert voc(["autocode", p, "--rule", "(a"]) == 2
    assert "閉じていません" in capsys.readouterr().err
    assert voc(["tag", p, "1", "ないコード", "--coder", "山田"]) == 2


# --- the app ----------------------------------------------------------------------------------

def test_gui_code_spans_with_keyboard_and_undo(qtbot, analysed, tmp_path, monkeypatch):
    pytest.importorskip("pytestqt")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QPushButton

    from tests.conftest import add_window
    from voc_app.gui.app import MainWindow

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "gui.voc"
    shutil.copy(analysed, path)
    with Project(path) as p:
        C.add_code(p, "睡眠")
        C.add_code(p, "配送")
    w = MainWindow(path)
    add_window(qtbot, w)
    w.show()
    view = w.coding
    w.tabs.setCurrentWidget(view)
    view.coder.setEditText("山田")
    qtbot.waitUntil(lambda: view.idle() and view.vid is not None and len(view.book) == 2, timeout=30_000)
    first = view.vid
    text = view.textview
    text.setFocus()
    cur = text.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.Start)
    text.setTextCursor(cur)
    for _ in range(3):  # select three characters with the keyboard
        qtbot.keyClick(text, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(text, Qt.Key.Key_2)  # code 2 = 配送 on the selection
    qtbot.waitUntil(lambda: view.idle() and view.table.rowCount() == 1, timeout=30_000)
    assert view.table.item(0, 0).text() == "配送" and view.table.item(0, 2).text() == view.text[:3]
    assert view.table.item(0, 1).text() == "山田" and len(text.extraSelections()) == 1
    qtbot.keyClick(text, Qt.Key.Key_1)  # no selection: the whole answer
    qtbot.waitUntil(lambda: view.idle() and view.table.rowCount() == 2, timeout=30_000)
    w.undo()  # Ctrl+Z in the coding view
    qtbot.waitUntil(lambda: view.idle() and view.table.rowCount() == 1, timeout=30_000)
    w.redo()
    qtbot.waitUntil(lambda: view.idle() and view.table.rowCount() == 2, timeout=30_000)
    qtbot.keyClick(text, Qt.Key.Key_N)  # next uncoded
    qtbot.waitUntil(lambda: view.idle() and view.vid != first, timeout=30_000)
    second = view.vid
    qtbot.keyClick(text, Qt.Key.Key_0)  # no code applies: marked reviewed, on to the next
    qtbot.waitUntil(lambda: view.idle() and view.vid not in (first, second), timeout=30_000)
    with Project(path) as p:
        rows = p.conn.execute("SELECT k.name, g.span_start, g.span_end FROM codings g JOIN codes k ON k.id = g.code_id"
                              " ORDER BY g.id").fetchall()
        assert rows == [("配送", 0, 3), ("睡眠", None, None)]
        assert p.conn.execute("SELECT verbatim_id FROM coded d JOIN coders c ON c.id = d.coder_id"
                              " WHERE c.name = '山田' ORDER BY verbatim_id").fetchall() == [(first,), (second,)]
    # the analysis view: a rule preview and a cross-tab through background jobs
    w.tabs.setCurrentWidget(w.analysis)
    qtbot.waitUntil(w.idle, timeout=30_000)
    w.analysis.rule.setText("届く & !pain")
    w.analysis.preview()
    qtbot.waitUntil(lambda: w.job is not None and w.job.finished, timeout=60_000)
    assert "件が該当" in w.analysis.rule_result.text() and "<b" in w.analysis.rule_preview.toHtml()
    w.analysis.by.setCurrentIndex(0)
    w.analysis.findChild(QPushButton, "crosstab_run").click()
    qtbot.waitUntil(lambda: w.job.finished and w.analysis.ct.rowCount() == 2, timeout=60_000)
    qtbot.waitUntil(w.idle, timeout=30_000)  # no job left running when the project goes away
    w.close()


def test_excel_export_carries_codes(proj, tmp_path):
    from openpyxl import load_workbook

    from voc_app.export.excel import VERBATIM_HEADER, export

    C.import_codebook(proj, SAMPLE / "コードブック.qdc")
    C.apply_rules(proj)
    out = tmp_path / "coded.xlsx"
    res = export(proj, out)
    assert "コード" in res.sheets
    wb = load_workbook(out)
    rows = list(wb["発言一覧"].iter_rows(values_only=True))
    col = VERBATIM_HEADER.index("コード")
    coded = dict(proj.conn.execute(
        "SELECT g.verbatim_id, group_concat(DISTINCT k.name) FROM codings g JOIN codes k ON k.id = g.code_id"
        " WHERE g.state != 'rejected' GROUP BY 1"))
    for r in rows[1:]:
        assert set((r[col] or "").split("、")) - {""} == set((coded.get(r[0]) or "").split(",")) - {""}
    sheet = {r[0].strip(): r for r in wb["コード"].iter_rows(min_row=4, values_only=True) if r[0]}
    book = C.codebook(proj)
    assert {c["name"]: c["count"] for c in book} == {k: v[1] for k, v in sheet.items() if k in {c["name"] for c in book}}
    assert wb["コード"]._charts
    titles = [r[0] for r in wb["クロス集計"].iter_rows(values_only=True) if r[0] and str(r[0]).startswith("コード ×")]
    assert titles and "コード × NPS 区分" in titles
