"""Analysis: every verbatim labelled by the learned model (polarity, churn, advocacy, stage, evidence)
and its content words stored; the project's user dictionary; topic tokens on all cores.

Results are derived data: each chunk is committed on its own and says which analyser made it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from base.progress import Progress
from voc_app.store import Project, transaction
from voc_app.workers import watch_parent

ANALYZE_CHUNK = 2000


def user_dictionary(project: Project) -> tuple[str | None, str]:
    """The project's compiled user dictionary (cached per set of terms) and its hash."""
    import hashlib
    import os

    from nlp.tokenize import build_user_dictionary
    from voc_app.store.analyses import user_terms

    terms = user_terms(project.conn)
    if not terms:
        return None, ""
    digest = hashlib.sha256(repr(terms).encode("utf-8")).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    out = Path(base) / "voc-analyzer" / "userdic" / f"{digest}.dic"
    if not out.exists():
        tmp = out.with_name(out.name + ".tmp")
        build_user_dictionary(terms, tmp)
        tmp.replace(out)
    return str(out), digest


def analyzer_version(user_dic_hash: str = "") -> str:
    import hashlib

    from base.resources import resource_path
    from nlp.analyze import ANALYZER_VERSION
    from nlp.model import MODEL_PATH

    h = hashlib.sha256()
    for sub in ("cues", "lexicon"):
        for f in sorted(resource_path(sub).glob("*")):
            h.update(f.name.encode() + f.read_bytes())
    model = resource_path(*MODEL_PATH)
    if model.exists():
        h.update(model.read_bytes())
    h.update(user_dic_hash.encode())
    return f"{ANALYZER_VERSION}+{h.hexdigest()[:12]}"


def _analyze_chunk(texts: list[str], user_dic: str | None = None) -> list[tuple]:
    """Worker: analysis plus stored content words for each text."""
    from nlp.analyze import analyze, collector_paused
    from nlp.tokenize import use_user_dictionary

    use_user_dictionary(user_dic)
    with collector_paused():
        results = analyze(texts)
        out = []
        for a in results:
            # the stored content words come from the analysis's own tokens (one Sudachi pass)
            out.append((a, [[w.surface, w.normalized, w.pos] for w in a.content]))
            a.features, a.tokens, a.content = {}, [], []  # the model's inputs, used up: nothing stores them
        return out


def analyze_texts(texts: list[str], *, workers: int | None = None, progress: Progress | None = None) -> list[tuple]:
    """(VerbatimAnalysis, tokens) per text, using all cores for large inputs."""
    import gc
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or os.cpu_count() or 1
    parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
    out: list[tuple] = []

    def add(res: list[tuple]) -> None:
        out.extend(res)
        # the results piling up here would make every full garbage collection longer (100,000
        # texts: ~10 s of ~50); they hold no reference cycles, so set them aside until the end
        gc.freeze()
        if progress:
            progress(len(out) / max(len(texts), 1), f"{len(out):,} / {len(texts):,} 件")

    try:
        if workers <= 1 or len(parts) <= 1:
            for p in parts:
                add(_analyze_chunk(p))
        else:
            with ProcessPoolExecutor(workers, initializer=watch_parent) as ex:
                for res in ex.map(_analyze_chunk, parts):
                    add(res)
    finally:
        gc.unfreeze()
    return out


