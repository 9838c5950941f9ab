"""Topics: the delight and pain maps (BERTopic over the project's own tokens and vectors), kept
current across imports, and their curation (rename, seed words, merge, split, delete, move, undo).
Curation is primary data: every edit is one transaction with an undo snapshot."""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np

from base.errors import InputError
from base.progress import Progress
from voc_app.analysis import tokens_parallel, user_dictionary
from voc_app.store import Project, transaction

SIDE_NAMES = {"delight": "喜び", "pain": "不満", "all": "全体"}


def side_units(rows: list[tuple[int, str, str, str]], side: str) -> list[tuple[int, str, list[list[int]]]]:
    """(verbatim id, text on this side, spans) — a mixed answer gives its delight sentences to
    the delight map and its pain sentences to the pain map (the whole answer when no sentence
    carries that side on its own)."""
    out = []
    for vid, text, polarity, sentences in rows:
        spans: list[list[int]] = []
        if side != "all" and polarity == "mixed":
            spans = [[a, b] for a, b, p, _ in json.loads(sentences) if p == side]
        unit = "".join(text[a:b] for a, b in spans) if spans else text
        out.append((vid, unit, spans))
    return out


def _tokens_for(project: Project, texts: list[str], progress: Callable[[float], None] | None = None) -> list:
    """Topic tokens of ``texts`` through the project's 表記ゆれ groups (問合せ counts as 問い合わせ in
    the c-TF-IDF words and the features)."""
    from voc_app.synonyms import synonyms

    docs = tokens_parallel(texts, user_dictionary(project)[0], progress=progress)
    syn = synonyms(project)
    return syn.docs(docs) if syn else docs


def _shown_words(project: Project, words: list) -> list:
    """A topic's stored ``[word, weight]`` pairs through the project's 表記ゆれ groups as they are
    now (a group changed after the fit shows at once): each canonical form once, best weight."""
    from voc_app.synonyms import synonyms

    syn = synonyms(project)
    if not syn or not words:
        return words
    from nlp.coderules import lemma_forms

    best: dict[str, float | None] = {}
    mapped = _labelled(project, lambda: [(syn.word(word, lemma_forms), weight) for word, weight in words])
    for w, x in mapped:
        if w not in best or (x or 0.0) > (best[w] or 0.0):
            best[w] = x
    return [[w, x] for w, x in best.items()]


