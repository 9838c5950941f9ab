"""Topic names a person would write, and a check for topics that mix two themes. Pure: no Qt,
no SQL.

Public API
----------
``label_topics(topics, *, top_n=30, max_chars=12) -> list[TopicLabel]``
    All topics of one map at once (after a fit): ``topics`` is a list of ``(central_texts,
    words)`` — a topic's answers, most central first (only the first ``top_n`` are read), and
    its c-TF-IDF words, best first (``Topic.words``: strings, or ``(word, weight)`` pairs).
    A phrase the central answers of many topics share (分からない, 使っていない) counts for less.
``label_topic(central_texts, words=(), *, others=(), top_n=30, max_chars=12) -> TopicLabel``
    One topic (after a merge, split or move); ``others``: the other topics' central texts when
    at hand (same effect as ``label_topics``), else the phrase is judged on this topic alone.
``TopicLabel(label, keywords, candidates)``
    ``label``: a short key phrase (「中綿が偏る」「問い合わせの返事が来ない」「有効期限が短すぎる」
    「定期便の解約方法」), or the top two keywords joined with 「・」 when no phrase recurs enough;
    ``keywords``: the c-TF-IDF words in dictionary form, without junk (the secondary line);
    ``candidates``: (phrase, score) best first, for a picker.
``clean_keywords(words, texts=()) -> list[str]``
    Words without junk (``nlp.words.is_junk``), verbs and adjectives in dictionary form, once per
    normalized form, order kept. With the topic's texts, a noun they use mostly right after a
    numeral (３個, ２週間) is a bare counter and goes too.
``keyword_ok(word) -> bool``
    ``word``: a string, an ``nlp.tokenize.Token`` or a stored ``[surface, normalized, pos]``.
``mixed_themes(X, *, threshold=0.16, max_similarity=0.6, min_share=0.2) -> MixedCheck``
    ``X``: the topic's member feature rows (``nlp.topics.topic_features``, unit length), any
    order. ``MixedCheck(score, mixed, split, shares, similarity)``: ``score`` the cosine
    silhouette of the best 2-means split, ``mixed`` whether the topic clearly holds two themes,
    ``split`` 0/1 per row (0 = the larger part), ``shares`` the parts' shares, ``similarity``
    the cosine of the parts' centres.

How a label is found
--------------------
The ``top_n`` most central answers are tokenized with the project's Sudachi dictionary (split
mode C, as stored; NFKC first, so ﾊﾟｽﾜｰﾄﾞ reads パスワード). Candidate phrases are read off the
morphemes: compound nouns (紹介コード; honorific お/ご and さん/様 do not make a compound), noun
の noun (ポイントの有効期限), noun + が/は/も/を/に/で/まで + predicate (サイズが合わない,
返信が遅い, 洗濯機で丸洗いできる), noun の noun + particle + predicate (問い合わせの返事が来ない),
adjective + noun (丁寧な梱包), and a marked predicate on its own (届かない, 解約したい). A
predicate is a verb, adjective or adjectival noun (or a サ変 noun + する/できる) with what it
carries: negation (ない, ず, ません, ていない), desire and requests (たい, てほしい), ease
(にくい, やすい), excess (すぎる), passive (れる) — rendered in plain dictionary style (届かない,
解約したい, 分かりにくい, 多すぎる, 増やしてほしい), never a conjugation stem. Junk words
(``nlp.words.is_junk``) never start or end a noun phrase; light verbs (ある, する, なる …) are
no predicate. Candidates are grouped across answers by their normalized words and scored:

    score = coverage × structure × (0.35 + topic-word weight) × distinctness

coverage: the centrality-weighted share (weight 1 / (1 + rank / 10)) of the central answers
containing the phrase; it must be found in at least 2 answers and in 8 % of the weight. structure: 1 for a
compound noun or a lone predicate, +0.35 for a second unit, +0.25 for a third, +0.25 for a
noun with its predicate. topic-word weight: the topic's keywords the phrase contains (rank
weight 1 / (1 + rank / 3), at most 1.5). distinctness: (log(1 + T / t) / log(1 + T))² when the
central answers of t of the map's T topics contain the phrase. The best phrase of at most
``max_chars`` characters names the topic when it scores at least 0.04; else the keywords do.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from nlp.words import display_form, is_junk, junk_words

SEED = 42
TOP_N = 30
MAX_CHARS = 12
MAX_TEXT = 2000          # characters of one answer read for its phrases
MIN_DF = 2               # a phrase must recur in at least this many central answers
MIN_COVER = 0.08         # … and in at least this weighted share of them
MIN_SCORE = 0.04         # below this the keywords name the topic better (a phrase without
                         # keywords needs ≥ 12 % coverage; with the top keyword, 3 %)
KW_FLOOR = 0.35          # score factor of a phrase with none of the topic's keywords (1.85 at most)
MIXED_THRESHOLD = 0.16   # see mixed_themes and bench/show_topic_labels.py --calibrate
MIN_SHARE = 0.2          # both halves of a mixed topic hold at least this share of it
MAX_PART_SIMILARITY = 0.6  # … and their centres at most this alike (cosine)
MIN_MIXED_SIZE = 10      # smaller topics are never flagged
SAMPLE = 600             # rows clustered and scored at most (silhouette is quadratic)

CONTENT = ("名詞", "動詞", "形容詞", "形状詞", "副詞")
_PARTICLES = ("が", "は", "も", "を", "に", "で", "まで")
_ASPECT_AUX = {"いる", "ある", "おる", "しまう", "くる", "いく", "みる", "おく", "くれる", "もらう", "いただく",
               "くださる", "ちゃう", "てる", "とく"}
_NEGATORS = {"ない", "ぬ", "ず", "ん", "無い"}
_LIGHT = {"する", "ある", "いる", "なる", "できる", "くる", "いく", "来る", "行く", "為る", "有る", "居る", "成る",
          "出来る", "行う", "行なう"}
_COMPOUND_PARTICLE = {"付く", "つく", "対する", "関する", "因る", "依る", "よる", "取る", "とる", "於く", "おく", "於ける",
                      "おける", "渡る", "わたる", "基づく", "向ける", "沿う", "際する", "伴う", "応じる", "従う"}
_GODAN = {"う": "わい", "く": "かき", "ぐ": "がぎ", "す": "さし", "つ": "たち", "ぬ": "なに", "ぶ": "ばび", "む": "まみ",
          "る": "らり"}


@dataclass
class TopicLabel:
    label: str
    keywords: list[str]
    candidates: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class MixedCheck:
    score: float          # silhouette (cosine) of the best 2-means split, in [-1, 1]
    mixed: bool
    split: np.ndarray     # 0 / 1 per member row, 0 = the larger part
    shares: tuple[float, float] = (1.0, 0.0)
    similarity: float = 1.0  # cosine of the two parts' centres


# ---------------------------------------------------------------- morphemes

@dataclass(slots=True)
class _M:
    s: str      # surface
    d: str      # dictionary form
    n: str      # normalized form
    p: tuple    # part of speech, 6 levels


def _morphemes(text: str) -> list[_M]:
    from nlp import tokenize as T

    tok = T._tokenizer("C")
    text = unicodedata.normalize("NFKC", text)[:MAX_TEXT]
    return [_M(m.surface(), m.dictionary_form(), m.normalized_form(), tuple(m.part_of_speech()))
            for m in T._morphemes(tok, text)]


def _noun(m: _M) -> bool:
    return (m.p[0] == "名詞" and m.p[1] != "数詞" and m.p[2] != "人名"
            and not is_junk(m.s, m.n, "名詞", m.p[1]))


def _counter_here(ms: list[_M], j: int) -> bool:
    """A noun that counts what the numeral before it says (一週間, ３回, １５分)."""
    return j > 0 and ms[j - 1].p[1] == "数詞" and ms[j].p[2] in ("助数詞可能", "副詞可能")


def _nounish(m: _M) -> bool:
    return m.p[0] == "名詞" and m.p[1] != "数詞" and m.p[2] != "人名"


def _suffix(m: _M) -> bool:
    return m.p[0] == "接尾辞" and m.p[1] == "名詞的" and m.p[2] != "助数詞"


def _np_span(ms: list[_M], i: int) -> tuple[int, int, int]:
    """The compound noun starting at ``i``: (start, end) without junk words at its edges (ポイント
    倍デー keeps its 倍, 家族の分 loses its 分), and where the run of nouns ends."""
    n = len(ms)
    j = i
    if j < n and ms[j].p[0] == "接頭辞" and j + 1 < n and _nounish(ms[j + 1]):
        j += 1
    if j >= n or not _nounish(ms[j]) or _counter_here(ms, j):
        return i, i, i
    j += 1
    while j < n and ((_nounish(ms[j]) and not _counter_here(ms, j)) or _suffix(ms[j])):
        j += 1
    a, b = i, j
    while a < b and not (_noun(ms[a]) or (ms[a].p[0] == "接頭辞" and a + 1 < b and _noun(ms[a + 1]))):
        a += 1
    while b > a and not (_noun(ms[b - 1]) or (_suffix(ms[b - 1]) and b - 2 >= a and _noun(ms[b - 2]))):
        b -= 1
    return a, b, j


# ---------------------------------------------------------------- predicates

def _kind(m: _M) -> str:
    c = m.p[4]
    if c.startswith("五段"):
        return "godan"
    if c.startswith(("上一段", "下一段")):
        return "ichidan"
    if c.startswith("カ行変格"):
        return "kahen"
    if c.startswith("サ行変格"):
        return "sahen"
    if m.p[0] == "形容詞" or c == "形容詞":
        return "adj"
    return "other"


def _mizen(d: str, kind: str) -> str | None:
    if kind == "godan" and d[-1:] in _GODAN:
        return "な" if d == "ある" else d[:-1] + _GODAN[d[-1]][0]
    if kind == "ichidan" and d.endswith("る"):
        return d[:-1]
    if kind == "kahen":
        return d[:-1] if d.endswith("来る") else "こ"
    if kind == "sahen" and d.endswith("する"):
        return d[:-2] + "し"
    return None


def _renyou(d: str, kind: str) -> str | None:
    if kind == "godan" and d[-1:] in _GODAN:
        return d[:-1] + _GODAN[d[-1]][1]
    if kind in ("ichidan",) and d.endswith("る"):
        return d[:-1]
    if kind == "kahen":
        return d[:-1] if d.endswith("来る") else "き"
    if kind == "sahen" and d.endswith("する"):
        return d[:-2] + "し"
    if kind == "adj":
        return _adj_stem(d) + "く"
    return None


def _adj_stem(d: str) -> str:
    return "よ" if d in ("いい", "良い") else d[:-1]


def _negative(d: str, kind: str) -> str | None:
    if kind == "adj":
        return _adj_stem(d) + "くない"
    if kind == "na":
        return d + "ではない"
    if d == "ある":
        return "ない"
    m = _mizen(d, kind)
    return m + "ない" if m is not None else None


@dataclass
class _Pred:
    end: int
    key: tuple
    text: str
    light: bool


def _predicate(ms: list[_M], i: int) -> _Pred | None:
    """The predicate starting at ``i`` and what it carries, rendered in plain style."""
    if i >= len(ms):
        return None
    m = ms[i]
    j = i + 1
    light = False
    if m.p[0] == "名詞" and m.p[2].startswith("サ変") and j < len(ms) and ms[j].p[0] == "動詞" \
            and ms[j].n in ("為る", "出来る"):
        base, kind, key0 = m.s + ms[j].d, _kind(ms[j]), (m.n, ms[j].n)
        j += 1
    elif m.p[0] == "動詞":
        base, kind, key0 = m.d, _kind(m), (m.n,)
        light = m.d in _LIGHT or m.n in _LIGHT
    elif m.p[0] == "形容詞":
        base, kind, key0 = m.d, "adj", (m.n,)
    elif m.p[0] == "形状詞" and m.p[1] != "助動詞語幹":
        base, kind, key0 = m.s, "na", (m.n,)
        light = is_junk(m.s, m.n, "形状詞")
    else:
        return None
    stem_end = j   # where the predicate's own morphemes end (before て / auxiliaries)
    neg = want = passive = progressive = request = False
    suffix = None
    while j < len(ms):
        x = ms[j]
        if x.p[0] == "助動詞":
            if x.d in _NEGATORS or x.n in ("ず", "ない"):
                neg = True
            elif x.d == "たい":
                want = True
            elif x.d in ("れる", "られる") and kind in ("godan", "ichidan", "kahen", "sahen") and not suffix:
                passive = True
            elif x.d == "てる":
                progressive = True
            elif x.d not in ("ます", "です", "た", "だ", "う", "よう", "せる", "させる", "らしい"):
                break
        elif x.p[0] == "助詞" and x.s in ("て", "で") and x.p[1] == "接続助詞":
            nxt = ms[j + 1] if j + 1 < len(ms) else None
            if nxt is not None and nxt.n == "欲しい" and not (neg or want or passive or suffix):
                request = True   # 増やしてほしい
                j += 2
                break
            if nxt is None or not (nxt.p[0] in ("動詞", "形容詞") and (nxt.d in _ASPECT_AUX or nxt.n == "無い")):
                break
            progressive = progressive or nxt.d in ("いる", "おる") or nxt.n == "無い"
        elif x.p[0] == "助詞" and x.s == "は" and ms[j - 1].s in ("で", "じゃ", "く"):
            pass
        elif x.p[0] == "動詞" and x.d in _ASPECT_AUX:
            pass
        elif x.p[0] == "形容詞" and x.n == "無い":
            neg = True
        elif suffix is None and not (neg or want or passive) and (
                (x.p[0] == "接尾辞" and x.p[1] == "形容詞的") or (x.p[0] == "動詞" and x.n == "過ぎる")):
            suffix = x
            stem_end = j + 1
        else:
            break
        j += 1
    te = ms[stem_end].s if stem_end < len(ms) and ms[stem_end].s in ("て", "で") else "て"
    te_form = "".join(x.s for x in ms[i:stem_end]) + te
    if request:
        text = te_form + "ほしい"
    elif neg and progressive and not (suffix or want or passive) and kind not in ("adj", "na"):
        text = te_form + "いない"  # 届いていない / 書いていない: as written (書かない says something else)
    else:
        text = _render(base, kind, suffix, passive, want, neg)
    if text is None:
        return None
    key = (*key0, suffix.n if suffix else "", passive, want or request, neg)
    return _Pred(j, key, text, light and not neg)


def _render(base: str, kind: str, suffix: _M | None, passive: bool, want: bool, neg: bool) -> str | None:
    if passive:
        if kind == "sahen":
            base = base[:-2] + "される"
        else:
            stem = _mizen(base, kind)
            if stem is None:
                return None
            base = stem + ("れる" if kind == "godan" else "られる")
        kind = "ichidan"
    if suffix is not None:
        stem = _adj_stem(base) if kind == "adj" else base if kind == "na" else _renyou(base, kind)
        if stem is None:
            return None
        base = stem + suffix.d
        kind = "adj" if suffix.p[0] == "接尾辞" else "ichidan"
    if want:
        stem = _renyou(base, kind) if kind not in ("adj", "na") else None
        if stem is None:
            return None
        base, kind = stem + "たい", "adj"
    if neg:
        return _negative(base, kind)
    return base


# ---------------------------------------------------------------- phrases

@dataclass
class _Phrase:
    key: tuple
    text: str
    units: int
    pred: bool           # carries a predicate that is not a light verb
    words: tuple         # content morphemes (for topic-word matching)


_POLITE = {"お", "ご", "御", "さん", "様", "さま", "氏", "ちゃん", "くん", "君", "たち", "達", "ら", "等"}


def _units(ms: Sequence[_M]) -> int:
    """Words of a compound noun, honorific prefixes and person suffixes aside (ご連絡 and
    スタッフさん are one word, 再配達 and 紹介コード two)."""
    return sum(1 for m in ms if not (m.p[0] in ("接頭辞", "接尾辞") and m.s in _POLITE))


def _np(ms: list[_M], a: int, b: int) -> tuple[tuple, str]:
    return tuple(m.n for m in ms[a:b]), "".join(m.s for m in ms[a:b])


def _particle(ms: list[_M], j: int) -> tuple[str, int] | None:
    """A case or binding particle after a noun phrase (が, は, も, を, に, で, まで; には / にも read
    as に)."""
    if j >= len(ms) or ms[j].p[0] != "助詞" or ms[j].s not in _PARTICLES:
        return None
    if ms[j].p[1] not in ("格助詞", "係助詞"):
        return None
    p, j = ms[j].s, j + 1
    if p in ("に", "で", "まで") and j < len(ms) and ms[j].s in ("は", "も") and ms[j].p[0] == "助詞":
        j += 1
    return p, j


def _skip(ms: list[_M], j: int) -> int:
    """Skip what may stand between a particle and its predicate: adverbs, numbers with counters,
    adverbial nouns (返事が３日来ない, 電話がなかなかつながらない)."""
    k = 0
    while j < len(ms) and k < 4:
        x = ms[j]
        if x.p[0] == "副詞" or x.p[1] == "数詞" or (x.p[0] == "接尾辞" and x.p[2] == "助数詞") \
                or (x.p[0] == "名詞" and x.p[2] in ("副詞可能", "助数詞可能")):
            j += 1
            k += 1
            continue
        break
    return j


def _with_predicate(ms: list[_M], b: int, key: tuple, text: str, units: int, words: tuple, out: list) -> None:
    got = _particle(ms, b)
    if got is None:
        return
    p, j = got
    if p == "に" and j < len(ms) and (ms[j].n in _COMPOUND_PARTICLE or ms[j].d in _COMPOUND_PARTICLE):
        return  # について, に対して, によって: a compound particle, not に + a verb
    pred = _predicate(ms, _skip(ms, j))
    if pred is None or pred.light:  # 香りがする, 機能がある say no more than the noun
        return
    klass = "ga" if p in ("が", "は", "も") else p
    pw = tuple(m for m in ms[j:pred.end] if m.p[0] in CONTENT)
    # a light predicate (高さにできる, 香りがする) adds no unit: the noun phrase says it all
    out.append(_Phrase((*key, klass, pred.key), text + p + pred.text, units + (0 if pred.light else 1),
                       not pred.light, words + pw))


def _standalone(ms: list[_M], i: int, out: list) -> None:
    """A marked predicate on its own (届かない, 解約したい, 使いにくい): negated, wished for,
    passive or with にくい / やすい / すぎる — a bare verb or adjective is a keyword, not a phrase."""
    m = ms[i]
    if not ((m.p[0] in ("動詞", "形容詞") and m.p[1] == "一般")
            or (m.p[0] == "名詞" and m.p[2].startswith("サ変") and i + 1 < len(ms)
                and ms[i + 1].n in ("為る", "出来る"))):
        return
    pred = _predicate(ms, i)
    if pred is None or not any(pred.key[-4:]) or pred.light or is_junk(m.s, m.n, m.p[0], m.p[1]):
        return
    out.append(_Phrase(("P", pred.key), pred.text, 1, False, tuple(x for x in ms[i:pred.end] if x.p[0] in CONTENT)))


def phrases(text: str) -> list[_Phrase]:
    """Candidate phrases of one answer, in order of appearance."""
    return _phrases_of(_morphemes(text))


def _phrases_of(ms: list[_M]) -> list[_Phrase]:
    out: list[_Phrase] = []
    i = 0
    while i < len(ms):
        _standalone(ms, i, out)
        i, b, r = _np_span(ms, i)
        if r == i:
            i += 1
            continue
        if b <= i:
            i = r
            continue
        key1, text1 = _np(ms, i, b)
        w1 = tuple(ms[i:b])
        if _units(w1) >= 2:
            out.append(_Phrase(("N", key1), text1, 1, False, w1))
        # adjective / adjectival noun + noun: 丁寧な梱包, 新しい枕
        if i >= 1 and ms[i - 1].p[0] == "形容詞" and ms[i - 1].p[5].startswith(("連体形", "終止形")) \
                and ms[i - 1].n != "無い" and ms[i - 1].d not in _junk_strings():
            a = ms[i - 1]
            out.append(_Phrase(("AN", a.n, key1), a.d + text1, 2, False, (a, *w1)))
        elif i >= 2 and ms[i - 1].d == "だ" and ms[i - 1].s == "な" and ms[i - 2].p[0] == "形状詞" \
                and not is_junk(ms[i - 2].s, ms[i - 2].n, "形状詞", ms[i - 2].p[1]):
            a = ms[i - 2]
            out.append(_Phrase(("AN", a.n, key1), a.s + "な" + text1, 2, False, (a, *w1)))
        _with_predicate(ms, b, ("NP", key1), text1, 1, w1, out)
        # noun の noun (+ particle + predicate)
        if b < len(ms) and ms[b].s == "の" and ms[b].p[1] == "格助詞":
            a2, c, _ = _np_span(ms, b + 1)
            if a2 == b + 1 and c > a2:
                key2, text2 = _np(ms, b + 1, c)
                w2 = w1 + tuple(ms[b + 1:c])
                out.append(_Phrase(("NN", key1, key2), text1 + "の" + text2, 2, False, w2))
                _with_predicate(ms, c, ("NNP", key1, key2), text1 + "の" + text2, 2, w2, out)
        i = r
    return out


# ---------------------------------------------------------------- keywords

def _word_morph(word: str) -> _M | None:
    ms = [m for m in _morphemes(word) if m.p[0] not in ("補助記号", "空白")]
    return ms[0] if len(ms) == 1 else None


@lru_cache(maxsize=20_000)
def _keyword(word: str) -> tuple[str, str] | None:
    """(``word`` in dictionary form, its grouping key), or None when it is junk."""
    w = unicodedata.normalize("NFKC", word).strip().lstrip("\x00").strip()
    if not w or w in _junk_strings() or not re.search(r"[^\W\d_]", w):
        return None
    m = _word_morph(w)
    if m is None:  # several morphemes (a user term, a name the system dictionary splits): keep it
        return w, w
    if m.p[0] in ("動詞", "形容詞"):
        shown = display_form(m.s, m.n, m.p[0])
        return None if is_junk(m.s, m.n, m.p[0], m.p[1]) or shown in _junk_strings() else (shown, m.n)
    if m.p[0] not in CONTENT or is_junk(m.s, m.n, m.p[0], m.p[1]):
        return None
    return w, m.n


def _junk_strings() -> frozenset[str]:
    return junk_words()


def keyword_ok(word) -> bool:
    """Whether a word may stand among a topic's keywords (or in a word network): ``word`` a
    string, an ``nlp.tokenize.Token`` or a stored ``[surface, normalized, pos]``."""
    if isinstance(word, str):
        return _keyword(word) is not None
    if hasattr(word, "surface"):
        return not is_junk(word.surface, word.normalized, word.pos, word.pos2)
    s, n, p = word[0], word[1], word[2]
    return not is_junk(s, n, p)


def _counters(morphs: Sequence[list[_M]]) -> set[str]:
    """Nouns the texts use mostly right after a numeral (３個, ２週間, １５分): counters there."""
    after, total = Counter(), Counter()
    for ms in morphs:
        for k, m in enumerate(ms):
            if m.p[0] in ("名詞", "接尾辞"):
                total[m.s] += 1
                if k and ms[k - 1].p[1] == "数詞":
                    after[m.s] += 1
    return {w for w, c in after.items() if 2 * c >= total[w]}


def clean_keywords(words: Sequence, texts: Sequence[str] = (), *, counters: set[str] | None = None) -> list[str]:
    """Topic words (strings or ``(word, weight)`` pairs, best first) without junk, verbs and
    adjectives in dictionary form, each once, order kept."""
    if counters is None:
        counters = _counters([_morphemes(t) for t in texts[:TOP_N]]) if texts else set()
    out: list[str] = []
    keys: set[str] = set()
    for w in words:
        w = w[0] if isinstance(w, (tuple, list)) else w
        k = _keyword(w) if isinstance(w, str) else None
        if k and k[0] not in counters and k[1] not in keys and k[0] not in out:
            out.append(k[0])
            keys.add(k[1])
    return out


# ---------------------------------------------------------------- labels

def _matches(word: str, m: _M) -> bool:
    if word in (m.s, m.d, m.n):
        return True
    return m.p[0] == "名詞" and len(word) >= 2 and word in m.s


@dataclass
class _Stats:
    texts: list[str]
    morphs: list[list[_M]]
    keywords: list[str]
    doc_w: list[float]
    cov: dict            # phrase key → centrality-weighted answers containing it
    df: Counter          # phrase key → answers containing it
    shown: dict          # phrase key → Counter of renderings (weighted)
    first: dict          # phrase key → its first _Phrase


def _stats(central_texts: Sequence[str], words: Sequence, top_n: int) -> _Stats:
    texts = [t for t in list(central_texts)[:top_n] if isinstance(t, str) and t.strip()]
    morphs = [_morphemes(t) for t in texts]
    keywords = clean_keywords(words, counters=_counters(morphs))
    doc_w = [1.0 / (1.0 + r / 10.0) for r in range(len(texts))]
    st = _Stats(texts, morphs, keywords, doc_w, defaultdict(float), Counter(), defaultdict(Counter), {})
    for r, ms in enumerate(morphs):
        seen = set()
        for ph in _phrases_of(ms):
            st.shown[ph.key][ph.text] += doc_w[r]
            st.first.setdefault(ph.key, ph)
            if ph.key not in seen:
                seen.add(ph.key)
                st.cov[ph.key] += doc_w[r]
                st.df[ph.key] += 1
    return st


def _label(st: _Stats, spread: Counter, n_topics: int, max_chars: int) -> TopicLabel:
    weight = {w: 1.0 / (1.0 + r / 3.0) for r, w in enumerate(st.keywords[:10])}
    total = sum(st.doc_w) or 1.0
    best: dict[str, float] = {}
    for key, ph in st.first.items():
        cov = st.cov[key] / total
        if st.df[key] < MIN_DF or cov < MIN_COVER:
            continue
        text = max(st.shown[key].items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0]
        if len(text) > max_chars:
            continue
        kw = sum(x for w, x in weight.items() if any(_matches(w, m) for m in ph.words))
        structure = 1.0 + 0.35 * min(ph.units - 1, 1) + 0.25 * max(ph.units - 2, 0) + (0.25 if ph.pred else 0.0)
        # distinct from the other topics (c-TF-IDF's idea, for phrases): 1 when no other topic's
        # central answers use it, (log 2 / log(1 + T))² when all T topics do
        idf = (math.log(1 + n_topics / max(1, spread[key])) / math.log(1 + n_topics)) ** 2 if n_topics > 1 else 1.0
        score = cov * structure * (KW_FLOOR + min(kw, 1.5)) * idf
        best[text] = max(score, best.get(text, 0.0))
    ranked = sorted(best.items(), key=lambda p: (-p[1], len(p[0]), p[0]))
    label = ranked[0][0] if ranked and ranked[0][1] >= MIN_SCORE else ("・".join(st.keywords[:2]) or _frequent_word(st.morphs))
    return TopicLabel(label, st.keywords, [(t, round(x, 4)) for t, x in ranked[:10]])


def label_topics(topics: Sequence[tuple[Sequence[str], Sequence]], *, top_n: int = TOP_N,
                 max_chars: int = MAX_CHARS) -> list[TopicLabel]:
    """Labels for all topics of a map at once: ``topics`` holds (central texts, c-TF-IDF words)
    per topic. A phrase the central answers of many topics share (分からない, 不満はない) counts
    for less than one only this topic uses."""
    stats = [_stats(texts, words, top_n) for texts, words in topics]
    spread: Counter = Counter()
    for st in stats:
        spread.update(st.first.keys())
    return [_label(st, spread, len(stats), max_chars) for st in stats]


def label_topic(central_texts: Sequence[str], words: Sequence = (), *, others: Sequence[Sequence[str]] = (),
                top_n: int = TOP_N, max_chars: int = MAX_CHARS) -> TopicLabel:
    """A short key phrase naming the topic whose most central answers are ``central_texts``
    (most central first) and whose c-TF-IDF words are ``words`` (see the module docstring).
    ``others``: the central answers of the map's other topics, when at hand — phrases they share
    count for less."""
    return label_topics([(central_texts, words), *((o, ()) for o in others)], top_n=top_n,
                        max_chars=max_chars)[0]


def _frequent_word(morphs: Sequence[list[_M]]) -> str:
    c: Counter = Counter()
    for ms in morphs:
        for m in ms:
            if m.p[0] in CONTENT and not is_junk(m.s, m.n, m.p[0], m.p[1]):
                c[display_form(m.s, m.n, m.p[0])] += 1
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else ""


# ---------------------------------------------------------------- mixed themes

def _two_means(Y: np.ndarray, rng: np.random.Generator, starts: int = 4, iters: int = 30) -> np.ndarray:
    """Spherical 2-means (cosine) of unit rows: the best of ``starts`` k-means++ starts."""
    best, best_obj = np.zeros(len(Y), dtype=np.int64), -np.inf
    for _ in range(starts):
        c0 = Y[rng.integers(len(Y))]
        d = np.maximum(1.0 - Y @ c0, 0.0) ** 2
        c1 = Y[rng.choice(len(Y), p=d / d.sum())] if d.sum() > 0 else Y[rng.integers(len(Y))]
        C = np.stack([c0, c1])
        labels = np.zeros(len(Y), dtype=np.int64)
        for it in range(iters):
            new = (Y @ C.T).argmax(1)
            if it and np.array_equal(new, labels):
                break
            labels = new
            for k in (0, 1):
                m = Y[labels == k].sum(0)
                nm = np.linalg.norm(m)
                if nm > 0:
                    C[k] = m / nm
        obj = float((Y @ C.T).max(1).sum())
        if obj > best_obj + 1e-9 and 0 < labels.sum() < len(labels):
            best, best_obj = labels, obj
    return best


def _silhouette(Y: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance (1 − cos) of two clusters."""
    D = 1.0 - Y @ Y.T
    out = np.zeros(len(Y))
    for k in (0, 1):
        own = labels == k
        n_own = int(own.sum())
        if n_own < 2 or n_own == len(Y):
            return 0.0
        a = D[np.ix_(own, own)].sum(1) / (n_own - 1)
        b = D[np.ix_(own, ~own)].mean(1)
        out[own] = (b - a) / np.maximum(np.maximum(a, b), 1e-9)
    return float(out.mean())


