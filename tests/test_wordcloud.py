"""Word clouds of delight and pain words (voc_app.wordcloud): the words come from the right side
(a mixed answer split by its sentences), in dictionary form and without junk; the PNG has the
requested size, the side's colours and a Japanese font, is the same bytes every time (in
another process too), and words never sit inside one another; nothing to draw gives None."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFont

from base.errors import UserError
from voc_app import wordcloud as W
from voc_app.analysis import analyze_project
from voc_app.importing import import_file
from voc_app.store import Project

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
# Made-up answers with words of their own: ふかふか only where customers are delighted, ガタガタ
# only where they complain, and one mixed answer whose delight sentence (配送, 感激) and pain
# sentence (ファスナー, ガタガタ) must go to their own sides.
CRAFTED = [
    "枕がふかふかで最高です。毎晩ぐっすり眠れて本当に嬉しいです",
    "ふかふかの布団に感動しました。家族みんな大満足です",
    "届いた枕がふかふかで、とても気に入りました",
    "ファスナーがガタガタで最悪です。すぐ壊れました",
    "カバーのファスナーがガタガタしていて不満です",
    "ガタガタのファスナーが壊れて困っています",
    "配送がとても早くて感激しました。でも枕のファスナーがガタガタで壊れました",
]
MIXED = CRAFTED[-1]


def _crafted_file(d: Path) -> Path:
    f = d / "extra.csv"
    f.write_text("回答ID,顧客ID,ご意見をお聞かせください\n"
                 + "".join(f"{9100 + i},X{i:03d},{t}\n" for i, t in enumerate(CRAFTED)), encoding="utf-8")
    return f


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    d = tmp_path_factory.mktemp("wordcloud")
    with Project.create(d / "w.voc") as p:
        for f in (SAMPLE / "アンケート_2025上期.csv", SAMPLE / "サポート履歴_2025上期.jsonl", _crafted_file(d)):
            import_file(p, f)
        analyze_project(p, workers=1)
        yield p


def _polarity(p: Project, text: str) -> str:
    return p.conn.execute("SELECT a.polarity FROM analyses a JOIN verbatims v ON v.id = a.verbatim_id"
                          " WHERE v.text = ?", (text,)).fetchone()[0]


def test_words_come_from_their_own_side(sample):
    assert _polarity(sample, CRAFTED[0]) == "delight" and _polarity(sample, CRAFTED[3]) == "pain"
    assert _polarity(sample, MIXED) == "mixed", "the crafted mixed answer is what this test is about"
    delight = dict(W.word_frequencies(sample, side="delight", top=0))
    pain = dict(W.word_frequencies(sample, side="pain", top=0))
    # a word only delighted customers use: on the delight side only, counted once per answer
    assert delight["ふかふか"] == 3 and "ふかふか" not in pain
    # a complaint word: 3 pain answers + the pain sentence of the mixed one, never delight
    assert pain["ガタガタ"] == 4 and "ガタガタ" not in delight
    # the mixed answer: its delight sentence's words on the delight side only, and vice versa
    assert "感激" in delight and "感激" not in pain
    assert "ファスナー" not in delight and pain["ファスナー"] >= 4
    # ordered by count, then word; counts never exceed the answers on the side
    items = list(delight.items())
    assert items == sorted(items, key=lambda kv: (-kv[1], kv[0]))
    n_docs = len(W.side_documents(sample, "delight"))
    assert max(delight.values()) <= n_docs


def test_words_are_dictionary_forms_without_junk(sample):
    words = [w for side in W.SIDES for w, _ in W.word_frequencies(sample, side=side)]
    assert "届く" in words and "届い" not in words   # verbs as a dictionary shows them
    assert "壊れる" in words and "壊れ" not in words
    for junk in ("する", "ある", "いる", "思う", "こと", "もの", "とても", "すぐ"):
        assert junk not in words
    assert not any(w[0].isdigit() for w in words)     # ２人, ３個: numbers with counters say nothing
    assert len(W.word_frequencies(sample, side="pain", top=5)) == 5


def test_png_has_the_size_the_colours_and_is_the_same_every_time(sample):
    delight = W.wordcloud_png(sample, side="delight", width=640, height=400)
    pain = W.wordcloud_png(sample, side="pain", width=640, height=400)
    for png in (delight, pain):
        im = Image.open(io.BytesIO(png))
        assert im.format == "PNG" and im.size == (640, 400)
    assert W.wordcloud_png(sample, side="delight", width=640, height=400) == delight
    assert delight != pain

    def colours(png: bytes) -> set:
        im = Image.open(io.BytesIO(png)).convert("RGB")
        return {c for _, c in im.getcolors(640 * 400)}

    green, red = (0x59, 0xA1, 0x4F), (0xE1, 0x57, 0x59)  # the app's delight and pain colours
    assert green in colours(delight) and red not in colours(delight)
    assert red in colours(pain) and green not in colours(pain)
    # a white background, a good part of it drawn on
    im = Image.open(io.BytesIO(delight)).convert("RGB")
    assert max(im.getcolors(640 * 400))[1] == (255, 255, 255)
    inked = float((np.asarray(im.convert("L")) < 200).mean())
    assert 0.08 < inked < 0.8


def test_same_bytes_in_another_process(sample):
    here = W.wordcloud_png(sample, side="pain", width=400, height=300)
    code = ("import sys; from voc_app.store import Project; from voc_app.wordcloud import wordcloud_png;"
            "p = Project(sys.argv[1]); sys.stdout.buffer.write(wordcloud_png(p, side='pain', width=400, height=300))")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    res = subprocess.run([sys.executable, "-c", code, str(sample.path)], capture_output=True, cwd=ROOT, env=env,
                         timeout=120)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    assert res.stdout == here


def test_words_never_sit_inside_one_another(sample):
    """wordcloud fits a word wherever its ink leaves room: 「SNS」 between the シ and the ト of a
    big シート. Each placed word's box must be free of every other word."""
    freq = W.word_frequencies(sample, side="delight")
    cloud = W.layout(freq, side="delight", width=800, height=500)
    boxes = []
    for (word, _), size, (x, y), orientation, _colour in cloud.layout_:
        font = ImageFont.TransposedFont(ImageFont.truetype(cloud.font_path, size), orientation=orientation)
        left, top, right, bottom = font.getbbox(word)
        boxes.append((word, y, x, y + right - left, x + bottom - top))
    assert len(boxes) >= 30
    for i, a in enumerate(boxes):
        assert 0 <= a[1] and 0 <= a[2] and a[3] <= 800 and a[4] <= 500, a
        for b in boxes[i + 1:]:
            assert not (a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]), (a, b)