def update_topics(project: Project, side: str = "delight", *, refit: bool = False, n_topics: int | None = None,
                  progress: Progress | None = None) -> dict:
    """Keep a side's topic map current. The first call (or ``refit``) fits topics with BERTopic;
    later calls place only answers that are new since (``transform`` onto the curated topics,
    rare voices below a topic's floor) and drop answers that left the side, so names, merges,
    deletions and moved answers survive re-imports and re-analysis. A refit keeps the name, seed
    words and pinned answers of every old topic it matches (member overlap). One transaction."""
    from nlp import topics as nt
    from voc_app.store import topics as store

    conn = project.conn
    if side not in store.SIDES:
        raise InputError(f"side は {', '.join(store.SIDES)} のどれかです")
    tick = progress or (lambda f, m: None)
    units = side_units(store.side_rows(conn, side), side)
    old = store.members(conn, side)
    first = store.run(conn, side) is None
    if refit or first:
        tick(0.05, "単語に分解")
        docs = _tokens_for(project, [u for _, u, _ in units], lambda f: tick(0.05 + 0.35 * f, "単語に分解"))
        seeds = [t["seed_words"] for t in store.topics(conn, side) if t["seed_words"]]
        tick(0.4, "トピックを推定")
        fit = nt.fit_topics(docs, n_topics=n_topics, seed_topics=seeds or None,
                            progress=lambda f, m: tick(0.4 + 0.45 * f, m))
        tick(0.85, "トピックに名前をつける")
        names = _name_fit(project, units, fit)
        tick(0.9, "保存")
        with transaction(conn):
            mapping = _save_fit(conn, side, units, fit, old, n_topics, names)
        tick(1.0, "完了")
        return {"side": side, "answers": len(units), "topics": len(fit.topics), "fitted": True,
                "rare": int((fit.labels < 0).sum()), "kept_names": mapping}
    current = {vid for vid, _, _ in units}
    new = [u for u in units if u[0] not in old]
    gone = [v for v, (_, pinned) in old.items() if v not in current and not pinned]
    active = store.topics(conn, side)
    rows = []
    if new:
        tick(0.1, "新しい回答を単語に分解")
        docs = _tokens_for(project, [u for _, u, _ in new])
        X = nt.topic_features(docs)
        if active:
            C = np.array([t["center"] for t in active])
            F = np.array([t["floor"] for t in active], dtype=np.float32)
            labels, sim = nt.assign(X, C, F)
        else:
            labels, sim = np.full(len(new), -1), np.zeros(len(new), dtype=np.float32)
        ids = [t["id"] for t in active]
        rows = [(vid, ids[lab] if lab >= 0 else None, float(s), 0, None, spans)
                for (vid, _, spans), lab, s in zip(new, labels, sim, strict=True)]
    with transaction(conn):
        store.delete_members(conn, side, gone)
        store.upsert_members(conn, side, rows)
        store.save_run(conn, side, {}, fitted=False)
    tick(1.0, "完了")
    return {"side": side, "answers": len(units), "topics": len(active), "fitted": False, "added": len(rows),
            "rare_added": sum(1 for r in rows if r[1] is None), "removed": len(gone)}


def _labelled(project: Project, fn):
    """Run ``fn`` with the project's user dictionary (product names stay one word in labels)."""
    from nlp.tokenize import use_user_dictionary

    use_user_dictionary(user_dictionary(project)[0])
    try:
        return fn()
    finally:
        use_user_dictionary(None)


def _name_fit(project: Project, units: list, fit) -> list[tuple[str, float | None]]:
    """(label, mixed score or None) per topic of a fit: a key phrase from its most central answers
    (``nlp.topic_labels``), and the silhouette of its best two-way split when it clearly mixes
    two themes."""
    from nlp import topic_labels as tl
    from nlp import topics as nt

    orders = [nt.central_members(fit, t.number) for t in fit.topics]
    labels = _labelled(project, lambda: tl.label_topics(
        [([units[i][1] for i in o[:tl.TOP_N]], t.words) for o, t in zip(orders, fit.topics, strict=True)]))
    out = []
    for lab, o in zip(labels, orders, strict=True):
        check = tl.mixed_themes(fit.features[o]) if len(o) >= 2 * nt.MIN_TOPIC_SIZE else None
        out.append((lab.label, round(float(check.score), 4) if check is not None and check.mixed else None))
    return out


