"""表記ゆれ (spelling variants) of a project: word → canonical form (issue 24).

The project's groups are user judgements (table ``synonyms``); the shipped defaults
(``resources/synonyms/ja_variants.tsv``: 送り仮名, 長音, かな・漢字 spellings of one word, never
words of related meaning) apply unless the project switches them off, and a project group wins
over a default one for the same word (a word mapped to itself leaves its default group).

Every word view reads through :func:`synonyms` (``nlp.synonyms.Synonyms``): word frequencies,
KWIC and co-occurrence networks (``voc_app.coding``), word clouds, topic words and keywords
(``voc_app.topics``) and coding-rule words (a rule 「問い合わせ」 also matches 問合せ). The stored
text never changes; views re-query.

Operations take ``(project, progress=None, **kw)`` and return picklable results: the app runs
them as background jobs. Writing the groups out as CSV is ``voc_app.coding.export_synonyms`` (the
word views' tables live there; the export package reads topics, which read this module).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from base.errors import InputError
from base.progress import Progress
from base.resources import resource_path
from nlp.synonyms import Synonyms, build, clean, read_defaults
from voc_app.store import Project, transaction
from voc_app.store import synonyms as st

DEFAULTS_FILE = ("synonyms", "ja_variants.tsv")
MAX_CHARS = 100
WORD_HEADERS = ("word", "語", "表記", "variant")
CANONICAL_HEADERS = ("canonical", "代表形", "正規形", "canonical_form")


@dataclass
class SynonymGroup:
    canonical: str
    words: list[str]  # the spellings shown as the canonical form (without it)
    source: str  # "project" (the project's own) or "default" (shipped)


@dataclass
class SynonymTable:
    """What the app's synonym editor shows: the project's groups, then the shipped ones in effect."""
    groups: list[SynonymGroup] = field(default_factory=list)
    defaults_on: bool = True
    project_words: int = 0  # rows of the project's own table
    default_words: int = 0  # spellings of the shipped list (whether on or off)


@cache
def default_pairs() -> tuple[tuple[str, str], ...]:
    """(word, canonical) of the shipped list."""
    with open(resource_path(*DEFAULTS_FILE), encoding="utf-8") as f:
        return tuple((clean(w), clean(c)) for w, c in read_defaults(f))


def _grouped(pairs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w, c in pairs:
        if w != c:
            out.setdefault(c, []).append(w)
    return out


def synonym_table(project: Project, progress: Progress | None = None) -> SynonymTable:
    """The project's groups (by canonical form) and, when on, the shipped groups a project group
    does not override."""
    own = st.pairs(project.conn)
    on = st.defaults_on(project.conn)
    groups = [SynonymGroup(c, sorted(ws), "project") for c, ws in sorted(_grouped(own).items())]
    if on:
        taken = {w for w, _ in own} | {c for _, c in own}
        for c, ws in _grouped(default_pairs()).items():
            left = [w for w in ws if w not in taken]
            if left and c not in {w for w, _ in own}:
                groups.append(SynonymGroup(c, left, "default"))
    return SynonymTable(groups, on, len(own), len(default_pairs()))


def list_synonyms(project: Project, progress: Progress | None = None) -> list[SynonymGroup]:
    return synonym_table(project).groups


# --- the mapping the views read ------------------------------------------------------------------

@lru_cache(maxsize=8)
def _built(pairs: tuple[tuple[str, str], ...], user_dic: str | None) -> Synonyms:
    from nlp import tokenize
    from nlp.coderules import lemma_forms

    before = tokenize._user_dic  # a caller may be tokenizing with the project's dictionary already
    tokenize.use_user_dictionary(user_dic)  # words are looked up as the analysis tokenized them
    try:
        return build(pairs, lemma_forms)
    finally:
        tokenize.use_user_dictionary(before)


def synonyms(project: Project) -> Synonyms | None:
    """The groups in effect (shipped defaults unless off, then the project's own), or None when
    there are none. Built once per set of groups (cached)."""
    from voc_app.analysis import user_dictionary

    own = tuple(st.pairs(project.conn))
    taken = {w for w, _ in own} | {c for _, c in own}  # a project group wins over the shipped ones
    shipped = tuple(p for p in default_pairs() if p[0] not in taken) if st.defaults_on(project.conn) else ()
    pairs = shipped + own
    if not pairs:
        return None
    syn = _built(pairs, user_dictionary(project)[0])
    return syn or None


def canonical_word(project: Project, word: str) -> str:
    """A word as the views show it (its canonical form, or itself)."""
    syn = synonyms(project)
    if syn is None:
        return word
    from nlp.coderules import lemma_forms

    return syn.word(word, lemma_forms)


# --- edits (each one transaction) ------------------------------------------------------------------

def _check_cell(value: str, column: str, row: int | None = None, file: str | None = None) -> str:
    v = clean(value or "")
    if v.startswith("'") and v[1:2] in ("=", "+", "-", "@"):
        v = v[1:]  # what our CSV writers prefix to formula-like text
    if not v:
        raise InputError("空です", file=file, row=row, column=column, hint="語と代表形の両方を書いてください")
    if len(v) > MAX_CHARS:
        raise InputError(f"{MAX_CHARS} 文字を超えています", file=file, row=row, column=column)
    return v


def _check_table(table: dict[str, str], where: dict[str, int] | None = None, file: str | None = None) -> None:
    """One level only: a canonical form must not itself be a variant of another one."""
    for w, c in table.items():
        if c != w and c in table and table[c] != c:
            raise InputError(f"代表形「{c}」は「{table[c]}」の表記ゆれとして登録されています",
                             file=file, row=(where or {}).get(w), column="canonical",
                             hint=f"代表形を「{table[c]}」にしてください")


def set_group(project: Project, progress: Progress | None = None, *, canonical: str, words: list[str]) -> SynonymGroup:
    """Make ``words`` the project's spellings of ``canonical`` (replacing its earlier ones; a word
    of another group moves here). Returns the group."""
    c = _check_cell(canonical, "canonical")
    ws = list(dict.fromkeys(w for w in (_check_cell(x, "word") for x in words) if w != c))
    table = dict(st.pairs(project.conn))
    for w in [w for w, k in table.items() if k == c]:
        del table[w]
    table.update({w: c for w in ws})
    if c in table and table[c] != c:
        raise InputError(f"「{c}」は「{table[c]}」の表記ゆれとして登録されています",
                         hint=f"「{table[c]}」のグループに加えるか、先にそちらから外してください")
    for w in ws:
        if any(k == w for x, k in table.items() if x != w):
            raise InputError(f"「{w}」は他の語の代表形です", hint="そのグループを先に外してください")
    _check_table(table)
    with transaction(project.conn):
        st.delete_groups(project.conn, [c])
        st.upsert(project.conn, [(w, c) for w in ws])
    return SynonymGroup(c, sorted(ws), "project")


def set_synonym(project: Project, progress: Progress | None = None, *, word: str, canonical: str) -> None:
    """Add one spelling to a group (``word`` = ``canonical`` takes the word out of a default group)."""
    w, c = _check_cell(word, "word"), _check_cell(canonical, "canonical")
    table = dict(st.pairs(project.conn))
    table[w] = c
    if w != c and any(k == w for x, k in table.items() if x != w):
        raise InputError(f"「{w}」は他の語の代表形です", hint="そのグループを先に外してください")
    _check_table(table)
    with transaction(project.conn):
        st.upsert(project.conn, [(w, c)])


def remove_group(project: Project, progress: Progress | None = None, *, canonical: str) -> int:
    """Delete the project's group of ``canonical``; returns the spellings removed."""
    with transaction(project.conn):
        return st.delete_groups(project.conn, [clean(canonical)])


