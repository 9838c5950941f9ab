"""Topic labels (nlp.topic_labels): key phrases from central answers in dictionary form, junk-free
keywords, the mixed-theme check, and the word views' dictionary forms (nlp.words)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from nlp import topic_labels as tl
from nlp import topics as nt
from nlp import words as nw
from nlp.tokenize import tokenize

DELIVERY = [
    "配送が遅くて注文から一週間も届かなかった", "配送が遅い。もう少し早く届けてほしい", "届くまで十日かかり配送が遅すぎる",
    "発送の連絡から三日たってもまだ届かない", "配送が遅いので次は別の店で買うかも", "誕生日に間に合わなかった、配送が遅すぎます",
    "注文した商品がまだ届かない、配送状況も分からない", "配送が遅れて予定が狂った", "配達予定日を過ぎても届かない",
    "配送がいつも遅いのが不満です", "急ぎで頼んだのに配送が遅かった", "配送に時間がかかりすぎる",
    "到着が予定より四日も遅れた", "お届けがいつも遅いです", "配送の遅さだけが残念",
]
APP = [
    "アプリがすぐ落ちてログインできない", "アップデート後にアプリが起動しない", "アプリが重くて使いにくい",
    "アプリでエラーが出て同期できない", "アプリが頻繁に落ちるので困っている", "ログインするたびにアプリが固まる",
    "アプリの動作が不安定で何度も再起動している", "アプリが突然終了してデータが消えた", "新しいバージョンのアプリが起動しない",
    "スマホのアプリがフリーズする", "アプリを開くとエラー画面になる", "アプリが落ちて入力した内容が消える",
    "アプリの読み込みが遅くて固まる", "アプリがクラッシュして使えない", "アプリが毎回落ちるので使うのをやめた",
]
REPLY = [
    "問い合わせの返信が遅い", "問い合わせの返信が遅くて困りました", "電話がつながらない",
    "問い合わせの返信が遅いです。三日待ちました", "問い合わせの返信がとにかく遅い", "メールで問い合わせたが返信が遅い",
]
JUNK = ["分", "回", "どう", "なんか", "ちょっと", "きく", "聞く", "する", "ある", "いる", "なる", "これ", "私", "最近",
        "今回", "思う", "言う", "とても", "まだ", "3", "a", "そう", "よう"]


def test_delivery_topic_is_named_by_its_recurring_phrase_in_dictionary_form():
    lab = tl.label_topic(DELIVERY, ["配送", "遅い", "届く", "遅れる", "予定"])
    assert "配送" in lab.label and "遅い" in lab.label
    assert lab.label == "配送が遅い" and len(lab.label) <= tl.MAX_CHARS
    assert lab.keywords[:3] == ["配送", "遅い", "届く"]
    assert lab.candidates[0][0] == lab.label and all(s > 0 for _, s in lab.candidates)


def test_noun_no_noun_with_a_predicate_and_the_app_topic():
    lab = tl.label_topic(REPLY, ["問い合わせ", "返信", "遅い"])
    assert lab.label == "問い合わせの返信が遅い"
    # the shorter phrase is a candidate too; it wins once it covers clearly more answers
    assert "返信が遅い" in dict(lab.candidates)
    more = REPLY + ["返信が遅いのが不満", "とにかく返信が遅い"]
    assert tl.label_topic(more, ["問い合わせ", "返信", "遅い"]).label == "返信が遅い"
    app = tl.label_topic(APP, ["アプリ", "落ちる", "起動", "固まる"])
    assert app.label == "アプリが落ちる"


@pytest.mark.parametrize("text, phrase", [
    ("サイズが合わなかった", "サイズが合わない"),
    ("返事が３日来なかった", "返事が来ない"),
    ("荷物が届きません", "荷物が届かない"),
    ("商品がまだ届いていない", "商品が届いていない"),
    ("通知が多すぎる", "通知が多すぎる"),
    ("説明書が分かりにくく", "説明書が分かりにくい"),
    ("対応が丁寧じゃない", "対応が丁寧ではない"),
    ("定期便を解約したいです", "定期便を解約したい"),
    ("色のバリエーションを増やしてほしい", "バリエーションを増やしてほしい"),
    ("２週間で中綿が偏ってきた", "中綿が偏る"),
    ("送料が高くありません", "送料が高くない"),
    ("ポイントの有効期限が短すぎます", "有効期限が短すぎる"),
    ("丁寧な梱包で嬉しかった", "丁寧な梱包"),
])
def test_phrases_carry_negation_and_are_never_conjugation_stems(text, phrase):
    got = [p.text for p in tl.phrases(text)]
    assert phrase in got
    for g in got:  # never a stem such as 届い / 遅く / 合わ at the end
        last = tokenize(g)[-1]
        assert last.pos not in ("動詞", "形容詞") or last.surface == last.dictionary, (g, got)


def test_junk_does_not_start_or_end_a_noun_phrase():
    got = [p.text for p in tl.phrases("ポイント倍デーにまとめ買いできた。家族の分も買いたい。一週間も届かなかった")]
    assert "ポイント倍デー" in got
    assert not any(g.endswith("分") or g.startswith(("週間", "一週間")) for g in got)
    assert not any(p.text.endswith(("がある", "がする")) for p in tl.phrases("いい香りがした。障害がある"))


def test_fallback_is_the_top_two_keywords_when_no_phrase_recurs():
    texts = ["配送が遅い", "アプリが落ちる", "値段が高い"]
    lab = tl.label_topic(texts, ["配送", "どう", "アプリ", "値段"])
    assert lab.label == "配送・アプリ"
    assert tl.label_topic([], ["する", "分"]).label == ""


def test_keywords_are_in_dictionary_form_and_never_junk():
    assert tl.clean_keywords(["届い", "眠れ", "買っ", "遅く", "わかっ"]) == ["届く", "眠れる", "買う", "遅い"]
    assert tl.clean_keywords(JUNK + ["配送", "ぐっすり", "首"]) == ["配送", "ぐっすり", "首"]
    assert all(not tl.keyword_ok(w) for w in JUNK)
    assert tl.keyword_ok("配送") and tl.keyword_ok("眠れる")
    # a noun the topic's texts use after numerals is a counter there
    assert tl.clean_keywords(["個", "箱"], ["箱を３個買った", "２個目も割れていた"]) == ["箱"]
    # once per normalized form
    assert tl.clean_keywords(["イライラ", "いらいら", "お店", "御店"]) == ["イライラ", "お店"]
    # junk never reaches a label's keywords either
    lab = tl.label_topic(DELIVERY, JUNK + ["配送", "遅い"])
    assert lab.keywords == ["配送", "遅い"]


def test_keyword_ok_takes_tokens_and_stored_triples():
    toks = {t.surface: t for t in tokenize("最近どうも配送が遅くて困る")}
    assert not tl.keyword_ok(toks["最近"]) and tl.keyword_ok(toks["配送"]) and tl.keyword_ok(toks["遅く"])
    assert tl.keyword_ok(["届い", "届く", "動詞"]) and not tl.keyword_ok(["し", "為る", "動詞"])
    assert not tl.keyword_ok(["分", "分", "名詞"])


def test_phrases_shared_by_many_topics_count_for_less():
    generic = "使い方が分からない"
    a = [f"配送が遅い。{generic}" if i % 2 else "配送が遅い" for i in range(8)]
    b = [f"{generic}。アプリが重い" for i in range(8)]
    c = [f"{generic}。値段が高い" for i in range(8)]
    labs = tl.label_topics([(a, ["配送", "遅い"]), (b, ["アプリ", "重い"]), (c, ["値段", "高い"])])
    assert [x.label for x in labs] == ["配送が遅い", "アプリが重い", "値段が高い"]
    # alone, the phrase every answer of b repeats wins; with the other topics at hand, it does not
    assert tl.label_topic(b, ["使い方"]).label == generic
    assert tl.label_topic(b, ["使い方"], others=[a, c]).label == "アプリが重い"


def test_labelling_is_deterministic_and_fast():
    texts = (DELIVERY + APP) * 2
    t0 = time.perf_counter()
    first = tl.label_topic(texts, ["配送", "アプリ"])
    assert time.perf_counter() - t0 < 0.5
    assert tl.label_topic(texts, ["配送", "アプリ"]) == first
    many = [f"{t}。{'とても' * 50}" for t in texts] * 40   # 2,400 long answers: only the top 30 are read
    t0 = time.perf_counter()
    tl.label_topic(many, ["配送"])
    assert time.perf_counter() - t0 < 0.5


@pytest.fixture(scope="module")
def features():
    return {k: nt.topic_features(nt.docs_tokens(v)) for k, v in (("delivery", DELIVERY), ("app", APP))}


def test_two_concatenated_topics_are_mixed_and_the_split_separates_them(features):
    X = np.vstack([features["delivery"], features["app"]])
    m = tl.mixed_themes(X)
    assert m.mixed and m.score >= tl.MIXED_THRESHOLD and m.similarity <= tl.MAX_PART_SIMILARITY
    assert m.split.shape == (len(X),) and set(m.split.tolist()) == {0, 1}
    assert len(set(m.split[:len(DELIVERY)].tolist())) == 1 and len(set(m.split[len(DELIVERY):].tolist())) == 1
    assert m.split[0] != m.split[-1]
    # unequal parts: part 0 is the larger one
    X2 = np.vstack([features["delivery"], features["app"][:6]])
    m2 = tl.mixed_themes(X2)
    assert m2.mixed and (m2.split[:len(DELIVERY)] == 0).all() and (m2.split[len(DELIVERY):] == 1).all()
    assert m2.shares[0] > m2.shares[1] >= tl.MIN_SHARE


def test_a_single_topic_is_not_mixed(features):
    for X in features.values():
        m = tl.mixed_themes(X)
        assert not m.mixed, m
    # a small minority does not make a topic mixed, nor do rows without features
    X = np.vstack([features["delivery"], features["app"][:2], np.zeros((3, features["app"].shape[1]), np.float32)])
    m = tl.mixed_themes(X)
    assert not m.mixed and (m.split[-3:] == 0).all()
    assert not tl.mixed_themes(features["app"][:3]).mixed


def test_mixed_check_is_deterministic(features):
    X = np.vstack([features["delivery"], features["app"]])
    a, b = tl.mixed_themes(X), tl.mixed_themes(X)
    assert a.score == b.score and (a.split == b.split).all()


# ---------------------------------------------------------------- word views (nlp.words)

def test_word_counts_show_dictionary_forms_of_verbs_and_adjectives():
    docs = [[["届い", "届く", "動詞"], ["箱", "箱", "名詞"], ["眠れ", "眠る", "動詞"]],
            [["届き", "届く", "動詞"], ["遅く", "遅い", "形容詞"]], [["箱", "箱", "名詞"], ["買っ", "買う", "動詞"]],
            [["わかっ", "分かる", "動詞"], ["遅かっ", "遅い", "形容詞"]]]
    f = {w.lemma: w for w in nw.frequency(docs)}
    assert f["届く"].word == "届く" and f["届く"].count == 2 and f["届く"].docs == 2
    assert (f["眠る"].word, f["買う"].word, f["遅い"].word, f["箱"].word) == ("眠れる", "買う", "遅い", "箱")
    assert f["分かる"].word == "わかる"  # spelled as written, not 分かる
    assert nw.display_form("届い", "届く", "動詞") == "届く" and nw.display_form("お店", "御店", "名詞") == "お店"


def test_word_network_drops_junk_and_shows_dictionary_forms():
    docs = [[["届い", "届く", "動詞"], ["箱", "箱", "名詞"], ["し", "為る", "動詞"], ["分", "分", "名詞"],
             ["最近", "最近", "名詞"], ["どう", "どう", "副詞"]]] * 4
    items, labels = nw.word_items(docs)
    assert items[0] == {"届く", "箱"} and labels["届く"] == "届く"
    net = nw.word_network(docs, min_freq=2, edges=10)
    assert sorted(n[0] for n in net.nodes) == ["届く", "箱"]


def test_kwic_finds_conjugated_forms_of_a_dictionary_form():
    lines = nw.kwic(["翌日に届いて嬉しい", "まだ届かない", "箱が届く"], ["届く"], width=3, inflect=True)
    assert sorted(k.keyword for k in lines) == ["届い", "届か", "届く"]
    assert [k.keyword for k in nw.kwic(["翌日に届いて嬉しい"], ["届く"])] == []  # without inflect: as before


@pytest.mark.parametrize("surface, norm, pos, junk", [
    ("分", "分", "名詞", True), ("回", "回", "名詞", True), ("中", "中", "名詞", True), ("どう", "どう", "副詞", True),
    ("きく", "きく", "動詞", True), ("なかなか", "なかなか", "副詞", True), ("ぐっすり", "ぐっすり", "副詞", False),
    ("首", "首", "名詞", False), ("枕", "枕", "名詞", False), ("効い", "効く", "動詞", False),
    ("翌日", "翌日", "名詞", False), ("そう", "そう", "形状詞", True), ("丁寧", "丁寧", "形状詞", False),
])
def test_is_junk_is_linguistic(surface, norm, pos, junk):
    assert nw.is_junk(surface, norm, pos) is junk
