"""Japanese analysis: each cue family and negation/contrast pattern, with its evidence span.
The texts are written for these tests (not taken from the evaluation sets)."""

from __future__ import annotations

import pytest

from nlp.analyze import analyze, analyze_one
from nlp.normalize import normalize, split_sentences
from nlp.tokenize import chunks, content_words, tokenize


def spans(a, kind):
    return [e.text for e in a.evidence if e.kind == kind]


@pytest.mark.parametrize(("text", "label", "evidence"), [
    ("枕が届いた日の夜、朝までぐっすり眠れて感動しました", "delight", "感動"),
    ("配送が遅すぎて困っています", "pain", "困っ"),
    ("思ったより悪くないです", "delight", "悪くな"),          # negation flips a negative word
    ("期待したほどではなかったかな", "pain", "期待したほどでは"),  # negated expectation
    ("良くなかったです", "pain", "良"),                     # negated positive
    ("二度と頼まないです", "pain", "二度と"),
    ("さすがですね、三回目の故障です", "pain", "さすがですね"),    # sarcasm
    ("特になし", "neutral", None),                          # non-answer
    ("解約の手続きはどこからできますか？", "neutral", None),      # a question, no evaluation
    ("肌触りは最高。でもシワになりやすいのが残念", "mixed", "残念"),  # positive + contrast + negative
    ("値段は高いけど、長く使えるので満足しています", "delight", "満足"),  # concession, positive conclusion
    ("最初は使い方が分からず困ったけど、今は毎日快適に使えています", "delight", "快適"),  # resolved
    ("The delivery was fast and the staff were very kind. Love it!", "delight", "love"),
    ("The app is great but the music is way too loud at night", "mixed", "too loud"),  # English contrast
    ("Can I issue invoices in USD?", "neutral", None),      # 'issue' the verb is no complaint
    ("他のお店の方が安くて品揃えもいいので、最近はそっちで買っています", "pain", "他のお店の方が安"),  # behind a competitor
    ("機械が苦手でも怖くなかったです", "delight", "怖く"),       # negated fear reads as praise
    ("大変残念ですが、引っ越しのため退会の手続きをお願いします", "neutral", "残念ですが"),  # courtesy, no complaint
    ("大変助かりました", "delight", "助か"),                  # 大変 as an intensifier is no complaint
    ("箱が重くて運ぶのが大変ｗｗ", "pain", "大変"),
    ("前よりもっと好きになりました", "delight", "好き"),       # もっと + became: no shortfall
    ("カード払いだと自動で反映されないことがある", "pain", "ないことがある"),  # an intermittent failure
    ("家計簿を見てニヤニヤしてます", "delight", "ニヤニヤ"),     # a reaction, not an evaluative word
    ("『肌に優しい』って書いてあるけど、赤くなりました", "pain", "赤くな"),  # a quoted claim is no praise
    ("取引先から『見やすいですね』って言われました", "delight", "見やす"),   # praise reported stays praise
    ("動く日は楽しい。でもエラーが直らないままなので困っています", "mixed", "エラー"),  # not fixed: still a problem
    ("色は好き。ただ、この値段だとなかなか手が出ない", "mixed", "好き"),   # a reservation without a negative word
    ("家具がどんなに良くても、あの対応では二度と頼みません", "pain", "二度と"),  # どんなに…ても: the end decides
    ("機能には満足です。ただ肝心な時に止まるのが全部台無し", "pain", "台無し"),
    ("昔のデザインが好きだったのに、最近は安っぽくなった", "pain", None),   # a past that is gone
    ("量が多くて大変。少量パックがあると助かります", "pain", "大変"),        # what a wish asks for is no praise
    ("アップデートしたらログインできなくなりました", "pain", "できなくな"),   # an ability lost is no relief
    ("部屋は清潔だったけど、隣の声がうるさくて眠れなかった", "mixed", "眠れな"),
    ("The room was spotless and the staff were lovely. Will definitely come back!", "delight", "spotless"),
    ("Check-in took forever and the staff were rude.", "pain", "rude"),  # English answers: the rules decide
    ("期待していたほどの効果は感じられませんでした", "pain", "効果は感じられません"),  # no felt effect
    ("使い勝手は抜群だけど、価格がネック", "mixed", "ネック"),
    ("注文した色と違う商品が届きました", "pain", "と違う商品"),
    ("説明書が英語だけで、組み立てに苦労した", "pain", "苦労した"),
    ("組み立てには苦労した甲斐があって、とても満足", "delight", "満足"),   # the effort paid off
    ("コスパ最強です", "delight", "最強"),
])
def test_polarity_with_evidence(text, label, evidence):
    """The cue layer's reading (general constructions of the labelling policy; the learned model
    takes it as features and its evidence when they agree — its quality is measured on held-out
    text by bench/eval_text.py, not by single phrases)."""
    a = analyze_one(text)
    assert a.polarity == label
    if evidence:
        assert any(evidence.lower() in s.lower() for s in spans(a, "polarity")), a.evidence
        for e in a.evidence:
            assert text[e.start:e.end] == e.text  # spans point into the original text


