"""Word clouds of what delights and what hurts: the content words of the delight answers beside
those of the pain answers, drawn by the ``wordcloud`` library (PIL) with a Japanese font.

Words come from the stored tokens (``voc analyze``), the way the word views count them
(``nlp.words``): grouped by normalized form, shown in their display form (verbs and adjectives in
their dictionary form), without junk words (light verbs, fillers, bare counters, stopwords —
``nlp.words.is_junk``). A word's weight is the number of answers on that side that use it. A
mixed answer gives the words of its delight sentences to the delight side and those of its pain
sentences to the pain side (the whole answer when no sentence carries that side on its own),
as the topic maps do; non-answers (「特になし」) count nowhere.

The picture is deterministic (fixed seed, fixed font, horizontal words only) and uses a font
that has Japanese glyphs: the one bundled in ``resources/fonts`` (the desktop build), else a
system CJK font (fontconfig, then the usual Windows / macOS / Linux font files); without one it
raises a ``UserError`` rather than drawing boxes. Module-level functions with plain results
(``bytes``, lists of tuples), callable from a background job or another process.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import types
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from base.errors import UserError
from base.progress import Progress
from base.resources import resource_path
from nlp import words as nw
from voc_app.store import Project
from voc_app.store import topics as st_topics
from voc_app.store import words as st_words
from voc_app.topics import side_units

SIDES = ("delight", "pain")
SEED = 7
MIN_WORDS = 5  # fewer distinct words than this: no picture (a cloud of two words says nothing)
BACKGROUND = "#FFFFFF"
# The app's one colour scheme (voc_app.gui.colors: delight green #59A14F, pain red #E15759):
# delight in the app's green with darker greens and teal, pain in the app's red with darker reds
# and orange. The most frequent words take the side's main colour; the rest cycle through the palette.
PALETTES = {
    "delight": ("#59A14F", "#3E8E5E", "#2E7D32", "#6A9F3A", "#3F8F8A", "#4C7A34"),
    "pain": ("#E15759", "#B03A3E", "#D9622B", "#8E2C48", "#C8553D", "#9C3D2E"),
}
_COUNTED = re.compile(r"\d+\D{0,2}$")  # a number with its counter (２人, 3個): says nothing alone
CHECK_TEXT = "配送"  # glyphs a usable font must have (and that a missing-glyph box would replace)

# Japanese fonts where operating systems put them (first found wins; fontconfig is asked first)
_SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/takao-gothic/TakaoPGothic.ttf",
    "/usr/share/fonts/truetype/vlgothic/VL-PGothic-Regular.ttf",
    "C:/Windows/Fonts/YuGothM.ttc",
    "C:/Windows/Fonts/meiryo.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


# ---------------------------------------------------------------- words

def _check_side(side: str) -> None:
    if side not in SIDES:
        raise UserError(f"side は {' / '.join(SIDES)} のどちらかです（{side!r}）")


def _token_offsets(text: str, tokens: Sequence[Sequence[str]]) -> list[int]:
    """Where each stored token starts in ``text`` (tokens are stored in text order, from the
    original text): found one after the other; one that cannot be found takes the last place."""
    out: list[int] = []
    pos = 0
    for t in tokens:
        i = text.find(t[0], pos)
        if i >= 0:
            pos = i + len(t[0])
            out.append(i)
        else:
            out.append(pos)
    return out


def _side_tokens(text: str, tokens: list, spans: list[list[int]]) -> list:
    """The tokens of a mixed answer that lie in this side's sentences (all of them without spans)."""
    if not spans:
        return tokens
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    out = []
    for tok, at in zip(tokens, _token_offsets(text, tokens), strict=True):
        k = bisect_right(starts, at) - 1
        if k >= 0 and at < spans[k][1]:
            out.append(tok)
    return out


def side_documents(project: Project, side: str, selected: bool = False) -> list[list[list[str]]]:
    """The stored content words (``[surface, normalized, pos]``) of each analysed answer on
    ``side``: a mixed answer's words of that side's sentences only. ``selected``: only the
    answers an export selected (``store.report.selection``)."""
    _check_side(side)
    rows = st_topics.side_rows(project.conn, side, selected)
    stored = st_words.tokens_by_id(project.conn, (r[0] for r in rows))
    docs = []
    for (vid, text, _polarity, _sentences), (_, _unit, spans) in zip(rows, side_units(rows, side), strict=True):
        toks = json.loads(stored.get(vid) or "[]")
        if toks:
            docs.append(_side_tokens(text, toks, spans))
    return docs