def test_both_for_the_workbook(sample):
    both = W.both_png(sample, width=300, height=200)
    assert set(both) == {"delight", "pain"}
    assert all(Image.open(io.BytesIO(b)).size == (300, 200) for b in both.values())
    assert pickle.loads(pickle.dumps(both)) == both  # a background job (or process) can hand it back
    assert pickle.loads(pickle.dumps(W.wordcloud_png)) is W.wordcloud_png


def test_nothing_analysed_gives_none(tmp_path):
    with Project.create(tmp_path / "empty.voc") as p:
        assert W.wordcloud_png(p, side="delight") is None
        import_file(p, _crafted_file(tmp_path))  # imported, not analysed
        assert W.word_frequencies(p, side="pain") == []
        assert W.both_png(p) == {"delight": None, "pain": None}
    assert W.render_png([("枕", 3), ("布団", 2)], side="pain") is None  # too few words to say anything


def test_the_font_draws_japanese():
    path = W.japanese_font()
    assert path, "no Japanese font: install fonts-ipafont-gothic (make test does)"
    font = ImageFont.truetype(path, 40)

    def glyph(ch):
        m = font.getmask(ch)
        return m.size, bytes(m)

    box = glyph("\u0378")  # unassigned: the font's missing-glyph box
    assert glyph("配") != box and glyph("送") != box and glyph("配") != glyph("送")
    assert any(glyph("配")[1])
    # the check tells a font without Japanese (wordcloud's own DroidSansMono draws boxes)
    import wordcloud

    droid = str(Path(wordcloud.__file__).with_name("DroidSansMono.ttf"))
    assert not W._renders_japanese(droid)
    assert W._renders_japanese(path)


def test_no_japanese_font_is_a_clear_error(sample, monkeypatch):
    monkeypatch.setattr(W, "japanese_font", lambda: None)
    with pytest.raises(UserError, match="日本語フォント"):
        W.wordcloud_png(sample, side="delight")
    with pytest.raises(UserError, match="no Japanese font"):
        W.wordcloud_png(sample, side="pain", lang="en")
    with pytest.raises(UserError):
        W.word_frequencies(sample, side="neutral")


def test_mixed_answer_tokens_split_by_sentence():
    text = "配送が早い。箱が潰れた"
    toks = [["配送", "配送", "名詞"], ["早い", "早い", "形容詞"], ["箱", "箱", "名詞"], ["潰れ", "潰れる", "動詞"]]
    assert W._side_tokens(text, toks, [[0, 6]]) == toks[:2]
    assert W._side_tokens(text, toks, [[6, 11]]) == toks[2:]
    assert W._side_tokens(text, toks, []) == toks