def _save_fit(conn, side: str, units: list, fit, old: dict, n_topics: int | None,
              names: list[tuple[str, float | None]]) -> int:
    """Write a fit; old active topics matched by member overlap (Jaccard ≥ 0.2, one-to-one) keep
    their id, name and seed words. Returns how many old topics were matched."""
    from scipy.optimize import linear_sum_assignment

    from nlp.topics import auto_topic_count
    from voc_app.store import topics as store

    vids = [vid for vid, _, _ in units]
    vid_array = np.asarray(vids)
    new_sets = [set(vid_array[fit.labels == t.number].tolist()) for t in fit.topics]
    old_topics = store.topics(conn, side)
    by_topic: dict[int | None, set[int]] = {}
    for v, (tid, _) in old.items():
        by_topic.setdefault(tid, set()).add(v)
    old_sets = [by_topic.get(t["id"], set()) for t in old_topics]
    match: dict[int, dict] = {}
    if old_topics and fit.topics:
        J = np.array([[len(o & n) / max(1, len(o | n)) for n in new_sets] for o in old_sets])
        for r, c in zip(*linear_sum_assignment(-J), strict=True):
            if J[r, c] >= 0.2:
                match[c] = old_topics[r]
    store.clear_edits(conn, side)
    matched_ids = {t["id"] for t in match.values()}
    for t in old_topics:
        if t["id"] not in matched_ids:
            store.update_topic(conn, t["id"], status="retired")
    ids = []
    for i, t in enumerate(fit.topics):
        fields = dict(auto_label=names[i][0] or t.label, mixed=names[i][1],
                      words=[[w, round(x, 5)] for w, x in zip(t.words, t.weights, strict=True)],
                      center=t.center, floor=t.floor, quotes=[vids[q] for q in t.quotes])
        if i in match:
            store.update_topic(conn, match[i]["id"], **fields)
            ids.append(match[i]["id"])
        else:
            ids.append(store.insert_topic(conn, side, **fields))
    group_of = {}
    for g, members in enumerate(fit.rare_groups):
        if len(members) > 1:
            for m in members:
                group_of[m] = g
    alive = set(ids)
    rows = []
    for i, (vid, _, spans) in enumerate(units):
        lab = int(fit.labels[i])
        tid, pinned = old.get(vid, (None, 0))
        if pinned and (tid is None or tid in alive):  # the user's placement wins
            rows.append((vid, tid, float(fit.similarity[i]), 1, None, spans))
            continue
        rows.append((vid, ids[lab] if lab >= 0 else None, float(fit.similarity[i]), 0, group_of.get(i), spans))
    kept = set(vids)
    store.delete_members(conn, side, [v for v in old if v not in kept])
    store.upsert_members(conn, side, rows)
    store.save_run(conn, side, {"n_topics": n_topics or auto_topic_count(len(units)), "answers": len(units)},
                   fitted=True)
    return len(match)


def topic_list(project: Project, side: str = "delight") -> dict:
    """Active topics by size with label, words, share and quotes; rare voices; counts. ``label``
    is the user's name or the key phrase; ``keywords`` the topic's words in dictionary form without
    junk (the secondary line); ``mixed`` the two-theme score when the topic clearly mixes two."""
    from nlp.topic_labels import clean_keywords
    from voc_app.store import topics as store

    conn = project.conn
    sizes = store.sizes(conn, side)
    total = sum(sizes.values())
    out = []
    for t in store.topics(conn, side):
        n = sizes.get(t["id"], 0)
        shown = _shown_words(project, t["words"])  # 表記ゆれ: canonical forms
        out.append({"id": t["id"], "label": t["label"], "name": t["name"], "auto_label": t["auto_label"],
                    "size": n, "share": n / total if total else 0.0, "words": [w for w, _ in shown],
                    "keywords": clean_keywords(shown)[:6], "mixed": t["mixed"],
                    "seed_words": t["seed_words"], "quotes": store.quote_texts(conn, side, t["quotes"])})
    out.sort(key=lambda t: (-t["size"], t["id"]))
    return {"side": side, "answers": total, "rare": sizes.get(None, 0), "topics": out,
            "run": store.run(conn, side)}


# --- topic curation (each edit is one transaction with an undo snapshot) -----------------------

def _edit(project: Project, side: str, action: str, detail: dict, topic_ids, verbatim_ids=()):
    from voc_app.store import topics as store

    snap = store.snapshot(project.conn, side, topic_ids, verbatim_ids)
    return snap, (lambda: store.record_edit(project.conn, side, action, detail, snap))


def _active_topic(project: Project, topic_id: int, side: str | None = None) -> dict:
    from voc_app.store import topics as store

    t = store.topic(project.conn, topic_id)
    if t is None or t["status"] != "active" or (side and t["side"] != side):
        raise InputError(f"トピック {topic_id} はありません（voc topics で番号を確認してください）")
    return t