def remove_words(project: Project, progress: Progress | None = None, *, words: list[str]) -> int:
    with transaction(project.conn):
        return st.delete_words(project.conn, [clean(w) for w in words])


def set_defaults(project: Project, progress: Progress | None = None, *, on: bool) -> bool:
    """Switch the shipped groups on or off for this project. Returns the new state."""
    with transaction(project.conn):
        st.set_defaults_on(project.conn, on)
    return on


# --- CSV exchange (header ``word,canonical``; UTF-8 with or without BOM) ----------------------------

@dataclass
class SynonymImport:
    rows: int  # pairs read
    added: int  # new spellings
    changed: int  # spellings moved to another canonical form
    unchanged: int
    replaced: bool  # the project's table was emptied first


def read_synonyms_csv(path: str | Path) -> list[tuple[int, str, str]]:
    """(row number, word, canonical) of a ``word,canonical`` CSV; InputError naming the file, row
    and column for what cannot be used."""
    p = Path(path)
    name = p.name
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"読めません（{e.strerror or e}）", file=name) from e
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError("UTF-8 ではありません", file=name, row=raw[:e.start].count(b"\n") + 1,
                         hint="UTF-8（BOM 付きでも可）で保存し直してください") from e
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("空のファイルです", file=name, hint="1 行目に word,canonical と書いてください") from None
    except csv.Error as e:
        raise InputError(f"CSV として読めません（{e}）", file=name, row=1) from e
    heads = [clean(h).lower() for h in header]
    try:
        wi = next(i for i, h in enumerate(heads) if h in WORD_HEADERS)
        ci = next(i for i, h in enumerate(heads) if h in CANONICAL_HEADERS)
    except StopIteration:
        raise InputError(f"見出し行に word と canonical の列がありません（{', '.join(header) or '空'}）", file=name, row=1,
                         hint="1 行目を word,canonical にしてください") from None
    out: list[tuple[int, str, str]] = []
    seen: dict[str, tuple[int, str]] = {}
    try:
        for n, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(wi, ci):
                missing = header[ci] if len(row) <= ci else header[wi]
                raise InputError("列が足りません", file=name, row=n, column=missing)
            w = _check_cell(row[wi], header[wi], n, name)
            c = _check_cell(row[ci], header[ci], n, name)
            if w in seen and seen[w][1] != c:
                raise InputError(f"「{w}」が {seen[w][0]} 行目では「{seen[w][1]}」、ここでは「{c}」になっています",
                                 file=name, row=n, column=header[ci], hint="1 つの語には代表形を 1 つだけ書いてください")
            seen[w] = (n, c)
            out.append((n, w, c))
    except csv.Error as e:
        raise InputError(f"CSV として読めません（{e}）", file=name, row=reader.line_num) from e
    return out