def test_a_question_with_advocacy_stays_neutral():
    """Wanting to bring a friend, asked as a question, is advocacy but no evaluation; said as a
    statement it is one (recommending = liking it)."""
    q = analyze_one("次のユーザー会はいつですか？友人も連れていきたいです")
    assert q.advocacy and q.polarity == "neutral"
    s = analyze_one("友人を連れていきました")
    assert s.advocacy and s.polarity == "delight"


@pytest.mark.parametrize(("text", "cue"), [
    ("来月で解約します", "explicit"),
    ("他社のサービスに乗り換えを検討しています", "switch"),
    ("もう二度と買いません", "never_again"),
    ("退会の方法を教えてください", "how_to_cancel"),
    ("このままの価格なら定期便はやめると思います", "conditional"),
    ("正直、最近はアプリを開いてないです", "dormant"),
    ("届いた商品は使えないので、注文をキャンセルしたいです", "refund"),
    ("How do I cancel my subscription?", "how_to_cancel"),   # an English word ending in w is no laughter
    ("We will not renew the contract next year", "explicit"),
    ("他も検討し始めています", "switch"),
    ("近所の別のジムに移りました", "switch"),
    ("もう頼むことはないと思います", "never_again"),
    ("年内で利用を終了する予定です", "explicit"),
    ("来月から別の保険会社に切り替えます", "switch"),
    ("最近ほとんど行けてなくて、会費がもったいない", "dormant"),
    ("Please close my account.", "explicit"),
])
def test_churn_cues(text, cue):
    a = analyze_one(text)
    assert a.churn and a.churn_type == cue
    assert spans(a, "churn")


@pytest.mark.parametrize("text", [
    "来月分だけスキップしたいです。再開するつもりです",
    "解約ではなく、プランを変更することはできますか",
    "配送が早くて助かりました",
    "別の色に変えたいです",                      # a variant of the product, not another shop
    "次はないかと思ってたら入荷してました",
    "野菜が美味しくて、ドレッシングを使わなくなりました",  # something else no longer used
    "返品したいです。サイズが合いませんでした",          # a return on its own
    "別のプランに切り替えたいです",                      # a plan change
    "今回で最後の在庫です",
])
def test_not_churn(text):
    assert not analyze_one(text).churn


@pytest.mark.parametrize(("text", "cue"), [
    ("友達に勧めたら二人とも買ってくれました", "recommended"),
    ("母の誕生日に贈ったら、とても喜んでくれました", "gifted"),
    ("アプリストアにレビューを書きました", "review"),
    ("ユーザー会に参加してみたいです", "community"),
    ("招待コードを同僚に送りました", "referred"),
    ("知り合いに勧めまくってます", "recommended"),
    ("同僚にシェアしました", "recommended"),
    ("I told all my friends about it", "recommended"),
    ("妻にも買ってあげました", "gifted"),
    ("モニターとして意見を出したいです", "community"),
    ("友人から『いい店教えてくれてありがとう』って言われました", "recommended"),  # thanked for it
    ("来客に聞かれるので、玄関にショップカードを常備しています", "recommended"),
    ("インスタで毎週のコーデ記録をつけていて、買った服の写真も載せています", "review"),
    ("アプリストアのレビューに長文で感想を書きました", "review"),
    ("友人の結婚祝いにも選びました", "gifted"),
    ("職場で導入を提案して、来月から全社で使います", "recommended"),
    ("友達に勧めて、二人とも会員になりました", "referred"),
])
def test_advocacy_cues(text, cue):
    a = analyze_one(text)
    assert a.advocacy and a.advocacy_type == cue and a.stage == "advocacy"
    assert spans(a, "advocacy")


