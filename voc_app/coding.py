"""Researchers' coding, as plain functions over a project (the CLI and the app call these):
codebook edits with undo / redo, coding whole verbatims or spans per coder, memos, rule-based
auto-coding on Sudachi tokens (``nlp.coderules``), topics turned into codes, inter-coder
agreement (``nlp.agreement``), word views and code analyses (``nlp.words``), codebook
exchange (REFI-QDA ``.qdc`` and CSV) and coded-data export.

The app's operations at the end (``coding_state``, ``rule_preview``, …) take
``(project, progress=None, **kwargs)``: the GUI runs them as background jobs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from base.progress import Progress
from importers.codebook import CodeSpec, read_codebook, walk
from nlp import agreement as agr
from nlp import coderules, words
from voc_app.store import Project
from voc_app.store import coding as st
from voc_app.store import words as stw
from voc_app.store.coding import (  # noqa: F401 - re-exported
    AUTO_CODER,
    CodePair,
    CodingError,
    Memo,
    VerbatimToCode,
    subtree_of,
)

RULE_CHUNK = 100_000


def _synonyms(project: Project):
    """The project's 表記ゆれ groups in effect (``voc_app.synonyms``), None without any."""
    from voc_app.synonyms import synonyms

    return synonyms(project)


# --- codebook ---------------------------------------------------------------------------------

def add_code(project: Project, name: str, parent: int | None = None, **fields) -> int:
    with st.editing(project.conn, "コードを追加", {"name": name}) as e:
        if fields.get("rule"):
            coderules.parse(fields["rule"])
        return st.insert_code(project.conn, e, name, parent_id=parent, **fields)


def update_code(project: Project, code_id: int, **fields) -> None:
    if fields.get("rule"):
        coderules.parse(fields["rule"])
    action = "コード名を変更" if set(fields) == {"name"} else "コードを移動" if set(fields) == {"parent_id"} else "コードを編集"
    with st.editing(project.conn, action, {"code": code_id, **{k: str(v) for k, v in fields.items()}}) as e:
        st.update_code(project.conn, e, code_id, **fields)


def rename_code(project: Project, code_id: int, name: str) -> None:
    update_code(project, code_id, name=name)


def move_code(project: Project, code_id: int, parent: int | None) -> None:
    update_code(project, code_id, parent_id=parent)


def merge_codes(project: Project, keep: int, others: list[int]) -> int:
    with st.editing(project.conn, "コードを統合", {"keep": keep, "others": others}) as e:
        return st.merge_codes(project.conn, e, keep, others)


def delete_code(project: Project, code_id: int) -> int:
    with st.editing(project.conn, "コードを削除", {"code": code_id}) as e:
        return st.delete_code(project.conn, e, code_id)


def undo(project: Project) -> str | None:
    return st.undo(project.conn)


def redo(project: Project) -> str | None:
    return st.redo(project.conn)


def codebook(project: Project) -> list[dict]:
    """The codebook in tree order; per code ``count`` (verbatims coded with it, accepted or
    pending), ``has_children`` and ``total``: the distinct verbatims coded with it or any of its
    sub-codes (a parent's own count is often 0; ``total`` = ``count`` for a code without sub-codes)."""
    book = st.codes(project.conn)
    parents = {c["parent_id"] for c in book if c["parent_id"] is not None}
    for c in book:
        c["has_children"] = c["id"] in parents
        c["total"] = (len(set(st.code_verbatim_ids(project.conn, c["id"], with_children=True))) if c["has_children"]
                      else c["count"])
    return book


# --- coding -----------------------------------------------------------------------------------

def tag(project: Project, verbatim_id: int, code_id: int, coder: str, start: int | None = None,
        end: int | None = None) -> int | None:
    """Code a whole verbatim (no span) or the characters ``start:end`` of its text. Returns the
    coding id (None when this coder already has exactly this coding)."""
    conn = project.conn
    text = st.verbatim_text(conn, verbatim_id)
    if text is None:
        raise CodingError(f"発言 {verbatim_id} はありません")
    st.code(conn, code_id)
    if (start is None) != (end is None):
        raise CodingError("範囲は開始と終了の両方を指定してください")
    if start is not None:
        if not 0 <= start < end <= len(text):
            raise CodingError(f"範囲 {start}:{end} が発言の長さ {len(text)} 文字を超えています")
        if start == 0 and end == len(text):
            start = end = None
    cid = st.coder_id(conn, coder)
    with st.editing(conn, "コードを付与", {"verbatim": verbatim_id, "code": code_id}) as e:
        ids = st.insert_codings(conn, e, [(code_id, verbatim_id, cid, start, end)])
        st.mark_reviewed(conn, cid, [verbatim_id])
    return ids[0] if ids else None


