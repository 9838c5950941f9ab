"""Recognising a support, review or chat file: a table (CSV/XLSX) from its first rows, a JSON export
from its shape, and handing it to the reader of that product (``tickets``, ``reviews``, ``chat``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from base.errors import InputError
from importers import chat, reviews
from importers.model import Column, ReadStats
from importers.tickets import (
    _FD_ID,
    _FD_MARKERS,
    _HS_ID,
    _IC_CONV,
    _REVIEW_FORMATS,
    JSON_FORMATS,
    TABLE_FORMATS,
    Found,
    _doc_items,
    _json_text,
    _keys,
    _list_in,
    _norm,
    find,
    freshdesk_roles,
    freshdesk_ticket,
    hubspot_roles,
    intercom_conversation,
    intercom_roles,
    is_freshdesk,
    is_hubspot,
    is_intercom,
    is_zendesk_csv,
    iter_freshdesk,
    iter_hubspot,
    iter_intercom,
    iter_zendesk_csv,
    looks_like_freshdesk,
    looks_like_intercom,
    looks_like_zendesk,
    make_columns,
    shown_list,
    zendesk_csv_roles,
    zendesk_ticket,
)

# --- recognising a file -------------------------------------------------------------


def match_table(head: list[tuple[int, list[str]]], format: str | None, name: str,
                stats: ReadStats) -> tuple[Found, int] | None:
    """A support, review or chat table recognised from its first rows (``head``: row number and
    cells, blank leading rows left out), or None for any other table (a survey, a customer list …).
    Returns what it is and how many rows of ``head`` precede the data (preamble and header);
    the caller passes the rest of ``head`` and the file's remaining rows to ``Found.read``."""
    if format is not None and format not in TABLE_FORMATS:
        return None
    if format in (None, "line"):
        found = chat.match_line(head, name, stats)
        if found is not None or format == "line":
            if found is None:
                raise InputError("LINE 公式アカウントのトーク履歴の見出し（送信者タイプ・送信者名・送信日・送信時刻・内容）が"
                                 "見つかりません（1 行目: " + shown_list(head[0][1], 6) + "）", file=name,
                                 hint="LINE Official Account Manager のチャットで「トーク履歴をダウンロード」した CSV を選んでください")
            return found
    header = head[0][1]
    columns = make_columns(header)
    sample = [c for _, c in head[1:]]
    preview = sample[:5]

    choice = None
    rv = reviews.match_reviews(columns, sample, name, format)
    if rv is not None and (format in _REVIEW_FORMATS or (format is None and rv[1] >= 0.9)):
        choice = rv
    elif format == "zendesk_csv" or (format is None and is_zendesk_csv(columns)):
        if find(columns, "id", "ticket id", "チケット id", "チケットid") is None:
            raise _missing(name, "Id", columns, "Zendesk の CSV エクスポート")
        choice = ("zendesk_csv", 0.9, "Zendesk の CSV エクスポート（Id・Requester・Status などの列、本文の列はなし）",
                  iter_zendesk_csv)
    elif format == "hubspot" or (format is None and is_hubspot(columns)):
        if find(columns, *_HS_ID) is None:
            raise _missing(name, "Ticket ID", columns, "HubSpot のチケットのエクスポート")
        choice = ("hubspot", 0.95, "HubSpot のチケット（Ticket ID・Ticket name・Ticket description などの列）",
                  iter_hubspot)
    elif format == "intercom" or (format is None and is_intercom(columns)):
        if find(columns, *_IC_CONV) is None:
            raise _missing(name, "Conversation ID", columns, "Intercom の会話のエクスポート")
        choice = ("intercom", 0.9, "Intercom の会話（1 行 1 メッセージ、Conversation ID・作成者の種類の列）",
                  iter_intercom)
    elif format == "freshdesk" or (format is None and is_freshdesk(columns)):
        if find(columns, *_FD_ID) is None:
            raise _missing(name, "Ticket ID", columns, "Freshdesk のチケットのエクスポート")
        names = {_norm(c.id) for c in columns}
        marks = [m for m in _FD_MARKERS if _norm(m) in names]
        choice = (("freshdesk", 0.9, "Freshdesk のチケット CSV（Ticket ID・" + "・".join(marks[:3]) + " などの列）", iter_freshdesk)
                  if len(marks) >= 2 else
                  ("freshdesk", 0.6, "Ticket ID と説明・ステータスの列があるチケットの表（Freshdesk の形として読みます）",
                   iter_freshdesk))
    elif rv is not None and format is None:
        choice = rv
    elif format in _REVIEW_FORMATS:
        raise InputError("レビューの本文の列が見つかりません（列: " + shown_list(c.id for c in columns) + "）",
                         file=name, row=head[0][0],
                         hint="Review Text / body / レビュー本文 などの列と、評価（Star Rating / rating）の列がある CSV を選んでください")
    if choice is None:
        return None
    fmt, conf, reason, reader = choice
    if format is not None and conf < 1.0:
        conf, reason = 1.0, f"--format {format} の指定どおり（{reason}）"
    found = Found(fmt, conf, reason, columns, preview)
    found.read = lambda rows: reader(rows, columns, name, stats, found.skipped)
    # roles are shown before the first record is read
    {"zendesk_csv": zendesk_csv_roles, "hubspot": hubspot_roles, "intercom": intercom_roles,
     "freshdesk": freshdesk_roles}.get(fmt, lambda cols: None)(columns)
    return found, 1