def rename_topic(project: Project, topic_id: int, name: str) -> None:
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "rename", {"topic": topic_id, "name": name}, [topic_id])
        store.update_topic(project.conn, topic_id, name=name.strip() or None)
        record()


def set_seed_words(project: Project, topic_id: int, words: list[str]) -> None:
    """Pin seed words: they lead the topic's words now and guide the next refit."""
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    words = [w.strip() for w in words if w.strip()]
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "seed", {"topic": topic_id, "words": words}, [topic_id])
        rest = [[w, x] for w, x in t["words"] if w not in words]
        store.update_topic(project.conn, topic_id, seed_words=words, words=[[w, None] for w in words] + rest)
        record()


def merge_topics(project: Project, keep_id: int, other_ids: list[int]) -> None:
    """Merge topics into ``keep_id``: their answers move, the kept topic's centre and words become
    the size-weighted blend; no other topic changes."""
    from voc_app.store import topics as store

    keep = _active_topic(project, keep_id)
    others = [_active_topic(project, o, keep["side"]) for o in other_ids if o != keep_id]
    if not others:
        raise InputError("統合するトピックを 2 つ以上指定してください")
    conn = project.conn
    sizes = store.sizes(conn, keep["side"])
    with transaction(conn):
        _, record = _edit(project, keep["side"], "merge", {"keep": keep_id, "others": other_ids},
                          [keep_id, *other_ids])
        parts = [keep, *others]
        w = np.array([max(1, sizes.get(t["id"], 0)) for t in parts], dtype=np.float32)
        center = (np.array([t["center"] for t in parts]) * w[:, None]).sum(0)
        center /= np.linalg.norm(center) + 1e-9
        words: dict[str, float] = {}
        for t, wt in zip(parts, w, strict=True):
            for word, x in t["words"]:
                words[word] = words.get(word, 0.0) + float(wt) * float(x or 0.0)
        total = float(w.sum())
        blended = sorted(([k, round(v / total, 5)] for k, v in words.items()), key=lambda p: -p[1])[:10]
        for o in others:
            store.reassign_topic(conn, o["id"], keep_id)
            store.update_topic(conn, o["id"], status="merged", merged_into=keep_id)
        store.update_topic(conn, keep_id, center=center, floor=min(t["floor"] for t in parts), words=blended,
                           auto_label=_label_of(project, keep["side"], keep_id, blended), mixed=None,
                           seed_words=list(dict.fromkeys(s for t in parts for s in t["seed_words"])),
                           quotes=[q for t in parts for q in t["quotes"]][:5])
        record()


def _label_of(project: Project, side: str, topic_id: int, words: list) -> str:
    """A curated topic's label from its (stored) most central answers and its words."""
    from nlp import topic_labels as tl
    from voc_app.store import topics as store

    ids = store.central_member_ids(project.conn, topic_id, tl.TOP_N)
    texts = store.member_texts(project.conn, side, ids)
    units = [store.unit_text(*texts[v]) for v in ids if v in texts]
    return _labelled(project, lambda: tl.label_topic(units, [w for w, _ in words]).label) or \
        "・".join(w for w, _ in words[:4])


def delete_topic(project: Project, topic_id: int) -> int:
    """Delete a topic: its answers become rare voices (kept, listed). Returns how many."""
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    with transaction(project.conn):
        _, record = _edit(project, t["side"], "delete", {"topic": topic_id}, [topic_id])
        n = store.reassign_topic(project.conn, topic_id, None)
        store.update_topic(project.conn, topic_id, status="deleted")
        record()
    return n