def untag(project: Project, coding_ids: list[int]) -> int:
    with st.editing(project.conn, "コードを外す", {"codings": coding_ids}) as e:
        return st.delete_codings(project.conn, e, coding_ids)


def review_auto(project: Project, coding_ids: list[int], accept: bool) -> int:
    """Accept or reject auto-codes (rejected ones are kept so that re-applying a rule does not
    bring them back)."""
    with st.editing(project.conn, "自動コードを承認" if accept else "自動コードを却下", {"codings": coding_ids}) as e:
        return st.set_state(project.conn, e, coding_ids, "accepted" if accept else "rejected")


def mark_reviewed(project: Project, verbatim_ids: list[int], coder: str, reviewed: bool = True) -> None:
    """Record that a coder went through verbatims (also when no code applies): the units of
    agreement."""
    cid = st.coder_id(project.conn, coder)
    with st.transaction(project.conn):
        st.mark_reviewed(project.conn, cid, verbatim_ids, reviewed)


def set_memo(project: Project, target: str, target_id: int, text: str, coder: str | None = None) -> None:
    if target not in ("project", "code", "verbatim"):
        raise CodingError("メモの対象は project / code / verbatim です")
    cid = st.coder_id(project.conn, coder) if coder else None
    with st.editing(project.conn, "メモを編集", {"target": target, "id": target_id}) as e:
        st.set_memo(project.conn, e, target, target_id, cid, text)


# --- rules ------------------------------------------------------------------------------------

@dataclass
class RuleResult:
    rule: str
    matches: int = 0
    total: int = 0
    sample: list[int] = field(default_factory=list)  # first matching verbatim ids
    added: int = 0  # auto-codes created (pending)
    removed: int = 0  # pending auto-codes that no longer match
    kept: int = 0  # accepted / rejected / pending auto-codes still matching


def _lookup_factory(project: Project) -> Callable[[str, str], np.ndarray | None]:
    """Ids matching topic / attr / code conditions, as sorted arrays (answered once per rule set)."""
    conn = project.conn
    cache: dict[tuple[str, str], np.ndarray] = {}

    def ids(field_: str, value: str) -> np.ndarray | None:
        key = (field_, value)
        if key in cache:
            return cache[key]
        found = st.condition_ids(conn, field_, value)
        if found is None:
            return None
        cache[key] = np.unique(np.fromiter(found, dtype=np.int64))
        return cache[key]

    return ids


def evaluate_rules(project: Project, rules: dict[int | str, str], progress: Progress | None = None
                   ) -> tuple[np.ndarray, dict[int | str, np.ndarray]]:
    """Evaluate rules over every answer (non-answers excluded) in chunks; returns the verbatim
    ids and, per rule key, a boolean array over them."""
    from voc_app.analysis import user_dictionary

    parsed = {k: coderules.parse(r) for k, r in rules.items()}
    syn = _synonyms(project)  # 表記ゆれ: a rule word also matches its group's other spellings
    need = {"text", "tokens"}
    for node in parsed.values():
        for leaf in coderules.leaves(node):
            if isinstance(leaf, coderules.Field) and leaf.name in st.RULE_COLUMNS:
                need.add(leaf.name)
            if isinstance(leaf, coderules.Field) and leaf.name == "signal":
                need.add(leaf.value)
    cols = sorted(need)
    from nlp.tokenize import use_user_dictionary

    use_user_dictionary(user_dictionary(project)[0])
    lemma_cache: dict[str, list[str]] = {}

    def lemma(w: str) -> list[str]:
        if w not in lemma_cache:
            lemma_cache[w] = coderules.lemma_forms(w)
        return lemma_cache[w]

    lookup_ids = _lookup_factory(project)
    conn = project.conn
    total = st.answer_count(conn)
    all_ids: list[np.ndarray] = []
    hits: dict[int | str, list[np.ndarray]] = {k: [] for k in parsed}
    try:
        for chunk in st.rule_chunks(conn, cols, RULE_CHUNK):
            chunk_ids = np.fromiter(chunk.ids, dtype=np.int64, count=len(chunk.ids))
            data = chunk.columns
            data["tokens"] = [t or "" for t in data["tokens"]]

            def lookup(f: str, v: str, chunk_ids=chunk_ids) -> np.ndarray | None:
                got = lookup_ids(f, v)
                return None if got is None else np.isin(chunk_ids, got, assume_unique=False)

            corpus = coderules.Corpus(tokens_json=data.pop("tokens"), texts=data.pop("text"), columns=data,
                                      lookup=lookup, lemma=lemma, synonyms=syn)
            all_ids.append(chunk_ids)
            coderules.prefetch_words(list(parsed.values()), corpus)
            for k, node in parsed.items():
                hits[k].append(coderules.evaluate(node, corpus))
            if progress:
                progress(sum(len(a) for a in all_ids) / max(total, 1), f"ルールを評価中 {sum(len(a) for a in all_ids):,} 件")
    finally:
        use_user_dictionary(None)
    ids = np.concatenate(all_ids) if all_ids else np.zeros(0, dtype=np.int64)
    return ids, {k: (np.concatenate(v) if v else np.zeros(0, dtype=bool)) for k, v in hits.items()}