@pytest.mark.parametrize("text", [
    "同僚に勧められて買いました",
    "友達にも勧めたいんだけど、値上がりしたので言いにくい",
    # a purchase for others that depends on a condition has not happened
    "値段がもう少し安ければ家族の分も買いたい",
    "もう少し安くなれば母にも贈りたいです",
    "レビューを見て買いました",              # reading reviews is no reviewing
    "紹介キャンペーンはありますか",          # asking about a campaign is no referral
    "友達に勧めてもらって買いました",        # recommended to, not by, the customer
])
def test_not_advocacy(text):
    assert not analyze_one(text).advocacy


@pytest.mark.parametrize(("text", "stage"), [
    ("箱を開けた瞬間に感動しました", "first_experience"),
    ("初めての設定で戸惑いました", "first_experience"),
    ("毎朝使っていて、もう手放せません", "success"),
    ("特になし", "none"),
    ("グラフの色を変える方法を教えてください", "success"),     # a question about using it
    ("解約後もデータは残りますか？退会の方法も教えてください", "none"),  # a procedure
    ("問い合わせて5日経ちますが、まだ返信がありません", "none"),  # support not answering
    ("替えのブラシが在庫切れで困っています", "success"),         # consumables of a product in use
    ("始めて3ヶ月で体重が5kg減りました", "success"),            # a period after the start
    ("導入説明会のおかげで無事に設定できました", "first_experience"),
])
def test_stage(text, stage):
    a = analyze_one(text)  # the cue layer (see test_polarity_with_evidence)
    assert a.stage == stage


def test_stage_evidence_kinds_that_mean_continued_use():
    from nlp.evidence import stage_of as _stage_of

    assert [_stage_of(x) for x in ("stage/success", "stage/repeat", "stage/use_question", "stage/first_experience",
                                   "stage/none")] == ["success", "success", "success", "first_experience", "none"]


def test_stage_rules_with_evidence():
    a = analyze_one("グラフの色を変える方法を教えてください")
    assert a.stage == "success" and [e.text for e in a.evidence if e.kind == "stage"] == ["方法を教えて"]
    b = analyze_one("問い合わせて5日経ちますが、まだ返信がありません")
    assert b.stage == "none" and [e.text for e in b.evidence if e.kind == "stage"]


@pytest.mark.parametrize(("text", "label"), [
    ("同僚にも紹介しました。ただ、スマホ版がもう少し速いといいのに", "mixed"),  # recommended + complaint
    ("友達にも勧めたいんだけど、最近の値上げで言いにくいです", "mixed"),        # wanting to, set against it
    ("紹介した友人の特典が、まだ付与されていません", "pain"),                 # the referral is the object
    ("ポイントが定期便の支払いに使えないのはなぜですか？", "pain"),            # why not possible: a problem
])
def test_recommendation_as_the_positive_part(text, label):
    a = analyze_one(text)
    assert a.polarity == label, a.evidence
    if label == "mixed":
        kinds = {e.label.split("/")[0] for e in a.evidence if e.kind == "polarity"}
        assert kinds == {"pos", "neg"}


def test_a_single_w_is_laughter_only_after_a_non_latin_letter():
    assert normalize("面白いw").text == "面白い笑"
    assert normalize("How to renew? I like the new view").text == "how to renew? i like the new view"


def test_normalisation_keeps_a_map_to_the_original():
    n = normalize("ｽｺﾞｲ！すごーーーい ｗｗ 詳細は https://example.jp/a 03-1234-5678")
    assert n.text.startswith("スゴイ!すごーい")
    assert "<url>" in n.text and "<tel>" in n.text and "笑" in n.text
    s, e = n.span(0, 3)
    assert n.original[s:e] == "ｽｺﾞｲ"


def test_sentence_split_respects_brackets():
    t = "「届いた。嬉しい」と母が言った。でも高い！！次は？"
    assert [t[a:b] for a, b in split_sentences(t)] == ["「届いた。嬉しい」と母が言った。", "でも高い！！", "次は？"]