def _missing(name: str, column: str, columns: list[Column], what: str) -> InputError:
    return InputError(f"必須の列「{column}」がありません（列: " + shown_list(c.id for c in columns) + "）",
                      file=name, row=1, hint=f"{what}をそのまま選ぶか、--format を外して自動判定にしてください")


def read_json(path: Path, encoding: str, stats: ReadStats, format: str | None = None) -> Found:
    """A JSON / JSON Lines export of tickets, conversations or reviews, recognised from its shape:
    Zendesk tickets (with comments), Freshdesk tickets (with conversations), Intercom
    conversations, App Store Connect customer reviews (the API's ``data`` + ``included``, the RSS
    feed, or a tool's list of reviews), Google Play reviews (the API's ``reviews``, or a tool's
    list). Nothing is imported from a JSON file whose objects are none of these."""
    name = path.name
    doc, lines = _json_text(path, encoding, stats)
    if doc is not None:
        special = reviews.match_review_document(doc, name, stats, format)
        if special is not None:
            return special
        items = doc if isinstance(doc, list) else _list_in(doc, name)
        objects: Iterator[tuple[int, dict, int]] = _doc_items(items, name, stats)
    else:
        objects = lines  # type: ignore[assignment]
    first = next(objects, None)
    if first is None:
        raise InputError("取り込むものがありません（JSON にチケット・会話・レビューが 0 件）", file=name,
                         hint="エクスポートの期間や条件を確かめてください")
    lineno, obj, key = first
    stream = _chain_first(first, objects)
    if doc is None:
        page = reviews.match_review_page(obj, name, stats, format, stream)
        if page is not None:
            return page
    fmt = format if format in JSON_FORMATS else _json_kind(obj, name, lineno)
    if fmt in ("google_play", "app_store", "app_reviews"):
        return reviews.read_review_objects(stream, fmt if format else None, name, stats)
    reader, label = {
        "zendesk": (zendesk_ticket, "Zendesk の JSON のチケット（id・description・comments・requester_id）"),
        "freshdesk": (freshdesk_ticket, "Freshdesk の JSON のチケット（description_text・conversations・数値の status）"),
        "intercom": (intercom_conversation, "Intercom の JSON の会話（source・conversation_parts・contacts）"),
    }[fmt]
    recs = (reader(o, ln, k, name, stats) for ln, o, k in stream)
    cols = [Column(0, "id", "ID", "id"), Column(1, "customer", "顧客", "customer"),
            Column(2, "subject", "件名", "attr"), Column(3, "messages", "メッセージ", "text")]
    return Found(fmt, 0.95 if format is None else 1.0, label if format is None else f"--format {fmt} の指定どおり",
                 cols, [], recs)


def _chain_first(first, rest):
    yield first
    yield from rest


def _json_kind(obj: dict, name: str, lineno: int) -> str:
    if looks_like_intercom(obj):
        return "intercom"
    if looks_like_freshdesk(obj):
        return "freshdesk"
    if "comments" in obj and "id" in obj or looks_like_zendesk(obj):
        return "zendesk"
    kind = reviews.json_review_kind(obj)
    if kind is not None:
        return kind
    if "id" in obj:
        return "zendesk"
    raise InputError("JSON のオブジェクトがチケット・会話・レビューの形ではありません（キー: " + _keys(obj) + "）",
                     file=name, row=lineno,
                     hint="Zendesk / Freshdesk / Intercom の JSON エクスポートか、App Store / Google Play のレビュー"
                     " JSON を選ぶか、表（CSV）で書き出して取り込んでください")