def preview_rule(project: Project, rule: str, *, sample: int = 50, progress: Progress | None = None) -> RuleResult:
    ids, hits = evaluate_rules(project, {0: rule}, progress)
    m = ids[hits[0]]
    return RuleResult(rule=rule, matches=int(m.size), total=int(ids.size), sample=[int(x) for x in m[:sample]])


def apply_rules(project: Project, code_ids: list[int] | None = None, progress: Progress | None = None
                ) -> dict[int, RuleResult]:
    """Auto-code with the rules of the codebook (all codes with a rule, or ``code_ids``): new
    matches become pending auto-codes of the coder 「自動コーディング」; pending ones that no
    longer match are removed; accepted and rejected ones stay. One undo step."""
    conn = project.conn
    book = {c["id"]: c for c in st.codes(conn)}
    chosen = [c for c in (code_ids or list(book)) if book.get(c, {}).get("rule")]
    if code_ids:
        missing = [c for c in code_ids if c not in book or not book[c].get("rule")]
        if missing:
            raise CodingError(f"ルールのないコードです: {', '.join(str(m) for m in missing)}")
    if not chosen:
        return {}
    ids, hits = evaluate_rules(project, {c: book[c]["rule"] for c in chosen},
                               (lambda f, m: progress(f * 0.8 if f is not None else None, m)) if progress else None)
    auto = st.coder_id(conn, AUTO_CODER)
    out: dict[int, RuleResult] = {}
    with st.editing(conn, "ルールで自動コーディング", {"codes": chosen}) as e:
        for n, c in enumerate(chosen):
            matched = set(ids[hits[c]].tolist())
            existing = st.auto_codings(conn, c)
            stale = [cid for v, (cid, state) in existing.items() if state == "pending" and v not in matched]
            new = sorted(matched - set(existing))
            st.delete_codings(conn, e, stale)
            added = st.insert_codings(conn, e, [(c, v, auto, None, None) for v in new], source="rule", state="pending")
            out[c] = RuleResult(rule=book[c]["rule"], matches=len(matched), total=int(ids.size),
                                sample=sorted(matched)[:20], added=len(added), removed=len(stale),
                                kept=len(matched & set(existing)))
            if progress:
                progress(0.8 + 0.2 * (n + 1) / len(chosen), f"自動コードを保存中 {book[c]['name']}")
    return out


def topic_to_code(project: Project, topic_id: int, name: str | None = None, parent: int | None = None) -> int:
    """A topic becomes a code: its answers are auto-coded (source 'topic', pending review)."""
    conn = project.conn
    topic = st.active_topic(conn, topic_id)
    if topic is None:
        raise CodingError(f"トピック {topic_id} はありません")
    members = st.topic_verbatim_ids(conn, topic_id)
    auto = st.coder_id(conn, AUTO_CODER)
    label = name or topic.label
    with st.editing(conn, "トピックをコードに", {"topic": topic_id}) as e:
        cid = st.insert_code(conn, e, label, parent_id=parent,
                             description=f"{'喜び' if topic.side == 'delight' else '不満' if topic.side == 'pain' else ''}"
                                         f"トピック「{topic.label}」から作成",
                             examples=st.topic_quotes(conn, topic_id, 3))
        st.insert_codings(conn, e, [(cid, v, auto, None, None) for v in members], source="topic", state="pending")
    return cid


# --- agreement --------------------------------------------------------------------------------