def test_sentences_get_their_own_polarity():
    (a,) = analyze(["デザインは素敵です。ただ、配送が遅すぎました。"])
    assert [s.polarity for s in a.sentences] == ["delight", "pain"]


def test_sudachi_tokens_and_long_input():
    words = [t.normalized for t in content_words(tokenize("届いた枕がへたっていて、イライラしました"))]
    assert "枕" in words and "苛々" in words  # normalized_form groups spellings (shown as surface elsewhere)
    long = "配送が遅い。" * 10_000  # 180,000 bytes: over Sudachi's 49,149-byte limit
    assert all(len(p.encode()) < 49_149 for _, p in chunks(long))
    assert len(tokenize(long)) >= 30_000


def test_analysis_needs_no_network():
    # the autouse no_network fixture refuses every socket: analysis must still work
    (a,) = analyze(["問題なく使えています"])
    assert a.polarity == "delight"


def test_user_dictionary_makes_product_names_one_token(tmp_path):
    from nlp.tokenize import build_user_dictionary, use_user_dictionary

    text = "ポイント倍デーにらくらく定期便を申し込んだ"
    assert "らくらく定期便" not in [t.surface for t in tokenize(text)]
    dic = build_user_dictionary([("ポイント倍デー", "ポイントバイデー"), ("らくらく定期便", None)], tmp_path / "u.dic")
    use_user_dictionary(dic)
    try:
        surfaces = [t.surface for t in tokenize(text)]
    finally:
        use_user_dictionary(None)
    assert "ポイント倍デー" in surfaces and "らくらく定期便" in surfaces


def test_parallel_analysis_matches_single_process():
    from voc_app.analysis import analyze_texts

    texts = [f"配送が遅い{i}。でも友達に勧めました" if i % 2 else f"最高の寝心地です{i}" for i in range(2100)]
    one = analyze_texts(texts, workers=1)
    two = analyze_texts(texts, workers=2)
    assert [(a.polarity, a.stage, a.advocacy, t) for a, t in one] == [(a.polarity, a.stage, a.advocacy, t) for a, t in two]


def test_model_fast_features_equal_the_training_features():
    from nlp.model import feature_dict, load, rule_labels_of
    from nlp.tokenize import tokenize

    m = load()
    if m is None:
        pytest.skip("no trained model shipped")
    texts = ["配送が遅いけど、スタッフさんは親切でした。", "友達に勧めました😊", "特になし", "Love it!", "",
             "改行\nあり\tタブ  空白", "NUL\x00文字", "𠮷野家の牛丼🍚が最高", "ｱｲｳｴｵ ﾊﾟﾝ", "あ" * 500,
             "二度と買わないし、満足していない"]
    res = [analyze_one(t) for t in texts]
    norms = [normalize(t).text for t in texts]
    labels = [rule_labels_of(r) for r in res]
    toks = [tokenize(t) for t in texts]
    a = m.vectorize([feature_dict(n, r.features, lab, tk) for n, r, lab, tk in zip(norms, res, labels, toks, strict=True)])
    b = m.vectorize_texts(norms, [r.features for r in res], labels, toks)
    assert abs(a - b).max() == 0


def test_negation_scope_marks_the_negated_words():
    from nlp.model import lemma_items
    from nlp.tokenize import tokenize

    def names(text):
        return [n for n, _ in lemma_items(tokenize(text))]

    assert "n:買う" in names("二度と買わない") and "w:買う" not in names("二度と買わない")
    assert "w:買う" in names("また買います")
    assert "n:満足" in names("満足していない")           # through して／いる
    assert "n:悪い" in names("悪くないです")
    assert "w:高い" in names("高いけど、使わないことはない") # a clause boundary stops the scope


def test_cues_found_for_many_texts_at_once_are_the_same():
    """nlp.cues.find_many searches each pattern once over all texts joined by a separator; it
    must find exactly what a search of each text finds (``$``, ``^``, ``.`` and ``[^。]``
    stay inside one text)."""
    from nlp import cues

    texts = list(_EDGE_TEXTS)
    texts += [normalize(t).text for t in _dev_texts()]
    for name in cues.LEXICONS:
        assert cues.find_many(name, texts) == [cues.find(name, t) for t in texts], name
    some = texts[:60]
    plain = [analyze_one(t) for t in some]
    with cues.searched([normalize(t).text for t in some]):
        batched = [analyze_one(t) for t in some]

    def seen(results):
        return [(a.polarity, a.churn_type, a.advocacy_type, a.stage, a.evidence) for a in results]

    assert seen(batched) == seen(plain)
    assert cues.joined_pattern("[^]a]$") == f"[^{cues.SEP}]a](?=\\n?{cues.SEP})"
    assert cues.joined_pattern(r"^a.\.[x^]") == f"(?<={cues.SEP})a[^\\n{cues.SEP}]\\.[x^]"
    with pytest.raises(ValueError):
        cues.joined_pattern(r"\W")


