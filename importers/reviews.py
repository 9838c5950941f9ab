"""App-store reviews: the Google Play Console reviews report (monthly CSV, UTF-16), App Store
Connect customer reviews (the API's JSON, the public RSS feed's JSON, and the CSV / JSON that
common review tools write), Google Play's reply-to-reviews API JSON, and any review table whose
store is not named.

A review is imported as a one-message support ticket (no schema change, and counts, signals,
topics and export work as for tickets):

- ticket: id = the store's review id (Google Play: the ``reviewId`` in ``Review Link``; else a
  stable hash of store, app, reviewer and time), kind ``support``, ``type`` = ``review``,
  ``channel`` = ``Google Play`` / ``App Store`` (the verbatims' question column shows it),
  ``created_at`` = the time the customer wrote the review, ``updated_at`` = the time they last
  edited it; never the developer's reply time or the report's time;
- one customer message = the review: title and body together (``title\\nbody``) = one verbatim, so
  reviews and their verbatims count the same; a star rating without any text is no review: it is
  skipped and counted (``rating_only``);
- the developer's reply is an agent message (never a verbatim) with its own time;
- the star rating is the attribute ``rating`` (1–5); link, id, device, language, version,
  reviewer nickname and every other column are attributes, never verbatims;
- no customer: stores give no customer id (a nickname is not one), so reviews join no customer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from base.errors import InputError
from importers.model import Column, Message, ReadStats, Ticket
from importers.tickets import (
    Found,
    _data_rows,
    _norm,
    has_word,
    html_to_text,
    make_columns,
    shown,
    shown_list,
    when,
)
from importers.values import clean_id, key64

CHANNEL = {"google_play": "Google Play", "app_store": "App Store", "app_reviews": "レビュー"}
LABEL = {"google_play": "Google Play のレビュー", "app_store": "App Store のレビュー", "app_reviews": "レビュー（ストア不明）"}

# words in column names (see tickets.has_word: English whole words, Japanese substrings)
_REPLY = ("reply", "replied", "replies", "response", "responded", "answer", "answered", "返信", "回答", "応答")
_TIME = ("date", "time", "datetime", "timestamp", "created", "updated", "modified", "submitted", "at", "posted",
         "millis", "epoch", "日時", "日付", "時刻", "投稿日", "送信日", "作成日", "更新日", "ミリ秒", "エポック")
_MILLIS = ("millis", "epoch", "ms", "unix", "ミリ秒", "エポック")
_UPDATE = ("update", "updated", "last", "modified", "edited", "更新", "最終", "編集")
_TITLE = ("title", "headline", "subject", "タイトル", "見出し", "件名")
_TEXT = ("text", "body", "content", "comment", "review", "message", "テキスト", "本文", "内容", "コメント", "レビュー",
         "口コミ", "クチコミ", "感想")
_TEXT_STRONG = ("text", "body", "content", "review text", "テキスト", "本文", "内容")
_NOT_TEXT = _REPLY + _TIME + _TITLE + (
    "link", "url", "uri", "id", "language", "lang", "count", "version", "helpful", "thumbs", "author", "name", "device",
    "country", "territory", "package", "type", "state", "status", "votes", "vote", "sum", "rating", "score", "stars",
    "star", "nickname", "user", "reviewer", "store", "リンク", "言語", "バージョン", "評価", "星", "端末", "デバイス",
    "国", "名前", "ユーザー", "投稿者", "ニックネーム", "パッケージ", "件数", "数")
_RATING = ("rating", "ratings", "stars", "star", "score", "rate", "評価", "星", "レーティング", "スコア")
_NOT_RATING = ("text", "comment", "count", "average", "avg", "total", "id", "body", "本文", "コメント", "件数", "平均",
               "合計") + _TIME
_LINK = ("link", "url", "uri", "href", "リンク")
_AUTHOR = ("author", "nickname", "reviewer", "user", "username", "name", "投稿者", "ニックネーム", "ユーザー名",
           "レビュアー", "名前", "氏名")
_NOT_AUTHOR = ("language", "lang", "image", "avatar", "url", "link", "id", "country", "version", "app", "package",
               "product", "device", "言語", "画像", "国", "バージョン", "アプリ", "パッケージ", "端末")
_ID_NAMES = {"id", "review id", "reviewid", "レビュー id", "レビューid", "comment id", "feedback id"}
_STORE_NAMES = {"store", "platform", "source", "os", "app store", "marketplace", "ストア", "プラットフォーム"}

_GP_HEADER = {"package name", "app version code", "app version name", "reviewer language", "device",
              "review submit date and time", "review submit millis since epoch", "review last update date and time",
              "review last update millis since epoch", "star rating", "review title", "review text",
              "developer reply date and time", "developer reply millis since epoch", "developer reply text",
              "review link"}
_GP_WORDS = ("package", "device", "reviewer language", "android", "version code", "thumbs up", "google play",
             "play store", "googleplay", "パッケージ", "デバイス", "端末", "バージョンコード", "レビュアーの言語")
_AS_WORDS = ("territory", "nickname", "storefront", "apple", "app store", "appstore", "ios", "is edited",
             "テリトリー", "ニックネーム", "ストアフロント")

_SURVEY_MARKERS = {"タイムスタンプ", "timestamp", "respondent id", "response id", "responseid", "回答 id", "回答id",
                   "回答者 id", "回答者id", "collector id", "開始時刻", "完了時刻", "start time", "completion time",
                   "submitted at", "network id"}
_REVIEW_ID_IN_LINK = re.compile(r"(?i)review_?id=([^&#\s]+)")


def _clean(s: str) -> str:
    """A cell as written, without the leading apostrophe Excel users add to keep text as text."""
    return s[1:] if s.startswith("'") and len(s) > 1 else s


def rating_of(raw: str) -> int | None:
    """'5', '4.0', '５', '★★★★☆', '4/5', '4 stars' → 1–5; anything else → None."""
    s = unicodedata.normalize("NFKC", raw).strip()
    if not s:
        return None
    if "★" in s:
        n = s.count("★")
        return n if 1 <= n <= 5 else None
    m = re.match(r"^(\d+(?:\.0+)?)\s*(?:/\s*5|stars?|点|つ星)?$", s, re.I)
    if not m:
        return None
    v = int(float(m.group(1)))
    return v if 1 <= v <= 5 else None


def classify(names: list[str], samples: dict[str, list[str]]) -> dict[str, str | None]:
    """Review roles of columns (or JSON keys) from their names and a sample of their values."""
    norm = {n: _norm(n) for n in names}
    out: dict[str, str | None] = {}

    def pick(ok, score=lambda n: 0) -> str | None:
        best, best_score = None, -1
        for n in names:
            if n in out.values():
                continue
            k = norm[n]
            if ok(k, n):
                sc = score(k)
                if sc > best_score:
                    best, best_score = n, sc
        return best

    def timeish(k: str) -> bool:
        return has_word(k, *_TIME) and not has_word(k, "version", "count", "code", "id", "zone", "バージョン")

    def millis(k: str) -> bool:
        return has_word(k, *_MILLIS)

    def clock(k: str, n: str) -> bool:  # a time-of-day column beside a date column ("Date", "Time")
        vals = [v.strip() for v in samples.get(n, []) if v.strip()]
        return (timeish(k) and not has_word(k, *_REPLY) and bool(vals)
                and all(re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", v) for v in vals))

    out["clock"] = pick(clock)
    out["reply_time"] = pick(lambda k, n: has_word(k, *_REPLY) and timeish(k) and not millis(k))
    out["reply_ms"] = pick(lambda k, n: has_word(k, *_REPLY) and millis(k))
    out["reply"] = pick(lambda k, n: has_word(k, *_REPLY) and not timeish(k) and not millis(k)
                        and not has_word(k, "id", "state", "status", "link", "url", "author", "name", "count"),
                        lambda k: has_word(k, "text", "body", "content", "テキスト", "本文", "内容"))
    out["updated"] = pick(lambda k, n: timeish(k) and has_word(k, *_UPDATE) and not millis(k))
    out["updated_ms"] = pick(lambda k, n: has_word(k, *_UPDATE) and millis(k))
    out["time"] = pick(lambda k, n: timeish(k) and not millis(k) and not has_word(k, *_UPDATE),
                       lambda k: has_word(k, "submit", "submitted", "created", "posted", "review", "投稿", "送信", "作成",
                                          "レビュー"))
    out["time_ms"] = pick(lambda k, n: millis(k) and not has_word(k, *_UPDATE))
    out["link"] = pick(lambda k, n: has_word(k, *_LINK))
    out["id"] = pick(lambda k, n: k in _ID_NAMES or (k.endswith(" id") and has_word(k, "review", "レビュー")))
    out["title"] = pick(lambda k, n: has_word(k, *_TITLE) and not has_word(k, "app", "アプリ", "product"))

    def rating_ok(k: str, n: str) -> bool:
        if not has_word(k, *_RATING) or has_word(k, *_NOT_RATING):
            return False
        vals = [v for v in samples.get(n, []) if v.strip()]
        return not vals or sum(rating_of(v) is not None for v in vals) >= 0.7 * len(vals)

    out["rating"] = pick(rating_ok, lambda k: k in ("star rating", "rating", "stars", "評価", "星評価"))
    out["author"] = pick(lambda k, n: has_word(k, *_AUTHOR) and not has_word(k, *_NOT_AUTHOR))
    out["store"] = pick(lambda k, n: k in _STORE_NAMES)
    out["body"] = pick(lambda k, n: has_word(k, *_TEXT) and not has_word(k, *_NOT_TEXT),
                       lambda k: 2 * has_word(k, *_TEXT_STRONG) + has_word(k, "review", "レビュー", "口コミ", "クチコミ"))
    return out


def _store_of(value: str) -> str | None:
    v = _norm(value)
    if not v:
        return None
    if any(w in v for w in ("google", "play", "android", "gplay")):
        return "google_play"
    if any(w in v for w in ("apple", "app store", "appstore", "ios", "itunes", "iphone", "ipad", "mac")):
        return "app_store"
    return None


def evidence(names: list[str], roles: dict[str, str | None], samples: dict[str, list[str]],
             file_name: str) -> tuple[Counter, list[str]]:
    """Votes for each store from column names, links, store values, ids and the file name."""
    votes: Counter = Counter()
    why: list[str] = []
    norm = [_norm(n) for n in names]
    exact = sum(k in _GP_HEADER for k in norm)
    if exact >= 2:
        votes["google_play"] += 10 if exact >= 4 else 3
        why.append(f"Google Play Console のレポートの列 {exact} 個")
    gp = [n for n, k in zip(names, norm, strict=True) if has_word(k, *_GP_WORDS)]
    if gp:
        votes["google_play"] += 2
        why.append("Google Play の列（" + shown_list(gp, 3) + "）")
    ap = [n for n, k in zip(names, norm, strict=True) if has_word(k, *_AS_WORDS)]
    if ap:
        votes["app_store"] += 2
        why.append("App Store の列（" + shown_list(ap, 3) + "）")
    links = " ".join(samples.get(roles.get("link") or "", [])[:20]).lower()
    if "play.google" in links:
        votes["google_play"] += 3
        why.append("リンクが play.google.com")
    if "apple.com" in links:
        votes["app_store"] += 3
        why.append("リンクが apple.com")
    ids = samples.get(roles.get("id") or "", [])[:20]
    if any(v.startswith("gp:") for v in ids):
        votes["google_play"] += 3
    stores = Counter(s for s in (_store_of(v) for v in samples.get(roles.get("store") or "", [])) if s)
    for s, n in stores.items():
        votes[s] += 3
        why.append(f"ストアの列に {CHANNEL[s]}（{n} 行）")
    stem = _norm(Path(file_name).stem)
    if has_word(stem, "google", "play", "android", "googleplay", "gplay") or stem.startswith("reviews "):
        votes["google_play"] += 1
    if has_word(stem, "appstore", "app store", "ios", "apple", "itunes", "asc"):
        votes["app_store"] += 1
    return votes, why


def _decide(names: list[str], roles: dict[str, str | None], samples: dict[str, list[str]], file_name: str,
            format: str | None) -> tuple[str, float, str] | None:
    if roles["body"] is None and roles["title"] is None:
        return None
    if roles["rating"] is None and format is None:
        return None
    votes, why = evidence(names, roles, samples, file_name)
    reviewish = any(has_word(_norm(n), "review", "reviews", "レビュー", "口コミ", "クチコミ")
                    for n in [*names, Path(file_name).stem])
    if format is None and not votes:
        # no store named: a table only of reviews, not a survey that asks for one
        norm = {_norm(n) for n in names}
        body_name = _norm(roles["body"] or "")
        if (not reviewish or norm & _SURVEY_MARKERS or len(body_name) > 24
                or not (any(roles[r] for r in ("author", "id", "link", "title"))
                        or has_word(body_name, "review", "レビュー", "口コミ", "クチコミ"))):
            return None
    stores = Counter(s for s in (_store_of(v) for v in samples.get(roles.get("store") or "", [])) if s)
    if format in CHANNEL:
        fmt, conf = format, 1.0
    elif len(stores) > 1:
        fmt, conf = "app_reviews", 0.85
    elif votes:
        (fmt, top), = votes.most_common(1)
        other = sum(votes.values()) - top
        if top == other:
            fmt, conf = "app_reviews", 0.6
        else:
            conf = 0.97 if top >= 10 else 0.9 if top >= 3 else 0.8
    elif roles["title"] is not None and roles["author"] is not None:
        fmt, conf = "app_store", 0.7
        why.append("タイトルと投稿者の列（Google Play のレビューにはタイトルがないため App Store と判断）")
    else:
        fmt, conf = "app_reviews", 0.6
        why.append("ストアを示す列がありません")
    body = roles["body"] or roles["title"]
    reason = (f"{LABEL[fmt]}（本文「{shown(body)}」" + (f"・評価「{shown(roles['rating'])}」" if roles["rating"] else "")
              + ("、" + "、".join(why[:3]) if why else "") + "）")
    return fmt, conf, reason


def match_reviews(columns: list[Column], sample: list[list[str]], file_name: str, format: str | None):
    """(format, confidence, reason, reader) when the table is app-store reviews, else None."""
    if format is not None and format not in CHANNEL:
        format = None
    names = [c.id for c in columns]
    samples = {c.id: [_clean(r[c.index]) for r in sample if c.index < len(r)] for c in columns}
    roles = classify(names, samples)
    found = _decide(names, roles, samples, file_name, format)
    if found is None:
        return None
    fmt, conf, reason = found
    _show_roles(columns, roles)

    def reader(rows, cols, name, stats, skipped):
        return _iter_rows(rows, cols, roles, fmt, name, stats, skipped)

    return fmt, conf, reason, reader


def _show_roles(columns: list[Column], roles: dict[str, str | None]) -> None:
    shown = {"body": ("text", "レビューの本文（タイトルと合わせて 1 件の発言）"),
             "title": ("text", "レビューのタイトル（本文と合わせて 1 件の発言）"),
             "time": ("time", "レビューを書いた日時"), "id": ("id", "レビュー ID"),
             "reply": ("attr", "デベロッパーの返信（発言にしない）"),
             "reply_time": ("attr", "返信の日時（レビューの日時ではない）"),
             "rating": ("score", "星の評価（属性 rating）"), "link": ("attr", "レビューへのリンク（発言にしない）"),
             "updated": ("attr", "レビューの最終更新日時")}
    by_name = {v: k for k, v in roles.items() if v}
    for c in columns:
        role = by_name.get(c.id)
        c.role, c.reason = shown.get(role, ("attr", "レビューの属性として保存"))


def _iter_rows(rows, columns: list[Column], roles, fmt: str, name: str, stats: ReadStats,
               skipped: Counter) -> Iterator[Ticket]:
    for rowno, cells in _data_rows(rows, stats):
        rec = {c.id: _clean(cells[c.index]) for c in columns if c.index < len(cells)}
        t = review_ticket(rec, roles, fmt, rowno, key64(*cells), name, stats, skipped)
        if t is not None:
            yield t


def review_ticket(rec: dict[str, str], roles: dict[str, str | None], fmt: str, row: int, key: int, name: str,
                  stats: ReadStats, skipped: Counter, *, naive_utc: bool = False) -> Ticket | None:
    """One review → one ticket (see the module's doc); None for a rating without text."""
    def get(role: str) -> str:
        col = roles.get(role)
        return (rec.get(col) or "") if col else ""

    title = html_to_text(get("title")).strip()
    body = html_to_text(get("body")).strip()
    text = body if not title or body.startswith(title) else (f"{title}\n{body}" if body else title)
    store = _store_of(get("store")) or (fmt if fmt != "app_reviews" else None)
    channel = CHANNEL[store] if store else (get("store").strip() or CHANNEL["app_reviews"])
    if get("clock").strip() and get("time").strip() and ":" not in get("time"):
        rec = dict(rec)
        rec[roles["time"]] = f"{get('time').strip()} {get('clock').strip()}"  # type: ignore[index]
    created = (when(get("time"), naive_utc=naive_utc) or when(get("time_ms"))
               or when(get("updated"), naive_utc=naive_utc) or when(get("updated_ms")))
    updated = when(get("updated"), naive_utc=naive_utc) or when(get("updated_ms")) or created
    if get("time").strip() and when(get("time"), naive_utc=naive_utc) is None:
        stats.warn(f"{name} {row} 行目 {roles['time']}: 日時として読めません（{get('time')[:30]!r}）")
    author = get("author").strip() or None
    rid = clean_id(get("id"))
    if rid is None:
        m = _REVIEW_ID_IN_LINK.search(get("link"))
        rid = clean_id(m.group(1)) if m else None
    if rid is None:
        # stable over monthly reports and edits: store, app, reviewer and the time it was first written
        app = next((rec[k] for k in rec if has_word(_norm(k), "package", "パッケージ")), "") or next(
            (rec[k] for k in rec if _norm(k) in ("app", "app id", "app name", "product", "アプリ", "アプリ名")), "")
        basis = get("time") or get("time_ms") or get("updated") or get("updated_ms") or text
        rid = f"{(store or 'review').replace('_', '')}:{key64(channel, app, author or '', basis)}"
    rating = rating_of(get("rating"))
    special = {v for v in roles.values() if v}
    attrs = {k: v.strip() for k, v in rec.items() if k not in special and v.strip()}
    if rating is not None:
        attrs["rating"] = str(rating)
    elif get("rating").strip():
        attrs["rating"] = get("rating").strip()
    for role in ("author", "link", "store"):
        if get(role).strip():
            attrs[roles[role]] = get(role).strip()  # type: ignore[index]
    reply = html_to_text(get("reply")).strip()
    reply_time = when(get("reply_time"), naive_utc=naive_utc) or when(get("reply_ms"))
    if reply_time and not reply:
        attrs[roles.get("reply_time") or "reply_time"] = reply_time
    if not text:
        skipped["rating_only"] += 1
        return None
    messages = [Message("review", "customer", author, text, created)]
    if reply:
        messages.append(Message("reply", "agent", None, reply, reply_time))
    return Ticket(row=row, key=key, ticket_id=rid, customer_id=None, subject=title or None, status=None,
                  priority=None, channel=channel, type="review", created_at=created, updated_at=updated,
                  solved_at=None, tags=[], attributes=attrs, messages=messages)


# --- JSON -------------------------------------------------------------------------------


def _flat(obj: dict, prefix: str = "", depth: int = 0) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in obj.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and depth < 2:
            out.update(_flat(v, key + ".", depth + 1))
        elif isinstance(v, (dict, list)):
            out[key] = json.dumps(v, ensure_ascii=False) if v else ""
        elif v is None:
            out[key] = ""
        elif isinstance(v, bool):
            out[key] = "true" if v else "false"
        elif isinstance(v, float) and v.is_integer():
            out[key] = str(int(v))
        else:
            out[key] = str(v)
    return out


def json_review_kind(obj: dict) -> str | None:
    """The store of a review object from a tool's list (or None when it is no review)."""
    if _gp_api_review(obj) is not None:
        return "google_play"
    if obj.get("type") == "customerReviews" or (isinstance(obj.get("attributes"), dict) and "rating" in obj["attributes"]):
        return "app_store"
    flat = _flat(obj)
    names = list(flat)
    samples = {k: [v] for k, v in flat.items()}
    roles = classify(names, samples)
    found = _decide(names, roles, samples, "", None)
    return found[0] if found else None


def read_review_objects(stream, format: str | None, name: str, stats: ReadStats,
                        known: tuple[str, float, str] | None = None) -> Found:
    """Review objects one by one (a JSON array or JSON Lines): the APIs' objects, or a tool's
    flat review objects, read by their keys as a review table is by its columns. ``known`` is
    (format, confidence, reason) when the document's shape already says what it is."""
    buffered = []
    for item in stream:
        buffered.append(item)
        if len(buffered) >= 200:
            break
    objs = [o for _, o, _ in buffered]
    skipped: Counter = Counter()
    if objs and all(_gp_api_review(o) is not None or o.get("type") == "customerReviews"
                    or isinstance(o.get("attributes"), dict) for o in objs[:5]):
        conv = _convert_api
    else:
        conv = _flat
    flats = [conv(o) for o in objs]
    names: list[str] = []
    for f in flats:
        names.extend(k for k in f if k not in names)
    samples = {n: [f.get(n, "") for f in flats] for n in names}
    roles = classify(names, samples)
    decided = _decide(names, roles, samples, name, format)
    if decided is None:
        raise InputError("レビューの本文と評価が見つかりません（キー: " + shown_list(names, 10) + "）", file=name,
                         hint="rating と body（または review / text）を持つレビューの JSON を選んでください")
    fmt, conf, reason = decided
    if known is not None and format is None:
        fmt, conf, reason = known
    else:
        reason = "JSON の" + reason
    columns = make_columns(names)
    _show_roles(columns, roles)

    def records() -> Iterator[Ticket]:
        for lineno, obj, key in _chain(buffered, stream):
            t = review_ticket(conv(obj), roles, fmt, lineno, key, name, stats, skipped)
            if t is not None:
                yield t

    preview = [[f.get(n, "")[:80] for n in names[:8]] for f in flats[:5]]
    return Found(fmt, conf, reason, columns, preview, records(), skipped)


def _chain(first: list, rest) -> Iterator:
    yield from first
    yield from rest


def _gp_api_review(obj: dict) -> dict | None:
    """The ``userComment`` of a Google Play Developer API review (``reviews.list``), if it is one."""
    comments = obj.get("comments")
    if "reviewId" not in obj or not isinstance(comments, list):
        return None
    for c in comments:
        if isinstance(c, dict) and isinstance(c.get("userComment"), dict):
            return c["userComment"]
    return None


def _convert_api(obj: dict) -> dict[str, str]:
    """Google Play API review or App Store Connect API review → flat fields with plain names."""
    user = _gp_api_review(obj)
    if user is not None:
        dev = next((c["developerComment"] for c in obj["comments"]
                    if isinstance(c, dict) and isinstance(c.get("developerComment"), dict)), {})
        text = str(user.get("text") or "")
        title, _, body = text.partition("\t")  # the API writes "title<TAB>body" when there is a title
        if not body:
            title, body = "", text
        out = {"reviewId": str(obj.get("reviewId") or ""), "authorName": str(obj.get("authorName") or ""),
               "title": title, "text": body, "starRating": str(user.get("starRating") or ""),
               "lastModified": when(user.get("lastModified")) or "",
               "developer reply text": str(dev.get("text") or ""),
               "developer reply date": when(dev.get("lastModified")) or "", "store": "Google Play"}
        for k in ("reviewerLanguage", "device", "androidOsVersion", "appVersionCode", "appVersionName",
                  "thumbsUpCount", "thumbsDownCount"):
            if user.get(k) not in (None, ""):
                out[k] = str(user[k])
        return out
    attrs = obj.get("attributes") if isinstance(obj.get("attributes"), dict) else {}
    out = {"id": str(obj.get("id") or ""), "store": "App Store"}
    for k, v in attrs.items():
        out[k] = "" if v is None else str(v)
    resp = obj.get("_response") if isinstance(obj.get("_response"), dict) else {}
    if resp:
        out["response body"] = str(resp.get("responseBody") or "")
        out["response date"] = str(resp.get("lastModifiedDate") or "")
        out["response state"] = str(resp.get("state") or "")
    return out


def match_review_document(doc: object, name: str, stats: ReadStats, format: str | None) -> Found | None:
    """Whole-document review JSON: App Store Connect API (``data`` + ``included``), the App Store
    RSS feed (``feed.entry``), Google Play API (``reviews``), or None for anything else."""
    if not isinstance(doc, dict):
        return None
    if isinstance(doc.get("feed"), dict):
        entries = doc["feed"].get("entry") or []
        entries = [entries] if isinstance(entries, dict) else entries
        items = [_rss_entry(e) for e in entries if isinstance(e, dict) and "im:rating" in e]
        if not items and not entries:
            raise InputError("App Store のフィードにレビューがありません（feed.entry が空）", file=name)
        return read_review_objects(((i, o, key64(json.dumps(o, sort_keys=True, ensure_ascii=False)))
                                    for i, o in enumerate(items, start=1)), format, name, stats, _RSS)
    data = doc.get("data")
    if isinstance(data, list) and any(isinstance(d, dict) and d.get("type") == "customerReviews" for d in data):
        return read_review_objects(_asc_items([doc], stats), format, name, stats, _ASC)
    reviews = doc.get("reviews")
    if isinstance(reviews, list) and reviews and isinstance(reviews[0], dict) and _gp_api_review(reviews[0]):
        items = ((i, o, key64(json.dumps(o, sort_keys=True, ensure_ascii=False)))
                 for i, o in enumerate(reviews, start=1) if isinstance(o, dict))
        return read_review_objects(items, format, name, stats, _GPA)
    return None


_ASC = ("app_store", 0.98, "App Store Connect API のカスタマーレビュー（data の customerReviews、included の返信）")
_RSS = ("app_store", 0.95, "App Store のカスタマーレビューの RSS フィード（JSON、feed.entry）")
_GPA = ("google_play", 0.98, "Google Play Developer API のレビュー（reviews[].comments の userComment・developerComment）")


def match_review_page(obj: dict, name: str, stats: ReadStats, format: str | None, stream) -> Found | None:
    """JSON Lines of App Store Connect API pages (one ``{"data": [...], "included": [...]}`` a line)."""
    data = obj.get("data")
    if isinstance(data, list) and any(isinstance(d, dict) and d.get("type") == "customerReviews" for d in data):
        pages = (o for _, o, _ in stream)
        return read_review_objects(_asc_items(pages, stats), format, name, stats, _ASC)
    return None


def _asc_items(pages, stats: ReadStats):
    n = 0
    for page in pages:
        included = {(i.get("type"), i.get("id")): i for i in page.get("included") or [] if isinstance(i, dict)}
        for d in page.get("data") or []:
            if not isinstance(d, dict) or d.get("type") not in (None, "customerReviews"):
                continue
            n += 1
            stats.rows_read += 1
            rel = ((d.get("relationships") or {}).get("response") or {}).get("data") if isinstance(
                d.get("relationships"), dict) else None
            item = dict(d)
            if isinstance(rel, dict):
                resp = included.get((rel.get("type"), rel.get("id")))
                if isinstance(resp, dict) and isinstance(resp.get("attributes"), dict):
                    item["_response"] = resp["attributes"]
            item.pop("relationships", None)
            item.pop("links", None)
            yield n, item, key64(json.dumps(item, sort_keys=True, ensure_ascii=False))


def _label(v: object) -> str:
    if isinstance(v, dict):
        if "label" in v:
            return str(v["label"])
        if isinstance(v.get("name"), dict):
            return str(v["name"].get("label") or "")
    return "" if v is None else str(v)


def _rss_entry(e: dict) -> dict:
    """An entry of the App Store customer-reviews RSS feed (JSON) → a flat review object."""
    return {"id": _label(e.get("id")), "rating": _label(e.get("im:rating")), "title": _label(e.get("title")),
            "body": _label(e.get("content")),
            "author": _label(e["author"].get("name")) if isinstance(e.get("author"), dict) else _label(e.get("author")), "updated": _label(e.get("updated")),
            "version": _label(e.get("im:version")), "vote sum": _label(e.get("im:voteSum")), "store": "App Store"}