def agreement(project: Project, coders: list[str], include_pending: bool = False) -> agr.AgreementReport:
    conn = project.conn
    known = {c.name: c.id for c in st.coders(conn)}
    missing = [c for c in coders if c not in known]
    if missing:
        raise CodingError(f"コーダーがいません: {', '.join(missing)}（登録済み: {', '.join(known) or 'なし'}）")
    if len(set(coders)) < 2:
        raise CodingError("一致率には 2 人以上のコーダーが要ります")
    coded = {c: st.coder_codes(conn, known[c], include_pending) for c in coders}
    reviewed = {c: st.reviewed(conn, known[c]) | set(coded[c]) for c in coders}
    codes = sorted({k for per in coded.values() for s in per.values() for k in s})
    return agr.agreement(coded, reviewed, codes)


# --- analyses ---------------------------------------------------------------------------------

@dataclass
class CrossTab:
    by: str
    codes: list[dict]  # the codebook rows in tree order
    columns: list[str]
    counts: list[list[int]]  # per code, per column: verbatims
    totals: list[int]  # answers per column
    percent: list[list[float]]  # share of the column's answers
    residual: list[list[float]]  # adjusted standardized residual of "coded" vs "not coded"


def crosstab(project: Project, by: str, include_pending: bool = True, coder: str | None = None, *,
             progress: Progress | None = None) -> CrossTab:
    """Code × attribute: verbatims per code (a parent with its sub-codes, without a ``coder``) and
    value of ``by`` (polarity, stage, month,
    question, source, nps_group, rfm_segment, segment or a response / customer attribute), the
    share of the value's answers and the adjusted residual of a 2×k table per code (a code is
    not exclusive, so each code is tested against the answers without it)."""
    if progress:
        progress(None, "クロス集計")
    conn = project.conn
    cid = st.coder_id(conn, coder) if coder else None
    book = st.codes(conn)
    totals_map = st.totals_by(conn, by)
    counts_map: dict[tuple[int, str], int] = {}
    for c, v, n in st.code_counts_by(conn, by, include_pending=include_pending, coder=cid):
        counts_map[c, v] = n
    cols = sorted(totals_map, key=lambda v: (v == "", v))
    totals = [totals_map[v] for v in cols]
    # a parent code's row counts its sub-codes' verbatims too (distinct), as the codebook does
    parents = {c["parent_id"] for c in book if c["parent_id"] is not None}
    for c in book:
        c["has_children"] = c["id"] in parents
        if c["has_children"] and cid is None:
            for v in cols:
                counts_map[c["id"], v] = len(set(st.code_verbatim_ids(conn, c["id"], by=by, value=v, with_children=True,
                                                                      include_pending=include_pending)))
    counts = [[counts_map.get((c["id"], v), 0) for v in cols] for c in book]
    percent = [[round(100.0 * n / t, 1) if t else 0.0 for n, t in zip(row, totals, strict=True)] for row in counts]
    residual = [words.residuals([row, [t - n for n, t in zip(row, totals, strict=True)]])[0] for row in counts]
    return CrossTab(by, book, [v or "（なし）" for v in cols], counts, totals, percent, residual)


def code_cooccurrence(project: Project, *, min_freq: int = 1, edges: int = 60) -> words.Network:
    conn = project.conn
    names = {c["id"]: c["name"] for c in st.codes(conn)}
    sets = st.code_sets(conn)
    return words.cooccurrence(sets.values(), names, min_freq=min_freq, edges=edges)


def word_frequency(project: Project, *, pos: str | None = None, by: str | None = None, top: int = 200,
                   ids: list[int] | None = None) -> list[words.WordCount]:
    """Frequency list over the stored tokens (run ``voc analyze`` first), through the project's
    表記ゆれ groups (a group counts as its canonical form)."""
    syn = _synonyms(project)
    if by:
        pairs = [(json.loads(t), g) for t, g in stw.token_lists_by(project.conn, by, ids)]
        return words.frequency((p[0] for p in pairs), (p[1] for p in pairs), pos=pos, top=top, canon=syn)
    return words.frequency((json.loads(t) for t in stw.token_lists(project.conn, ids)), pos=pos, top=top, canon=syn)


def word_network(project: Project, *, pos: str | None = None, min_freq: int = 5, edges: int = 60,
                 ids: list[int] | None = None) -> words.Network:
    """Co-occurrence network of words (lemmas, shown in their most frequent display form: verbs
    and adjectives in their dictionary form)."""
    docs = []
    surfaces: dict[str, dict[str, int]] = {}
    syn = _synonyms(project)
    for t in stw.token_lists(project.conn, ids):
        lemmas = set()
        for s, n, p in (syn.tokens(json.loads(t)) if syn else json.loads(t)):
            if pos and p != pos:
                continue
            lemmas.add(n)
            d = surfaces.setdefault(n, {})
            shown = words.display_form(s, n, p)  # 送っ → 送る: a word, not a stem
            d[shown] = d.get(shown, 0) + 1
        docs.append(lemmas)
    labels = {n: max(d, key=d.get) for n, d in surfaces.items()}
    return words.cooccurrence(docs, labels, min_freq=min_freq, edges=edges)