_EDGE_TEXTS = ["さすがですね", "さすがですね。三回目の故障です", "高いけど\nさすがです", "問題ない", "いい", "いい。",
               "悪くないけど、もう少し安ければ嬉しい", "解約したいです", "友達に勧めました", "", "a", "。", "いい\n",
               "最初は不安だったけど", "今は毎日使っています", "このままなら解約します", "届いた瞬間に感動！",
               "使ってた頃は最高だった", "ありがとうございます。でも二度と頼まないのに", "同じ文", "同じ文",
               "不満はないです。満足", "不満はないです\n満足", "I LOVE IT but HOW TO CANCEL?", "ＳＮＳに載せました",
               "𠮷野家🍚最高", "NUL\x00文字", "届いた届いた届いた", "よくない", "よいしょ",
               "壊れた\ud800けど最高", "\udcff解約したい"]  # lone surrogates (from a JSON escape)


def test_prefiltered_cue_search_finds_what_re_finds():
    """With Hyperscan saying which alternatives of which patterns may match a text, ``re`` runs
    only those: the cues, spans and their order must be exactly those of ``find``."""
    from nlp import cues

    pf = cues._prefilter()
    assert pf is not None, "hyperscan is a dependency on this platform: the prefilter must load"
    texts = [normalize(t).text for t in _EDGE_TEXTS + _dev_texts()]
    got = cues._search_prefiltered(pf, texts)
    for name in cues.LEXICONS:
        want = cues.find_many(name, texts)
        assert [g.get(name, []) for g in got] == want, name
    assert sum(len(g) for g in got) > len(texts)  # real cues were found
    # analyse() takes this path for a batch of PREFILTER_MIN_TEXTS or more
    some = (texts * 3)[:max(cues.PREFILTER_MIN_TEXTS, 320)]
    plain = [analyze_one(t) for t in some[:80]]
    with cues.searched(some):
        assert cues._found is not None
        batched = [analyze_one(t) for t in some[:80]]
    assert [(a.polarity, a.churn_type, a.stage, a.evidence) for a in batched] == \
        [(a.polarity, a.churn_type, a.stage, a.evidence) for a in plain]


def test_prefilter_runs_refused_patterns_on_every_text(monkeypatch):
    """A pattern Hyperscan cannot compile is run whole by ``re`` on every text."""
    from nlp import cues

    real = cues.broadened_pattern
    monkeypatch.setattr(cues, "broadened_pattern", lambda src: "a$b" if "解約" in src else real(src))
    cues._prefilter.cache_clear()
    try:
        pf = cues._prefilter()
        refused = {pf.rows[r][0] for r in pf.always}
        assert "churn" in refused and pf.database is not None
        texts = [normalize(t).text for t in _EDGE_TEXTS + _dev_texts()[:300]]
        got = cues._search_prefiltered(pf, texts)
        for name in cues.LEXICONS:
            assert [g.get(name, []) for g in got] == cues.find_many(name, texts), name
    finally:
        monkeypatch.undo()
        cues._prefilter.cache_clear()


def test_top_level_alternatives_of_a_pattern():
    from nlp.cues import alternatives

    assert alternatives("a|(?:b|c)|[|]|\\||d(?=e|f)") == ["a", "(?:b|c)", "[|]", "\\|", "d(?=e|f)"]
    assert alternatives("[]|]x|y") == ["[]|]x", "y"]
    assert alternatives("[^]|]|z") == ["[^]|]", "z"]
    assert alternatives("abc") == ["abc"]
    assert alternatives("") == [""]


def _dev_texts() -> list[str]:
    from pathlib import Path

    p = Path(__file__).resolve().parents[2] / "shared" / "data" / "voc" / "verbatims.tsv"
    if not p.exists():
        return []
    import csv

    with open(p, encoding="utf-8", newline="") as f:
        return [r["text"] for r in csv.DictReader(f, delimiter="\t")]


