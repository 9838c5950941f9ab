"""analyze() never fails and stays fast on whatever customers write."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.analyze import analyze

PIECES = ["配送が", "遅い", "けど", "が、", "嬉しい", "ない", "。", "！", "？", "\n", "ｗｗ", "😊", "ｶﾀｶﾅ", "１０",
          "解約", "友達に勧めた", "「", "」", "（笑）", "https://x.jp", "03-1234-5678", "ﾞ", "ー", "〜〜", " ", "\t"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join))
def test_analyze_any_text(text):
    (a,) = analyze([text])
    assert a.polarity in ("delight", "pain", "neutral", "mixed")
    assert a.stage in ("first_experience", "success", "advocacy", "none")
    for e in a.evidence:
        assert 0 <= e.start <= e.end <= len(text) and text[e.start:e.end] == e.text
    for s in a.sentences:
        assert 0 <= s.start <= s.end <= len(text)


def test_long_text_is_analysed_in_reasonable_time():
    text = ("配送が遅いけど、スタッフさんが親切で嬉しかったです。ただ値段が高いのが残念" * 400)  # ~16,000 characters
    t0 = time.perf_counter()
    (a,) = analyze([text])
    assert a.polarity in ("mixed", "pain", "delight")
    assert time.perf_counter() - t0 < 60  # a guard against pathological regex backtracking, not a benchmark


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES + ["ABC", "Ａ", "ﾊﾟﾝ", "ｺﾞ", "ｶﾞｲﾄﾞ", "É", "ｗ", "①", "㈱", "ﬁ"]),
                          st.text(max_size=6)), max_size=25).map("".join))
def test_normalisation_fast_paths_equal_the_character_loop(text):
    """normalize() folds most texts with one str.translate; it must give the text and the map
    to the original that folding one character at a time gives."""
    import unicodedata

    from nlp.normalize import _normalize_by_character, normalize

    if unicodedata.is_normalized("NFKC", text) and not any("A" <= c <= "Z" for c in text):
        return  # the first fast path (nothing to fold): unchanged behaviour, tested elsewhere
    a, b = normalize(text), _normalize_by_character(text)
    assert a.text == b.text
    n = len(a.text)
    assert [a.span(i, j) for i in range(n) for j in range(i, min(n, i + 3) + 1)] == \
        [b.span(i, j) for i in range(n) for j in range(i, min(n, i + 3) + 1)]


def test_a_lone_surrogate_is_analysed_not_a_crash():
    """Python lets a lone surrogate into a str (a JSON escape such as \\ud800); Sudachi and
    Hyperscan take UTF-8 only. The analysis reads it as U+FFFD and keeps every offset."""
    from nlp.tokenize import content_triples, tokenize
    from voc_app.analysis import analyze_texts

    text = "配送が\ud800遅いので解約したい"
    toks = tokenize(text)
    assert [text[t.start:t.end] for t in toks if t.surface != "\ufffd"] == [t.surface for t in toks if t.surface != "\ufffd"]
    assert ["遅い", "解約"] == [w[0] for w in content_triples(text) if w[0] in ("遅い", "解約")]
    texts = [text] * 400  # a batch large enough for the compiled prefilter
    (a, words), *_ = analyze_texts(texts, workers=1)
    assert a.churn and a.polarity == "pain" and words