def kwic(project: Project, word: str, *, width: int = 20, limit: int = 500, sort: str = "right"
         ) -> list[tuple[int, words.KwicLine]]:
    """Concordance of a word: every surface form the stored tokens give for its lemma (so 届く
    finds 届い / 届き) plus the word as written. Returns (verbatim id, line)."""
    from nlp.tokenize import use_user_dictionary
    from voc_app.analysis import user_dictionary

    use_user_dictionary(user_dictionary(project)[0])
    try:
        forms = coderules.lemma_forms(word)
    finally:
        use_user_dictionary(None)
    lemma = forms[0] if len(forms) == 1 else word
    syn = _synonyms(project)  # 表記ゆれ: the other spellings of the word's group too
    norms, spellings = syn.group(lemma, word) if syn else ((), ())
    lemmas = {lemma, *norms}
    if len(lemmas) == 1 and not spellings:
        rows = stw.containing(project.conn, lemma, word)
    else:
        found: dict[int, stw.TokenizedText] = {}
        for n_, w_ in [(n_, word) for n_ in sorted(lemmas)] + [(lemma, s_) for s_ in spellings]:
            for r in stw.containing(project.conn, n_, w_):
                found.setdefault(r.id, r)
        rows = [found[k] for k in sorted(found)]
    surfaces = {word, *spellings}
    for r in rows:
        surfaces |= {s for s, n, _ in json.loads(r.tokens) if n in lemmas}
    lines = words.kwic([r.text for r in rows], surfaces, width=width, limit=limit, sort=sort)
    return [(rows[k.doc].id, k) for k in lines]


# --- exchange ---------------------------------------------------------------------------------

def import_codebook(project: Project, path: str | Path) -> dict[str, int]:
    """Add a REFI-QDA (.qdc) or CSV codebook. A code already present (same guid, or same name
    under the same parent) is updated; nothing is deleted. One transaction, one undo step."""
    specs = read_codebook(path)
    from voc_app.backup import auto_backup

    auto_backup(project, "codebook-import")  # the codebook as it was, restorable in one step
    conn = project.conn
    added = updated = 0
    with st.editing(conn, "コードブックを取り込み", {"file": Path(path).name}) as e:
        ids: dict[int, int] = {}
        for spec, parent in walk(specs):
            if spec.rule:
                try:
                    coderules.parse(spec.rule)
                except coderules.RuleError as err:
                    raise CodingError(f"{Path(path).name}: コード「{spec.name}」のルール: {err}") from err
            pid = ids[id(parent)] if parent is not None else None
            found = st.find_code(conn, guid=spec.guid, name=spec.name, parent_id=pid)
            fields = {"description": spec.description, "examples": spec.examples}
            if spec.color:
                fields["color"] = spec.color
            if spec.rule:
                fields["rule"] = spec.rule
            if found is not None:
                st.update_code(conn, e, found, name=spec.name, parent_id=pid, **fields)
                ids[id(spec)] = found
                updated += 1
            else:
                ids[id(spec)] = st.insert_code(conn, e, spec.name, parent_id=pid, guid=spec.guid, **fields)
                added += 1
    return {"added": added, "updated": updated}


def codebook_specs(project: Project) -> list[CodeSpec]:
    rows = st.codes(project.conn)
    specs = {r["id"]: CodeSpec(name=r["name"], guid=r["guid"], color=r["color"], description=r["description"],
                               examples=r["examples"], rule=r["rule"]) for r in rows}
    roots = []
    for r in rows:
        (specs[r["parent_id"]].children if r["parent_id"] else roots).append(specs[r["id"]])
    return roots


# --- look-ups for the CLI and the app ---------------------------------------------------------

def resolve_code(project: Project, ref: str) -> int:
    """The id of a code given by name, by path 「親/子」 or by id."""
    return st.code_by_name(project.conn, ref)["id"]


def verbatim_codings(project: Project, verbatim_id: int) -> list[dict]:
    """Every coder's codings of one verbatim, with code name, colour and coder name."""
    return st.codings_of(project.conn, verbatim_id)


def verbatim_texts(project: Project, ids: list[int]) -> dict[int, str]:
    return st.verbatim_texts(project.conn, ids)


def memos(project: Project) -> list[Memo]:
    return st.memos(project.conn)