def word_frequencies(project: Project, progress: Progress | None = None, *, side: str,
                     top: int = 150, selected: bool = False) -> list[tuple[str, int]]:
    """The ``top`` content words of the delight (``side="delight"``) or pain answers, as
    (display form, number of answers on that side using it), most frequent first (ties by
    word). Verbs and adjectives in their dictionary form; junk and stop words left out."""
    _check_side(side)
    if progress:
        progress(None, "語を数えています")
    docs = side_documents(project, side, selected)
    from voc_app.synonyms import synonyms

    items, labels = nw.word_items(docs, drop_junk=True, canon=synonyms(project))  # 表記ゆれ: canonical forms
    counts: dict[str, int] = {}
    for s in items:
        for lemma in s:
            counts[lemma] = counts.get(lemma, 0) + 1
    # two lemmas may show the same way (書く / 描く as かく): one entry, the larger count
    shown: dict[str, int] = {}
    for lemma, n in counts.items():
        w = labels[lemma]
        if not _COUNTED.match(unicodedata.normalize("NFKC", w)):
            shown[w] = max(n, shown.get(w, 0))
    ranked = sorted(shown.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:top] if top else ranked


# ---------------------------------------------------------------- fonts

def _message(lang: str, ja: str, en: str) -> str:
    return en if lang == "en" else ja


@cache
def _renders_japanese(path: str) -> bool:
    """Whether the font at ``path`` (face 0) has real glyphs for 「配送」: each character must
    draw something, and differ from the other and from an unassigned code point's box."""
    from PIL import ImageFont

    try:
        font = ImageFont.truetype(path, 32)
    except (OSError, ValueError):
        return False

    def bitmap(ch: str) -> tuple:
        mask = font.getmask(ch)
        return mask.size, bytes(mask)

    missing = bitmap("\u0378")  # unassigned in Unicode: whatever the font draws for a missing glyph
    seen = [bitmap(ch) for ch in CHECK_TEXT]
    return all(any(b[1]) and b != missing for b in seen) and len(set(seen)) == len(seen)


def _bundled_fonts() -> list[str]:
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    return [str(f) for f in sorted(folder.iterdir()) if f.suffix.lower() in _FONT_SUFFIXES]