def analyze_project(project: Project, *, workers: int | None = None, progress: Progress | None = None) -> dict:
    """Analyse every verbatim that has no current analysis. Each chunk is committed on its own:
    a cancelled or killed run keeps what it finished and the next run resumes (results are
    derived data). Returns counts."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from voc_app.corrections import after_analysis, settle_analysed
    from voc_app.store import analyses

    user_dic, user_hash = user_dictionary(project)
    version = analyzer_version(user_hash)
    total = analyses.count_pending(project.conn, version)
    done = 0
    workers = workers or os.cpu_count() or 1
    ex = ProcessPoolExecutor(workers, initializer=watch_parent) if workers > 1 and total > ANALYZE_CHUNK else None
    last_id = 0
    try:
        while True:
            batch = analyses.pending(project.conn, version, ANALYZE_CHUNK * (workers if ex else 1), last_id)
            if not batch:
                break
            last_id = batch[-1][0]
            # the same text (「特になし」, a repeated complaint) is analysed once
            texts = list(dict.fromkeys(t for _, t in batch))
            parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
            dics = [user_dic] * len(parts)
            by_text = dict(zip(texts, (r for res in (ex.map(_analyze_chunk, parts, dics) if ex
                                                    else map(_analyze_chunk, parts, dics)) for r in res), strict=True))
            results = [by_text[t] for _, t in batch]
            with transaction(project.conn):
                analyses.save(project.conn, version, [(vid, a, toks) for (vid, _), (a, toks) in
                                                      zip(batch, results, strict=True)])
                # the model's labels kept apart; a person's corrections win again (issue 21)
                settle_analysed(project, batch[0][0], batch[-1][0])
            done += len(batch)
            if progress:
                progress(done / max(total, 1), f"{done:,} / {total:,} 件")
    finally:
        if ex:
            ex.shutdown(cancel_futures=True)
    # corrections teach the project layer: refit and re-label when there are any (voc_app.corrections)
    learned = after_analysis(project, done, (lambda f, m: progress(1.0, m)) if progress else None)
    return {"analyzed": done, "analyzer": version, "learned": learned}


def _topic_tokens_chunk(texts: list[str], user_dic: str | None = None) -> list:
    from nlp.tokenize import use_user_dictionary
    from nlp.topics import docs_tokens

    use_user_dictionary(user_dic)
    try:
        return docs_tokens(texts)
    finally:
        use_user_dictionary(None)


def _pool_context():
    """Workers started by a fork server, not forked from this process: forking a process that
    holds a million texts copies its page tables and stalls the app's UI thread for ~0.5 s."""
    import multiprocessing as mp

    return mp.get_context("forkserver") if "forkserver" in mp.get_all_start_methods() else None