def code_pairs(project: Project, include_pending: bool = True) -> list[CodePair]:
    """Pairs of codes given to the same verbatims, and how many verbatims have both."""
    return st.code_pairs(project.conn, include_pending)


def check_rule(rule: str) -> tuple[str | None, int | None]:
    """(what is wrong with a rule, where) — (None, None) when it parses."""
    try:
        coderules.parse(rule)
    except coderules.RuleError as e:
        return str(e), e.pos
    return None, None


# --- the app's operations: fn(project, progress=None, **kwargs), run as background jobs ---------

# the edits the coding view asks coding_state to make (each one undo step)
EDIT_ACTIONS = ("add_code", "update_code", "merge_codes", "delete_code", "tag", "untag", "review_auto",
                "mark_reviewed", "set_memo", "undo", "redo", "topic_to_code", "import_codebook", "apply_rules")


@dataclass
class CodingState:
    """What the coding view shows: the codebook, the coders, the verbatim being coded and its
    codings, and what undo / redo would do."""
    result: object  # what the edit returned (a message when it is a str), None without an edit
    book: list[dict]
    coders: list[str]
    undo: tuple[str | None, str | None]  # (action undo would revert, action redo would reapply)
    verbatim: VerbatimToCode | None = None
    codings: list[dict] = field(default_factory=list)
    memo: str = ""  # the verbatim's shared memo
    moved: str | None = None  # "next" / "prev" when asked to move to another uncoded verbatim


def coding_state(project: Project, progress: Progress | None = None, *, verbatim_id: int | None = None,
                 coder: str = "", blind: bool = False, action: str | None = None, kwargs: dict | None = None,
                 move: str | None = None) -> CodingState:
    """Do one coding edit (``action``, one of ``EDIT_ACTIONS``, with ``kwargs``), optionally move
    to the next / previous verbatim the coder has not coded, and return what the coding view
    shows (with ``blind``, only the coder's own codings)."""
    result = None
    if action:
        if action not in EDIT_ACTIONS:
            raise ValueError(action)
        result = globals()[action](project, **(kwargs or {}))
    conn = project.conn
    cid = st.coder_id(conn, coder) if coder else None
    if move and cid is not None:
        nxt = st.next_verbatim(conn, cid, verbatim_id or 0, backwards=move == "prev")
        verbatim_id = nxt if nxt is not None else verbatim_id
    state = CodingState(result=result, book=codebook(project), coders=[c.name for c in st.coders(conn)],
                        undo=st.undo_state(conn), moved=move)
    if verbatim_id is not None:
        v = st.verbatim_to_code(conn, verbatim_id)
        if v:
            state.verbatim = v
            state.codings = st.codings_of(conn, verbatim_id, cid if blind else None)
            state.memo = st.memo(conn, "verbatim", verbatim_id, None)
    return state


def memo_text(project: Project, progress: Progress | None = None, *, target: str, target_id: int = 0,
              coder: str | None = None) -> str:
    """A memo of the project (target_id 0), a code or a verbatim: the shared one, or a coder's."""
    cid = st.coder_id(project.conn, coder) if coder else None
    return st.memo(project.conn, target, target_id, cid)


@dataclass
class PreviewRow:
    id: int
    text: str
    spans: list[tuple[int, int]]  # where the rule's words and phrases occur, to highlight


@dataclass
class RulePreview:
    result: RuleResult
    rule: str  # the rule as it was read (canonical form)
    rows: list[PreviewRow]  # the sample, with the matches to highlight


def rule_preview(project: Project, progress: Progress | None = None, *, rule: str, sample: int = 40) -> RulePreview:
    """Count a rule's matches (nothing saved) and show a sample with the matching words marked."""
    res = preview_rule(project, rule, sample=sample, progress=progress)
    node = coderules.parse(rule)
    texts = st.verbatim_texts(project.conn, res.sample)
    tokens = stw.tokens_by_id(project.conn, res.sample)
    syn = _synonyms(project)
    rows = []
    for vid in res.sample:
        if vid in texts:
            toks = tokens.get(vid)
            rows.append(PreviewRow(vid, texts[vid], coderules.match_spans(node, texts[vid], json.loads(toks) if toks else [],
                                                                          synonyms=syn)))
    return RulePreview(res, coderules.to_text(node), rows)


def apply_code_rule(project: Project, progress: Progress | None = None, *, code_id: int | None,
                    rule: str | None) -> dict[int, RuleResult]:
    """Save a code's rule and auto-code with it (one undo step each); ``code_id`` None: apply
    every rule of the codebook."""
    if code_id is not None:
        update_code(project, code_id, rule=rule)
        return apply_rules(project, [code_id], progress=progress)
    return apply_rules(project, None, progress=progress)