def _fontconfig_fonts() -> list[str]:
    exe = shutil.which("fc-match")
    if not exe:
        return []
    out: list[str] = []
    for pattern in ("IPAPGothic:lang=ja", "IPAGothic:lang=ja", "sans-serif:lang=ja"):
        try:
            res = subprocess.run([exe, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return out
        path = res.stdout.strip()
        if res.returncode == 0 and path and path not in out:
            out.append(path)
    return out


@cache
def japanese_font() -> str | None:
    """The font file word clouds use: the bundled Japanese font when present, else a system CJK
    font, else None. Only fonts that really draw Japanese (``_renders_japanese``)."""
    candidates = _bundled_fonts() + _fontconfig_fonts()
    windir = os.environ.get("WINDIR")
    system = list(_SYSTEM_FONTS)
    if windir and sys.platform == "win32":
        system = [p.replace("C:/Windows", windir.replace("\\", "/")) for p in system]
    candidates += [p for p in system if Path(p).is_file()]
    for path in candidates:
        if Path(path).suffix.lower() in _FONT_SUFFIXES and _renders_japanese(path):
            return path
    return None


def _font_or_raise(lang: str) -> str:
    path = japanese_font()
    if path is None:
        raise UserError(_message(
            lang,
            "ワードクラウドを描けません: 日本語フォントが見つかりません"
            "（Debian / Ubuntu: sudo apt-get install fonts-ipafont-gothic）",
            "Cannot draw the word cloud: no Japanese font found"
            " (Debian / Ubuntu: sudo apt-get install fonts-ipafont-gothic)"))
    return path


# ---------------------------------------------------------------- pictures

def _box_draw_module():
    """A stand-in for ``PIL.ImageDraw`` whose drawings mark a word's whole box, not only its
    ink. wordcloud finds free places on an image of the ink drawn so far, so a word could land
    inside another's gaps: 「SNS」 between the シ and the ト of a big シート, 「紹介」 over the
    ー of カバー — fine for Latin words, unreadable for Japanese."""
    from PIL import ImageDraw

    class BoxDraw(ImageDraw.ImageDraw):
        def text(self, xy, text, fill=None, font=None, *args, **kwargs):
            self.rectangle(self.textbbox(xy, text, font=font), fill=fill)

    return types.SimpleNamespace(Draw=lambda im, mode=None: BoxDraw(im, mode))


@cache
def _cloud_class():
    """``wordcloud.WordCloud`` whose layout (``generate_from_frequencies``) reserves each
    placed word's box (``_box_draw_module``): the library's own layout code, run with that
    stand-in as its ``ImageDraw`` (nothing of the library is changed for anyone else; the
    picture itself is drawn by the library's ``to_image`` as usual). Should a later wordcloud
    no longer draw through a module-level ``ImageDraw``, its own class is used as it is."""
    import wordcloud.wordcloud as wcm
    from wordcloud import WordCloud

    base = WordCloud.generate_from_frequencies
    if "ImageDraw" not in wcm.__dict__ or base.__closure__:
        return WordCloud
    scope = dict(wcm.__dict__, ImageDraw=_box_draw_module())
    layout = types.FunctionType(base.__code__, scope, base.__name__, base.__defaults__)
    layout.__kwdefaults__ = base.__kwdefaults__
    layout.__doc__ = base.__doc__
    return type("BoxedWordCloud", (WordCloud,), {"generate_from_frequencies": layout})


class _Colours:
    """Colour by rank: the top words in the side's main colour, the rest through its palette,
    each word always the same colour (picklable, no randomness)."""

    def __init__(self, side: str, ranks: dict[str, int]):
        self.palette = PALETTES[side]
        self.ranks = ranks

    def __call__(self, word, font_size=None, position=None, orientation=None, random_state=None, **kwargs) -> str:
        r = self.ranks.get(word, 0)
        return self.palette[0] if r < 3 else self.palette[r % len(self.palette)]


def layout(frequencies: Sequence[tuple[str, int]], *, side: str, width: int = 800, height: int = 500,
           lang: str = "ja"):
    """The laid-out ``wordcloud.WordCloud`` of ``frequencies`` ((word, weight), any order; its
    ``layout_`` says where each word went), or None when there are fewer than ``MIN_WORDS``
    words. Horizontal words only (Japanese turned on its side reads badly), the side's colours,
    a fixed seed. The words that no longer fit at the smallest size are left out."""
    _check_side(side)
    freq = {w: n for w, n in frequencies if w and n > 0}
    if len(freq) < MIN_WORDS:
        return None
    if width < 50 or height < 50:
        raise UserError(_message(lang, f"ワードクラウドの大きさが小さすぎます（{width}×{height}）",
                                 f"The word cloud is too small ({width}×{height})"))
    font = _font_or_raise(lang)
    ordered = dict(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
    ranks = {w: i for i, w in enumerate(ordered)}
    cloud = _cloud_class()(
        font_path=font, width=width, height=height, background_color=BACKGROUND, mode="RGB",
        prefer_horizontal=1.0, max_words=len(freq), random_state=SEED, color_func=_Colours(side, ranks),
        min_font_size=12, max_font_size=max(24, int(height * 0.24)), relative_scaling=0.5,
        margin=4, collocations=False, normalize_plurals=False, include_numbers=True, stopwords=set(),
    )
    # wordcloud sorts by weight (a stable sort): equal weights keep this order, by word
    return cloud.generate_from_frequencies(ordered)


def render_png(frequencies: Sequence[tuple[str, int]], *, side: str, width: int = 800, height: int = 500,
               lang: str = "ja") -> bytes | None:
    """A word cloud of ``frequencies`` ((word, weight), any order) as PNG bytes of ``width`` ×
    ``height`` pixels; None when there are fewer than ``MIN_WORDS`` words."""
    cloud = layout(frequencies, side=side, width=width, height=height, lang=lang)
    if cloud is None:
        return None
    buf = io.BytesIO()
    cloud.to_image().save(buf, format="PNG")
    return buf.getvalue()


def wordcloud_png(project: Project, progress: Progress | None = None, *, side: str, width: int = 800,
                  height: int = 500, lang: str = "ja", top: int = 150, selected: bool = False) -> bytes | None:
    """The word cloud of one side (``"delight"`` or ``"pain"``) as PNG bytes, ``width`` ×
    ``height`` pixels; None when that side has too few words (nothing analysed yet, or fewer
    than ``MIN_WORDS`` distinct words). The same project gives the same bytes every time."""
    freq = word_frequencies(project, progress, side=side, top=top, selected=selected)
    if progress:
        progress(None, "ワードクラウドを描いています")
    return render_png(freq, side=side, width=width, height=height, lang=lang)


def both_png(project: Project, progress: Progress | None = None, *, width: int = 800, height: int = 500,
             lang: str = "ja", top: int = 150) -> dict[str, bytes | None]:
    """Both word clouds, ``{"delight": png or None, "pain": png or None}`` (for the workbook and
    the app's view side by side)."""
    out: dict[str, bytes | None] = {}
    for k, side in enumerate(SIDES):
        if progress:
            progress(k / len(SIDES), f"ワードクラウド（{'喜び' if side == 'delight' else '不満'}）")
        out[side] = wordcloud_png(project, None, side=side, width=width, height=height, lang=lang, top=top)
    if progress:
        progress(1.0, "完了")
    return out