def tokens_parallel(texts: list[str], user_dic: str | None = None, *, workers: int | None = None,
                    progress: Callable[[float], None] | None = None) -> list:
    """Topic tokens of ``texts`` (``nlp.topics.docs_tokens``), on all cores for large inputs;
    ``progress(fraction)`` after each part."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or os.cpu_count() or 1
    # small parts: each result is unpickled in this process holding the GIL, and a long unpickle
    # is a UI stall when this runs as a background job of the app (10,000 docs: ~400 ms)
    parts = [texts[i:i + ANALYZE_CHUNK] for i in range(0, len(texts), ANALYZE_CHUNK)]
    if workers <= 1 or len(parts) <= 1:
        return _topic_tokens_chunk(texts, user_dic)
    out: list = []
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=watch_parent) as ex:
        try:
            for part in ex.map(_topic_tokens_chunk, parts, [user_dic] * len(parts)):
                out.extend(part)
                if progress:
                    progress(len(out) / len(texts))
        except BaseException:
            ex.shutdown(cancel_futures=True)
            raise
    return out


_CONTENT_POS = {"名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "感動詞"}
SENTENCE_ENDS = {"。", "！", "？", "!", "?", "．"}


def evidence_words(text: str, evidence: list[dict]) -> list[dict]:
    """Evidence spans as a reader sees them (the app's verbatim detail): each span widened to
    whole words (Sudachi's token boundaries in ``text``: 「嬉し」→「嬉しい」); a span of function
    words only (「てくれ」「た」) joined to the word it belongs to (「紹介してくれた」); a span
    that ends in の carried on to the noun it describes (「替えの」→「替えのカバー」); particles at
    either end dropped; overlapping or touching spans of one kind merged. Each span keeps its
    ``kind`` and ``label``; ``start``, ``end`` and ``text`` describe the widened span."""
    from nlp.tokenize import tokenize

    spans = [e for e in evidence if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
             and 0 <= e["start"] < e["end"] <= len(text)]
    if not spans:
        return []
    toks = tokenize(text)
    if not toks:
        return [dict(e) for e in spans]

    def content(i: int) -> bool:
        t = toks[i]
        return t.pos in _CONTENT_POS and t.pos2 != "非自立可能"

    def stop(i: int) -> bool:  # a sentence or clause ends here: never widened across
        return toks[i].pos in ("補助記号", "空白")

    def ends_sentence(i: int) -> bool:
        return toks[i].pos == "補助記号" and toks[i].surface in SENTENCE_ENDS

    def sound_change(i: int) -> bool:  # 言っ, 書い, 住ん, い(る): the stem reads as a fragment without て
        return toks[i].pos in ("動詞", "助動詞") and toks[i].surface[-1:] in ("っ", "い", "ん")

    out: list[dict] = []
    for e in spans:
        first = next(i for i, t in enumerate(toks) if t.end > e["start"])
        last = max(i for i, t in enumerate(toks) if t.start < e["end"])
        # a span across a sentence end (「た。こ」) is read as its pieces in each sentence
        pieces, i0 = [], first
        for i in range(first, last + 1):
            if ends_sentence(i):
                if i > i0:
                    pieces.append((i0, i - 1))
                i0 = i + 1
        if i0 <= last:
            pieces.append((i0, last))
        for i0, i1 in pieces:
            if not any(content(i) for i in range(i0, i1 + 1)):
                j = i0 - 1
                while j >= 0 and not stop(j) and not content(j):
                    j -= 1
                if j >= 0 and content(j):
                    i0 = j
            if toks[i1].surface == "の" and toks[i1].pos == "助詞" and i1 + 1 < len(toks) and toks[i1 + 1].pos in (
                    "名詞", "接頭辞"):
                while i1 + 1 < len(toks) and toks[i1 + 1].pos in ("名詞", "接頭辞", "接尾辞"):
                    i1 += 1
            while i1 > i0 and toks[i1].pos in ("助詞", "補助記号", "空白"):
                i1 -= 1
            while i0 < i1 and toks[i0].pos in ("助詞", "補助記号", "空白"):
                i0 += 1
            # a word's suffix and a predicate's endings belong to it (早 → 早さ, 消え → 消えます, 言っ → 言って)
            while i1 + 1 < len(toks) and (
                    toks[i1 + 1].pos == "接尾辞"
                    or (toks[i1].pos in ("動詞", "形容詞", "助動詞") and toks[i1 + 1].pos == "助動詞")
                    or (sound_change(i1) and toks[i1 + 1].surface in ("て", "で") and toks[i1 + 1].pos == "助詞")):
                i1 += 1
            out.append({**e, "start": toks[i0].start, "end": toks[i1].end})
    out.sort(key=lambda x: (x["kind"], x["start"], x["end"]))
    merged: list[dict] = []
    for e in out:
        last = merged[-1] if merged else None
        if last is not None and last["kind"] == e["kind"] and e["start"] <= last["end"]:
            last["end"] = max(last["end"], e["end"])
        else:
            merged.append(dict(e))
    for e in merged:
        e["text"] = text[e["start"]:e["end"]]
    merged.sort(key=lambda x: (x["start"], x["kind"]))
    return merged


def warm_up() -> None:
    """Load what the first topic fit needs (BERTopic, the vector table, the aspect lexicon): the
    app calls it in a background thread at start so that the first fit is not seconds slower."""
    from nlp.topics import warm_up as load

    load()


def cue_prefilter_check(project: Project, limit: int = 2000) -> dict:
    """Self-check of a built app: the compiled cue prefilter (hyperscan) must travel with the
    bundle where it has wheels and find exactly what ``re`` alone finds in the first ``limit``
    verbatims of ``project``. Raises RuntimeError when it does not."""
    import platform

    from nlp import cues
    from nlp.normalize import normalize
    from voc_app.store.queries import verbatim_texts

    pf = cues._prefilter()
    if pf is None:
        if platform.machine() in ("x86_64", "AMD64", "arm64"):
            raise RuntimeError("hyperscan is missing from the bundle")
        return {"prefilter": "not available on this platform"}
    texts = [normalize(t).text for t in verbatim_texts(project.conn, limit)]
    got = cues._search_prefiltered(pf, texts)
    for name in cues.LEXICONS:
        if [g.get(name, []) for g in got] != cues.find_many(name, texts):
            raise RuntimeError(f"prefiltered search differs for {name}")
    return {"texts": len(texts), "cues": sum(len(c) for g in got for c in g.values())}


def add_terms(project: Project, terms: list[tuple[str, str | None]]) -> int:
    """Register user terms (product names, slang) that the next analysis reads as one word; a term
    already there keeps its reading unless a new one is given. Returns how many rows changed."""
    from voc_app.store.analyses import add_user_terms

    with transaction(project.conn):
        return add_user_terms(project.conn, terms)


def terms(project: Project) -> list[tuple[str, str | None]]:
    """The project's user terms and their readings, by term."""
    from voc_app.store.analyses import user_terms

    return user_terms(project.conn)