def pending_auto_codings(project: Project, code_id: int) -> list[int]:
    """Ids of a code's auto-codes (from its rule, then from a topic, then proposals learnt from
    a coder's examples) that nobody reviewed yet."""
    return [cid for src in ("rule", "topic", "example") for cid, state in st.auto_codings(project.conn, code_id, src).values()
            if state == "pending"]


def review_pending(project: Project, progress: Progress | None = None, *, code_id: int, accept: bool) -> int:
    """Accept or reject all of a code's pending auto-codes (one undo step). Returns how many."""
    return review_auto(project, pending_auto_codings(project, code_id), accept)


@dataclass
class AgreementDetails:
    report: agr.AgreementReport
    names: dict[int, str]  # code id -> name
    texts: dict[int, str]  # verbatim id -> text, of the first 2,000 verbatims with a disagreement


def agreement_details(project: Project, progress: Progress | None = None, *, coders: list[str]) -> AgreementDetails:
    """Agreement between coders, with code names and the texts of the disagreements."""
    if progress:
        progress(None, "一致率を計算")
    rep = agreement(project, coders)
    texts = st.verbatim_texts(project.conn, sorted({d.unit for d in rep.disagreements})[:2000])
    return AgreementDetails(rep, {c["id"]: c["name"] for c in codebook(project)}, texts)


def crosstab_cell_ids(project: Project, progress: Progress | None = None, *, code_id: int, by: str,
                      value: str) -> list[int]:
    """The verbatims of one cross-tab cell: coded with ``code_id`` (or, for a parent code, any of
    its sub-codes) and ``by`` = ``value``."""
    return st.code_verbatim_ids(project.conn, code_id, by=by, value=value, with_children=True)


def attribute_names(project: Project, progress: Progress | None = None) -> list[str]:
    """Cross-tab dimensions beyond the built-in ones: the attribute names of responses and customers."""
    return st.attribute_names(project.conn)


def word_view(project: Project, progress: Progress | None = None, *, view: str, pos: str | None = None,
              by: str | None = None, word: str = "", min_freq: int = 5, edges: int = 60, codes: bool = False):
    """The word views as the app shows them: ``freq`` (top 300), ``kwic`` (500 lines) or
    ``network`` (of words, or of codes with ``codes``)."""
    if progress:
        progress(None, "語を数えています")
    if view == "freq":
        return word_frequency(project, pos=pos, by=by, top=300)
    if view == "kwic":
        return kwic(project, word, limit=500)
    return code_cooccurrence(project, min_freq=min_freq, edges=edges) if codes else \
        word_network(project, pos=pos, min_freq=min_freq, edges=edges)


def export_codebook(project: Project, progress: Progress | None = None, out: str | Path = "",
                    encoding: str = "utf-8") -> Path:
    """The codebook as REFI-QDA ``.qdc`` (any other suffix) or CSV (``.csv``, in ``encoding``)."""
    from voc_app.export.codebook import write_codebook_csv, write_qdc

    out = Path(out)
    specs = codebook_specs(project)
    return write_codebook_csv(specs, out, encoding) if out.suffix.lower() == ".csv" else write_qdc(specs, out)


def export_coded(project: Project, progress: Progress | None = None, out: str | Path = "",
                 encoding: str = "utf-8") -> int:
    """Every coding with its verbatim, code path, coder and state as CSV; returns the number of rows."""
    from voc_app.export.codebook import write_coded_csv

    return write_coded_csv(project, out, encoding)


# --- every view's table out (issue 24): CSV, UTF-8 with BOM, cells made safe --------------------

WORD_TABLE_HEADER = ("word", "attribute", "value", "count", "docs")
EDGE_TABLE_HEADER = ("source", "target", "weight", "count")
KWIC_TABLE_HEADER = ("verbatim_id", "left", "keyword", "right")