def move_to_topic(project: Project, side: str, verbatim_ids: list[int], topic_id: int | None) -> int:
    """Move answers to a topic (or to rare voices with ``None``); they stay there (pinned)."""
    from voc_app.store import topics as store

    if topic_id is not None:
        _active_topic(project, topic_id, side)
    old = store.members(project.conn, side)
    missing = [v for v in verbatim_ids if v not in old]
    if missing:
        raise InputError(f"回答 {', '.join(map(str, missing[:5]))} はこのマップ（{SIDE_NAMES.get(side, side)}）にありません")
    with transaction(project.conn):
        _, record = _edit(project, side, "move", {"verbatims": verbatim_ids, "topic": topic_id},
                          [topic_id, *(old[v][0] for v in verbatim_ids)], verbatim_ids)
        n = store.move_members(project.conn, side, verbatim_ids, topic_id, pinned=True)
        record()
    return n


def split_topic(project: Project, topic_id: int, parts: int = 2) -> list[int]:
    """Re-cluster one topic's answers into ``parts`` topics; the largest part keeps the id and
    name. Pinned answers stay in the original topic. Returns the topic ids."""
    from nlp import topic_labels as tl
    from nlp import topics as nt
    from voc_app.store import topics as store

    t = _active_topic(project, topic_id)
    side, conn = t["side"], project.conn
    vids = store.topic_member_ids(conn, topic_id)
    pinned = {v for v, (_, p) in store.members(conn, side).items() if p}
    free = [v for v in vids if v not in pinned]
    if len(free) < 2 * nt.MIN_TOPIC_SIZE:
        raise InputError(f"トピック {topic_id} は小さすぎて分割できません（{len(free)} 件）")
    texts = store.member_texts(conn, side, free)
    units = [store.unit_text(*texts[v]) for v in free]
    docs = _tokens_for(project, units)
    X = nt.topic_features(docs)
    labels = nt.split_topic(X, parts)
    order = [c for c, n in sorted(((c, int((labels == c).sum())) for c in range(parts)), key=lambda p: -p[1]) if n]
    if len(order) < 2:
        raise InputError(f"トピック {topic_id} の回答はほぼ同じ内容で、これ以上分けられません")
    words = nt.topic_words(docs, labels)
    central = {}
    for c in order:
        idx = np.flatnonzero(labels == c)
        center = X[idx].mean(0)
        central[c] = idx[np.argsort(-(X[idx] @ (center / (np.linalg.norm(center) + 1e-9))))]
    names = dict(zip(order, _labelled(project, lambda: tl.label_topics(
        [([units[i] for i in central[c][:tl.TOP_N]], [w for w, _ in words.get(c, [])]) for c in order])),
        strict=True))
    with transaction(conn):
        snap, record = _edit(project, side, "split", {"topic": topic_id, "parts": parts}, [topic_id])
        out = []
        for rank, c in enumerate(order):
            idx = np.flatnonzero(labels == c)
            center = X[idx].mean(0)
            center /= np.linalg.norm(center) + 1e-9
            s = X[idx] @ center
            med = float(np.median(s))
            floor = med - nt.RARE_Z * float(np.median(np.abs(s - med))) * 1.4826
            tw = words.get(c, [])
            fields = dict(auto_label=names[c].label or "・".join(w for w, _ in tw[:4]) or t["auto_label"], mixed=None,
                          words=[[w, round(x, 5)] for w, x in tw], center=center, floor=floor,
                          quotes=[free[i] for i in idx[np.argsort(-s)][:5]])
            if rank == 0:
                store.update_topic(conn, topic_id, **fields)
                tid = topic_id
            else:
                tid = store.insert_topic(conn, side, **fields)
                snap["created"].append(tid)
                store.move_members(conn, side, [free[i] for i in idx], tid, pinned=False)
            out.append(tid)
        record()
    return out


def undo_topic_edit(project: Project, side: str) -> str | None:
    """Undo the last topic edit of a side; returns its action or None when there is nothing."""
    from voc_app.store import topics as store

    last = store.last_edit(project.conn, side)
    if last is None:
        return None
    edit_id, action, detail, snap = last
    with transaction(project.conn):
        detail["redo"] = store.after_snapshot(project.conn, side, snap)
        store.set_edit_detail(project.conn, edit_id, detail)
        store.restore(project.conn, side, edit_id, snap)
    return action