def mixed_themes(X: np.ndarray, *, threshold: float = MIXED_THRESHOLD, max_similarity: float = MAX_PART_SIMILARITY,
                 min_share: float = MIN_SHARE, random_state: int = SEED) -> MixedCheck:
    """Whether a topic's members (unit feature rows, ``nlp.topics.topic_features``) clearly fall
    into two themes: the best spherical 2-means split must leave both parts at least
    ``min_share`` of the topic, reach a mean cosine silhouette of ``threshold``, and the two
    parts' centres must be at most ``max_similarity`` alike (a topic whose answers repeat a few
    wordings of one theme splits into tight, well-"separated" parts whose centres are still
    close). Thresholds: synthetic mixtures of two real topics vs single topics, see
    ``bench/show_topic_labels.py --calibrate``. At most ``SAMPLE`` rows (a fixed random sample)
    are clustered and scored; every row is then given to the nearer part's centre. Rows without
    features (all zeros) go to part 0. Deterministic for a given ``random_state``."""
    X = np.asarray(X, dtype=np.float32)
    n = len(X)
    split = np.zeros(n, dtype=np.int64)
    norms = np.linalg.norm(X, axis=1) if n else np.zeros(0)
    idx = np.flatnonzero(norms > 0)
    if len(idx) < 4:
        return MixedCheck(0.0, False, split)
    Y = (X[idx] / norms[idx, None]).astype(np.float64)
    rng = np.random.default_rng(random_state)
    sample = np.sort(rng.choice(len(Y), SAMPLE, replace=False)) if len(Y) > SAMPLE else np.arange(len(Y))
    labels = _two_means(Y[sample], rng)
    C = np.stack([Y[sample][labels == k].sum(0) for k in (0, 1)])
    C /= np.maximum(np.linalg.norm(C, axis=1, keepdims=True), 1e-12)
    parts = (Y @ C.T).argmax(1)
    if parts.sum() * 2 > len(parts):  # part 0 is the larger one
        parts, labels, C = 1 - parts, 1 - labels, C[::-1]
    split[idx] = parts
    sizes = np.bincount(parts, minlength=2)
    shares = (float(sizes[0] / len(parts)), float(sizes[1] / len(parts)))
    if min(np.bincount(labels, minlength=2)) < 2:
        return MixedCheck(0.0, False, split, shares)
    score = _silhouette(Y[sample], labels)
    similarity = float(C[0] @ C[1])
    mixed = bool(score >= threshold and similarity <= max_similarity and shares[1] >= min_share
                 and len(idx) >= MIN_MIXED_SIZE)
    return MixedCheck(round(score, 4), mixed, split, shares, round(similarity, 4))