def word_table(project: Project, progress: Progress | None = None, *, by: str | None = None, pos: str | None = None,
               top: int | None = None, ids: list[int] | None = None) -> list[tuple[str, str, str, int, int]]:
    """Word frequencies in long format, through the 表記ゆれ groups: (word, attribute, value,
    occurrences, answers) per word and value of ``by`` (the ``top`` words overall, in their
    overall order); without ``by`` one row per word with attribute and value empty."""
    if progress:
        progress(None, "語を数えています")
    syn = _synonyms(project)
    if not by:
        return [(r.word, "", "", r.count, r.docs) for r in words.frequency(
            (json.loads(t) for t in stw.token_lists(project.conn, ids)), pos=pos, top=top, canon=syn)]
    groups: dict[str, list] = {}
    for t, g in stw.token_lists_by(project.conn, by, ids):
        groups.setdefault(g or "", []).append(json.loads(t))
    overall = words.frequency((d for ds in groups.values() for d in ds), pos=pos, top=top, canon=syn)
    order = {(r.lemma, r.pos): (i, r.word) for i, r in enumerate(overall)}
    rows = []
    for g in sorted(groups):
        for r in words.frequency(groups[g], pos=pos, canon=syn):
            k = order.get((r.lemma, r.pos))
            if k is not None:
                rows.append((k[0], k[1], g, r.count, r.docs))
    rows.sort(key=lambda r: (r[0], r[2]))
    return [(w, by, g, n, d) for _, w, g, n, d in rows]


def edge_table(net: words.Network) -> list[tuple[str, str, float, int]]:
    """A co-occurrence network's edges: (source, target, Jaccard weight, answers with both)."""
    counts = net.counts or [0] * len(net.edges)
    return [(net.nodes[a][0], net.nodes[b][0], j, n) for (a, b, j), n in zip(net.edges, counts, strict=True)]


def write_word_table(project: Project, progress: Progress | None = None, *, out: str | Path, by: str | None = None,
                     pos: str | None = None, top: int | None = None, encoding: str = "utf-8") -> int:
    """``word_table`` as CSV (word, attribute, value, count, docs); returns the rows written."""
    from voc_app.export.codebook import write_table

    return write_table(out, WORD_TABLE_HEADER, word_table(project, progress, by=by, pos=pos, top=top), encoding)


def write_network_edges(project: Project, progress: Progress | None = None, *, out: str | Path,
                        pos: str | None = None, min_freq: int = 5, edges: int = 60, codes: bool = False,
                        encoding: str = "utf-8") -> int:
    """The co-occurrence network's edge list (of words, or of codes with ``codes``) as CSV
    (source, target, weight, count); returns the edges written."""
    from voc_app.export.codebook import write_table

    if progress:
        progress(None, "共起を数えています")
    net = code_cooccurrence(project, min_freq=min_freq, edges=edges) if codes else \
        word_network(project, pos=pos, min_freq=min_freq, edges=edges)
    return write_table(out, EDGE_TABLE_HEADER, edge_table(net), encoding)


def write_kwic(project: Project, progress: Progress | None = None, *, out: str | Path, word: str, width: int = 20,
               limit: int = 500, encoding: str = "utf-8") -> int:
    """A word's concordance as CSV (verbatim_id, left, keyword, right); returns the lines written."""
    from voc_app.export.codebook import write_table

    lines = kwic(project, word, width=width, limit=limit)
    return write_table(out, KWIC_TABLE_HEADER, [(vid, k.left, k.keyword, k.right) for vid, k in lines], encoding)


def export_coded_matrix(project: Project, progress: Progress | None = None, out: str | Path = "",
                        encoding: str = "utf-8", coder: str | None = None) -> int:
    """One row per answer (and per coded non-answer): 発言ID, 顧客, 日付, 発言, then one 0/1 column per
    code headed by its path 「親/子」 (1: coded with that code itself, not rejected; only
    ``coder``'s codings when given). Returns the rows written."""
    from voc_app.export.codebook import write_table

    if progress:
        progress(None, "コード表を書き出しています")
    conn = project.conn
    cid = None
    if coder:
        known = {c.name: c.id for c in st.coders(conn)}
        if coder not in known:
            raise CodingError(f"コーダー「{coder}」はいません（登録済み: {', '.join(known) or 'なし'}）")
        cid = known[coder]
    paths = st.code_paths(conn)
    rows = ((vid, cust or "", (date or "")[:10], text, *(1 if c in got else 0 for c, _ in paths))
            for vid, cust, date, text, got in st.matrix_rows(conn, cid))
    return write_table(out, ("発言ID", "顧客", "日付", "発言", *(p for _, p in paths)), rows, encoding)


def export_synonyms(project: Project, progress: Progress | None = None, *, out: str | Path,
                    include_defaults: bool = False) -> int:
    """The project's 表記ゆれ groups (with ``include_defaults`` also the shipped ones in effect) as a
    ``word,canonical`` CSV, UTF-8 with BOM (``voc_app.synonyms.import_synonyms`` reads it back).
    Returns the rows written."""
    from voc_app.export.codebook import write_table
    from voc_app.synonyms import synonym_rows

    return write_table(out, ("word", "canonical"), synonym_rows(project, include_defaults=include_defaults))