def import_synonyms(project: Project, path: str | Path, progress: Progress | None = None, *,
                    replace: bool = False) -> SynonymImport:
    """Add the pairs of a ``word,canonical`` CSV to the project's groups (``replace``: instead of
    them). Nothing is written when a row is bad (InputError with the row and column). One transaction."""
    rows = read_synonyms_csv(path)
    before = {} if replace else dict(st.pairs(project.conn))
    table = dict(before)
    where = {}
    for n, w, c in rows:
        table[w] = c
        where[w] = n
    canon = {c for w, c in table.items() if w != c}
    for n, w, c in rows:
        if w != c and w in canon:
            raise InputError(f"「{w}」は他の語の代表形です", file=Path(path).name, row=n, column="word",
                             hint="代表形は他の行の表記ゆれにできません")
    _check_table(table, where, Path(path).name)
    new = {w: c for _, w, c in rows}
    old = dict(st.pairs(project.conn))
    added = sum(1 for w in new if w not in old)
    changed = sum(1 for w, c in new.items() if w in old and old[w] != c)
    with transaction(project.conn):
        if replace:
            st.delete_all(project.conn)
        st.upsert(project.conn, list(new.items()))
    return SynonymImport(len(new), added, changed, len(new) - added - changed, replace)


def synonym_rows(project: Project, progress: Progress | None = None, *,
                 include_defaults: bool = False) -> list[tuple[str, str]]:
    """(word, canonical) of the project's groups (and with ``include_defaults`` the shipped ones in
    effect): what ``voc_app.coding.export_synonyms`` writes (this module imports no writer: the
    export package reads topics, which read this)."""
    rows = st.pairs(project.conn)
    if include_defaults:
        rows = rows + [(w, g.canonical) for g in synonym_table(project).groups if g.source == "default"
                       for w in g.words]
    return rows