def test_stored_content_words_are_the_content_words_of_the_tokens(tmp_path):
    """The analysis stores content_triples (part-of-speech id first): it must equal
    content_words(tokenize(...)), also with a user dictionary and over Sudachi's byte limit."""
    from nlp.tokenize import build_user_dictionary, content_triples, use_user_dictionary

    texts = ["届いた枕がへたっていて、イライラしました", "3回目の故障です。２０２５年に買いました", "すやすまくらを友達に勧めた",
             "特になし", "", "Love it!", "お店の方がとても親切でした。" * 4000] + _dev_texts()[:300]

    def same() -> None:
        assert [content_triples(t) for t in texts] == \
            [[[w.surface, w.normalized, w.pos] for w in content_words(tokenize(t))] for t in texts]

    same()
    dic = build_user_dictionary([("すやすまくら", "スヤスマクラ")], tmp_path / "u.dic")
    use_user_dictionary(dic)
    try:
        assert ["すやすまくら", "すやすまくら", "名詞"] in content_triples("すやすまくらを友達に勧めた")
        same()
    finally:
        use_user_dictionary(None)


def test_the_model_decides_every_label_with_calibrated_probabilities_and_evidence():
    from nlp.model import load

    if load() is None:
        pytest.skip("no trained model shipped")
    texts = ["届いた瞬間に感動しました", "毎日使っています。最高です", "来月からは別のお店で買うことにします",
             "友達が遊びに来たとき使わせたら、次の週には同じのを買ってました", "特になし",
             "配送は早かったけど、箱が潰れていて残念でした", "Love it, but the app keeps crashing."]
    res = analyze(texts)
    for t, a in zip(texts, res, strict=True):
        p = a.probabilities
        pol = [v for k, v in p.items() if k.startswith("polarity_")]
        st = [v for k, v in p.items() if k.startswith("stage_")]
        assert abs(sum(pol) - 1) < 1e-4 and abs(sum(st) - 1) < 1e-4 and 0 <= p["churn"] <= 1
        assert a.probability("polarity") == max(pol) or a.non_answer
        assert (a.stage == "advocacy") == a.advocacy  # the policy: stage advocacy exactly with advocacy
        for e in a.evidence:
            assert t[e.start:e.end] == e.text
        kinds = {e.kind for e in a.evidence}
        if a.churn:
            assert "churn" in kinds  # every flag says why: a cue that agrees, or the words that moved the model
        if a.advocacy:
            assert "advocacy" in kinds
        if a.polarity != "neutral":
            assert "polarity" in kinds
    assert res[4].non_answer and res[4].polarity == "neutral" and res[4].stage == "none"
    assert res[2].churn and res[3].advocacy


def test_sentence_decisions_equal_deciding_each_sentence_alone():
    """decide_sentences() takes short cuts (sentences without cues, one-sided sentences): each
    result must be decide() of that sentence with its own cues."""
    from nlp import polarity
    from nlp.cues import Cue
    from nlp.normalize import split_sentences

    texts = [normalize(t).text for t in _EDGE_TEXTS + _dev_texts()]
    seen = set()
    for t in texts:
        found = polarity.evaluative_cues(t)
        structure = polarity.contrast_points(t)
        spans = split_sentences(t)
        got = polarity.decide_sentences(t, spans, found, structure)
        for (s, e), r in zip(spans, got, strict=True):
            ev = [Cue(c.family, c.type, c.start - s, c.end - s, c.text) for c in found[0] if s <= c.start and c.end <= e]
            st = [Cue(c.family, c.type, c.start - s, c.end - s, c.text) for c in structure if s <= c.start and c.end <= e]
            want = polarity.decide(t[s:e], (ev, {}), st)
            assert (r.label, r.score) == (want.label, want.score), t[s:e]
            seen.add(r.label)
    assert {"delight", "pain", "neutral"} <= seen


def test_analysis_pauses_the_garbage_collector_and_restores_it():
    import gc

    from nlp.analyze import collector_paused

    assert gc.isenabled()
    analyze(["配送が遅いけど、スタッフさんは親切でした"])
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failed batch")
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(["嬉しい"])
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()