def redo_topic_edit(project: Project, side: str) -> str | None:
    """Re-apply the first undone topic edit of a side (the state it left, kept when it was
    undone); a new edit clears what could be redone. Returns its action or None."""
    from voc_app.store import topics as store

    first = store.first_undone(project.conn, side)
    if first is None or "redo" not in first[2]:
        return None
    edit_id, action, detail = first
    with transaction(project.conn):
        store.restore(project.conn, side, edit_id, detail["redo"], undone=0)
    return action


# --- operations of the app's topic view and of ``voc topics`` ------------------------------------

def refit_topics(project: Project, progress: Progress | None = None, *, side: str) -> dict:
    """Fit a side's topics again (``update_topics(refit=True)``)."""
    return update_topics(project, side, refit=True, progress=progress)


TOPIC_EDITS = {"rename": rename_topic, "merge": merge_topics, "split": split_topic, "delete": delete_topic,
               "move": move_to_topic}


def edit_topics(project: Project, progress: Progress | None = None, *, side: str, action: str, args: tuple = ()):
    """One curation step of the app's topic view: ``undo`` / ``redo`` of a side, or ``rename``,
    ``merge``, ``split``, ``delete``, ``move`` called with ``args``. Returns what that function returns."""
    (progress or (lambda f, m: None))(None, action)
    if action == "undo":
        return undo_topic_edit(project, side)
    if action == "redo":
        return redo_topic_edit(project, side)
    return TOPIC_EDITS[action](project, *args)


def topic_trend(project: Project, side: str, period: str = "month") -> list[tuple[int | None, str, int]]:
    """(topic id, period, answers): ``month`` (YYYY-MM) or ``week`` (YYYY-Www); None = rare voices."""
    from voc_app.store import topics as store

    return store.trend(project.conn, side, period)


def topic_breakdown(project: Project, side: str, by: str) -> list[tuple[int | None, str, int]]:
    """(topic id, value, answers) by source, nps_group, rfm_segment, segment or an attribute."""
    from voc_app.store import topics as store

    return store.breakdown(project.conn, side, by)


def rare_voices(project: Project, side: str) -> list[dict]:
    """The answers no topic holds, in groups of similar ones."""
    from voc_app.store import topics as store

    return store.rare_voices(project.conn, side)


def topic_answers(project: Project, progress: Progress | None = None, *, side: str, topic_id: int,
                  limit: int = 1000) -> list[tuple[int, str]]:
    """(verbatim id, the text on this side) of a topic's answers, at most ``limit`` (the app's
    dialog that moves answers to another topic)."""
    from voc_app.store import topics as store

    ids = store.topic_member_ids(project.conn, topic_id)[:limit]
    texts = store.member_texts(project.conn, side, ids)
    return [(v, store.unit_text(*texts[v])) for v in ids if v in texts]


def topic_maps(project: Project, progress: Progress | None = None) -> dict[str, dict]:
    """Both maps as the app shows them: ``topic_list`` plus the monthly trend per topic
    (``trend[topic id][month] = answers``), each topic's centre (``centers[topic id]``) and what
    undo / redo would do (``undo``, ``redo``: the edit's action, or None)."""
    from voc_app.store import topics as store

    data = {}
    for side in ("delight", "pain"):
        info = topic_list(project, side)
        trend: dict[int | None, dict[str, int]] = {}
        for tid, month, n in store.trend(project.conn, side, "month"):
            trend.setdefault(tid, {})[month] = n
        info["trend"] = trend
        info["centers"] = {t["id"]: t["center"] for t in store.topics(project.conn, side)}
        last, undone = store.last_edit(project.conn, side), store.first_undone(project.conn, side)
        info["undo"] = last[1] if last else None
        info["redo"] = undone[1] if undone and "redo" in undone[2] else None
        data[side] = info
    return data
