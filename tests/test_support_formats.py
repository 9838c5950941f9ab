"""Support, review and chat exports by name (tests/fixtures/formats/support_* review_* chat_*,
built by build_support_fixtures.py from each product's documented layout): detection with a
confidence and a reason, exact counts, whose words are verbatims, and whose time a time is."""

from __future__ import annotations

import json

import pytest

from importers import InputError, detect, read_file
from importers.chat import is_placeholder
from importers.reviews import rating_of
from tests.conftest import FIXTURES
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store.queries import project_counts

FORMATS = FIXTURES / "formats"

# file: (format, lowest confidence, tickets/reviews, verbatims, customers, messages, non-answers, duplicates)
EXPECTED = {
    "review_google_play.csv": ("google_play", 0.95, 4, 4, 0, 5, 1, 1),
    "review_google_play_ja.csv": ("google_play", 0.9, 2, 2, 0, 3, 0, 0),
    "review_google_play_api.json": ("google_play", 0.95, 2, 2, 0, 3, 0, 0),
    "review_app_store_api.json": ("app_store", 0.95, 3, 3, 0, 4, 0, 0),
    "review_app_store.csv": ("app_store", 0.7, 4, 4, 0, 5, 0, 0),
    "review_app_store_rss.json": ("app_store", 0.9, 2, 2, 0, 2, 0, 0),
    "support_zendesk.jsonl": ("zendesk", 0.9, 3, 4, 3, 7, 1, 0),
    "support_zendesk.csv": ("zendesk_csv", 0.9, 4, 0, 3, 0, 0, 0),
    "support_freshdesk.csv": ("freshdesk", 0.9, 4, 3, 3, 3, 0, 0),
    "support_freshdesk.json": ("freshdesk", 0.9, 2, 3, 2, 5, 0, 0),
    "support_hubspot.csv": ("hubspot", 0.9, 4, 3, 2, 3, 0, 0),
    "support_hubspot.xlsx": ("hubspot", 0.9, 3, 3, 2, 3, 0, 0),
    "support_intercom.csv": ("intercom", 0.9, 3, 4, 3, 12, 0, 0),
    "support_intercom.json": ("intercom", 0.9, 2, 3, 2, 8, 0, 0),
    "chat_line.csv": ("line", 0.9, 1, 3, 1, 9, 0, 0),
}


def _import(tmp_path, *names, **kw):
    p = Project.create(tmp_path / "p.voc")
    reports = [import_file(p, n if not isinstance(n, str) else FORMATS / n, **kw) for n in names]
    return p, reports


def _verbatims(p: Project) -> list[str]:
    return [t for (t,) in p.conn.execute("SELECT text FROM verbatims ORDER BY id")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_format_detected_and_counted(tmp_path, name):
    fmt, conf, tickets, verbatims, customers, messages, non_answers, dups = EXPECTED[name]
    d = detect(FORMATS / name)
    assert (d.format, d.kind) == (fmt, "support")
    assert conf <= d.confidence <= 1 and d.reason and d.label
    p, (r,) = _import(tmp_path, name)
    with p:
        c = project_counts(p.conn)
        assert (c["tickets"], c["verbatims"], c["customers"], c["messages"], c["non_answers"],
                c["duplicates_skipped"], c["responses"]) == (tickets, verbatims, customers, messages, non_answers,
                                                             dups, 0)
        assert r.format == fmt and r.kind == "support"
        # every verbatim is a customer's message
        assert p.conn.execute("SELECT count(*) FROM verbatims v JOIN messages m ON m.id = v.message_id"
                              " WHERE m.author_role != 'customer'").fetchone()[0] == 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_same_file_again_adds_nothing(tmp_path, name):
    p, (_, again) = _import(tmp_path, name, name)
    with p:
        c = project_counts(p.conn)
        assert (c["tickets"], c["verbatims"], c["customers"]) == EXPECTED[name][2:5]
        assert again.counts["verbatims"] == 0 and again.counts["tickets"] == 0


# --- reviews ---------------------------------------------------------------------------


def test_google_play_report_times_links_and_ratings(tmp_path):
    p, (r,) = _import(tmp_path, "review_google_play.csv")
    with p:
        rows = {t: (cr, up, json.loads(a)) for t, cr, up, a in p.conn.execute(
            "SELECT external_id, created_at, updated_at, attributes FROM tickets")}
        assert set(rows) >= {"gp:AOqpTOGn1", "gp:AOqpTOGn2", "gp:AOqpTOGn4", "gp:AOqpTOGn5"}  # ids from Review Link
        created, updated, attrs = rows["gp:AOqpTOGn2"]
        # the review's time is when the customer wrote it (UTC in the file), not the reply's
        assert created == "2025-03-02T19:00:00+09:00" and updated == "2025-03-03T18:30:00+09:00"
        assert attrs["rating"] == "2" and attrs["Review Link"].startswith("https://play.google.com/")
        msgs = p.conn.execute("SELECT m.author_role, m.created_at, m.body FROM messages m JOIN tickets t"
                              " ON t.id = m.ticket_id WHERE t.external_id = 'gp:AOqpTOGn2' ORDER BY m.seq").fetchall()
        assert msgs[0][:2] == ("customer", "2025-03-02T19:00:00+09:00")
        assert msgs[0][2] == "届いた枕がへたっていた\n2週間で真ん中が沈んできました。交換できますか？"  # title + body
        assert msgs[1][:2] == ("agent", "2025-03-04T11:00:00+09:00")  # the developer's reply
        texts = _verbatims(p)
        assert not any("http" in t or t.strip() in "12345" or "ご不便" in t for t in texts)
        v = p.conn.execute("SELECT created_at, channel FROM verbatims ORDER BY id").fetchall()
        assert v[1] == ("2025-03-02T19:00:00+09:00", "Google Play")
        # a rating without text is no review (and no verbatim): skipped and counted
        assert r.skipped.get("rating_only") == 1 and r.counts["duplicates_skipped"] == 1
        assert set(rows) == {"gp:AOqpTOGn1", "gp:AOqpTOGn2", "gp:AOqpTOGn4", "gp:AOqpTOGn5"}


def test_google_play_utf16_read_as_such():
    d = detect(FORMATS / "review_google_play.csv")
    assert d.encoding.startswith("utf-16") and "16" in d.reason


def test_app_store_api_response_is_not_the_review(tmp_path):
    p, _ = _import(tmp_path, "review_app_store_api.json")
    with p:
        t = p.conn.execute("SELECT id, created_at, channel, attributes FROM tickets WHERE external_id ="
                           " '00000028-b08c-0014-729e-fbd500000001'").fetchone()
        assert t[1] == "2025-04-02T00:10:34+09:00" and t[2] == "App Store"
        attrs = json.loads(t[3])
        assert attrs["rating"] == "5" and attrs["reviewerNickname"] == "makura_fan" and attrs["territory"] == "JPN"
        msgs = p.conn.execute("SELECT author_role, created_at, body FROM messages WHERE ticket_id = ? ORDER BY seq",
                              (t[0],)).fetchall()
        assert msgs == [("customer", "2025-04-02T00:10:34+09:00", "毎朝が楽しみ\n寝起きの肩こりがなくなりました。"),
                        ("agent", "2025-04-06T02:00:00+09:00", "うれしいお言葉をありがとうございます！")]
        assert p.conn.execute("SELECT customer_id FROM tickets WHERE customer_id IS NOT NULL").fetchall() == []


def test_review_tool_layouts(tmp_path):
    """Reviews as common tools write them (JSON lists, separate date and time columns, a store
    column naming both stores): found by their keys, not by a fixed layout."""
    gps = tmp_path / "gplay_scraper.json"
    gps.write_text(json.dumps([
        {"reviewId": "gp:AAA1", "userName": "a", "userImage": "https://x/y.png", "content": "すぐ眠れる", "score": 5,
         "thumbsUpCount": 3, "reviewCreatedVersion": "1.2.0", "at": "2025-05-01 10:00:00", "replyContent": None,
         "repliedAt": None, "appVersion": "1.2.0"},
        {"reviewId": "gp:AAA2", "userName": "b", "userImage": "", "content": "高い", "score": 2, "thumbsUpCount": 0,
         "reviewCreatedVersion": None, "at": "2025-05-02 11:00:00", "replyContent": "ご意見ありがとうございます",
         "repliedAt": "2025-05-09 09:00:00", "appVersion": None}], ensure_ascii=False), encoding="utf-8")
    ass = tmp_path / "reviews.json"
    ass.write_text(json.dumps([
        {"id": 1, "date": "2025-05-03T01:00:00Z", "review": "気持ちいい", "rating": 5, "isEdited": False,
         "userName": "c", "title": "最高"},
        {"id": 2, "date": "2025-05-04T01:00:00Z", "review": "硬すぎ", "rating": 1, "isEdited": True,
         "userName": "d", "title": "硬い", "developerResponse": {"id": 9, "body": "交換できます",
                                                                  "modified": "2025-05-05T01:00:00Z"}}],
        ensure_ascii=False), encoding="utf-8")
    mixed = tmp_path / "store_reviews.csv"
    mixed.write_text("Date,Time,Store,App,Country,Rating,Title,Review,Author,Reply,Reply Date\n"
                     "2025/05/06,08:15,App Store,ねむりや,JP,4,良い,よく眠れます,e,,\n"
                     "2025/05/07,21:40,Google Play,ねむりや,JP,★★☆☆☆,,音がうるさい,f,すみません,2025/05/08\n",
                     encoding="utf-8")
    assert detect(gps).format == "google_play"
    assert detect(ass).format == "app_store"
    assert detect(mixed).format == "app_reviews"
    p, _ = _import(tmp_path, gps, ass, mixed)
    with p:
        assert project_counts(p.conn)["tickets"] == 6
        assert _verbatims(p) == ["すぐ眠れる", "高い", "最高\n気持ちいい", "硬い\n硬すぎ", "良い\nよく眠れます", "音がうるさい"]
        v = dict(p.conn.execute("SELECT text, channel || ' ' || created_at FROM verbatims"))
        assert v["高い"] == "Google Play 2025-05-02T11:00:00+09:00"
        assert v["硬い\n硬すぎ"] == "App Store 2025-05-04T10:00:00+09:00"
        assert v["良い\nよく眠れます"] == "App Store 2025-05-06T08:15:00+09:00"
        assert v["音がうるさい"] == "Google Play 2025-05-07T21:40:00+09:00"
        ratings = [json.loads(a)["rating"] for (a,) in p.conn.execute("SELECT attributes FROM tickets ORDER BY id")]
        assert ratings == ["5", "2", "5", "1", "4", "2"]
        assert p.conn.execute("SELECT count(*) FROM messages WHERE author_role = 'agent'").fetchone()[0] == 3


def test_json_api_pages_and_single_objects(tmp_path):
    """App Store Connect API pages saved one a line, and a single Zendesk ticket as the API returns it."""
    api = json.loads((FORMATS / "review_app_store_api.json").read_text(encoding="utf-8"))
    pages = tmp_path / "asc_pages.jsonl"
    first = {"data": api["data"][:2], "included": api["included"]}
    second = {"data": api["data"][2:], "included": []}
    pages.write_text(json.dumps(first, ensure_ascii=False) + "\n" + json.dumps(second, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    one = tmp_path / "ticket.json"
    one.write_text(json.dumps({"ticket": {"id": 77, "requester_id": 5, "description": "箱がつぶれていました",
                                          "status": "open", "created_at": "2025-01-01T00:00:00Z"}},
                              ensure_ascii=False), encoding="utf-8")
    assert detect(pages).format == "app_store" and detect(one).format == "zendesk"
    p, (a, b) = _import(tmp_path, pages, one)
    with p:
        assert (a.counts["tickets"], a.counts["verbatims"], a.counts["messages"]) == (3, 3, 4)
        assert (b.counts["tickets"], b.counts["verbatims"], b.counts["customers_added"]) == (1, 1, 1)


def test_survey_with_rating_and_comment_is_no_review(tmp_path):
    f = tmp_path / "survey.csv"
    f.write_text("回答ID,満足度（5段階評価）,コメント\n1,5,よかった\n2,3,普通\n", encoding="utf-8")
    assert detect(f).kind == "survey"


def test_ratings():
    assert [rating_of(s) for s in ("5", "4.0", "５", "★★★☆☆", "4/5", "2 stars", "0", "6", "", "abc")] == [
        5, 4, 5, 3, 4, 2, None, None, None, None]


# --- tickets ---------------------------------------------------------------------------


def test_zendesk_csv_is_tickets_not_customers(tmp_path):
    d = detect(FORMATS / "support_zendesk.csv")
    assert d.format == "zendesk_csv" and "Zendesk" in d.reason
    p, _ = _import(tmp_path, "support_zendesk.csv")
    with p:
        rows = p.conn.execute("SELECT t.external_id, c.external_id, t.status, t.created_at, t.solved_at FROM tickets t"
                              " JOIN customers c ON c.id = t.customer_id ORDER BY t.external_id").fetchall()
        assert rows[0] == ("1001", "361001", "solved", "2025-02-01T10:00:00+09:00", "2025-02-02T12:00:00+09:00")
        assert [r[2] for r in rows] == ["solved", "open", "pending", "closed"]


def test_zendesk_json_and_csv_join_on_ids(tmp_path):
    p, (_, csv_report) = _import(tmp_path, "support_zendesk.jsonl", "support_zendesk.csv")
    with p:
        c = project_counts(p.conn)
        # tickets 1001–1003 (JSON) and 1001, 1002, 1004, 1005 (CSV); requesters 361001–361004
        assert (c["tickets"], c["customers"], c["verbatims"]) == (5, 4, 4)
        assert csv_report.counts["tickets_updated"] == 2 and csv_report.counts["tickets"] == 2


def test_support_customers_join_survey_customers(tmp_path):
    """Intercom's user_id is the shop's customer id: the same customers as the survey's 顧客ID."""
    p, _ = _import(tmp_path, FIXTURES / "excel_cp932.csv", "support_intercom.csv")
    with p:
        assert project_counts(p.conn)["customers"] == 8 + 1  # + the lead, who has no customer id
        both = p.conn.execute(
            "SELECT c.external_id FROM customers c WHERE EXISTS (SELECT 1 FROM responses r WHERE r.customer_id = c.id)"
            " AND EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id) ORDER BY 1").fetchall()
        assert both == [("K000102",), ("K000106",)]


def test_freshdesk_json_roles(tmp_path):
    p, _ = _import(tmp_path, "support_freshdesk.json")
    with p:
        assert _verbatims(p) == ["注文した枕がまだ届きません", "届きました、ありがとうございました", "ポイントが\n反映されていません"]
        st = dict(p.conn.execute("SELECT external_id, status FROM tickets"))
        assert st == {"5001": "resolved", "5002": "open"}


def test_hubspot_contacts_and_status(tmp_path):
    p, _ = _import(tmp_path, "support_hubspot.csv", "support_hubspot.xlsx")
    with p:
        rows = dict(p.conn.execute("SELECT t.external_id, coalesce(c.external_id, '') || ' ' || t.status FROM tickets t"
                                   " LEFT JOIN customers c ON c.id = t.customer_id"))
        assert rows["31000001"] == "ken.sato@example.jp new"
        assert rows["31000003"] == "ken.sato@example.jp closed"
        assert rows["31000004"] == " waiting on us"
        assert rows["41000002"] == "5102 closed" and rows["41000003"] == "5101 closed"
        # the ticket name is the subject, not a verbatim
        assert "定期便の解約" not in _verbatims(p)


def test_intercom_admin_bot_notes_and_events_are_not_voices(tmp_path):
    p, _ = _import(tmp_path, "support_intercom.csv", "support_intercom.json")
    with p:
        assert _verbatims(p) == ["定期便の配送日を変更したいです", "ありがとうございます", "法人でまとめて購入できますか",
                                 "ポイントが反映されていません", "解約したいのですが手順を教えてください",
                                 "やっぱり続けます。枕は気に入っているので", "興味あります。価格はいくらですか？"]
        t = dict(p.conn.execute("SELECT t.external_id, c.external_id FROM tickets t JOIN customers c"
                                " ON c.id = t.customer_id"))
        assert t == {"101": "K000102", "102": "61a0l2", "103": "K000106", "1911149811": "K000301",
                     "1911149812": "K000302"}
        # the export writes UTC without an offset
        assert p.conn.execute("SELECT created_at FROM verbatims ORDER BY id").fetchone()[0] == "2025-06-01T10:00:00+09:00"
        roles = dict(p.conn.execute("SELECT body, author_role FROM messages WHERE body != ''"))
        assert roles["ご用件を選んでください"] == "agent" and roles["VIP のお客様"] == "agent"


# --- LINE ----------------------------------------------------------------------------


def test_line_preamble_senders_and_placeholders(tmp_path):
    d = detect(FORMATS / "chat_line.csv")
    assert d.format == "line" and "ねむりや" in d.reason
    p, (r,) = _import(tmp_path, "chat_line.csv")
    with p:
        assert _verbatims(p) == ["枕のサイズ交換はできますか？", "助かります、では交換をお願いします。\n色は同じで大丈夫です",
                                 "届くのが楽しみです,ありがとう"]
        assert r.skipped["placeholder"] == 4
        t = p.conn.execute("SELECT t.external_id, c.external_id, t.channel, t.created_at, t.updated_at FROM tickets t"
                           " JOIN customers c ON c.id = t.customer_id").fetchone()
        assert t == ("LINE:ねむりや:田中 美咲", "田中 美咲", "LINE", "2025-09-10T09:05:12+09:00",
                     "2025-09-11T08:02:00+09:00")
        roles = dict(p.conn.execute("SELECT body, author_role FROM messages"))
        assert roles["友だち追加ありがとうございます！"] == "agent" and roles["スタンプを送信しました。"] == "unknown"


def test_line_later_export_adds_only_new_messages(tmp_path):
    later = tmp_path / "chat_later.csv"
    later.write_bytes((FORMATS / "chat_line.csv").read_bytes()
                      + "User,田中 美咲,2025/09/14,19:00:00,届きました！ぴったりです\r\n".encode())
    p, (_, r) = _import(tmp_path, "chat_line.csv", later)
    with p:
        assert r.counts["tickets_updated"] == 1 and r.counts["verbatims"] == 1
        assert project_counts(p.conn)["customers"] == 1


def test_line_time_zone_from_preamble(tmp_path):
    f = tmp_path / "utc.csv"
    f.write_text("アカウント名,ねむりや\nタイムゾーン,'+00:00\n送信者タイプ,送信者名,送信日,送信時刻,内容\n"
                 "User,A,2025/09/10,01:00:00,こんにちは\n", encoding="utf-8")
    p, _ = _import(tmp_path, f)
    with p:
        assert p.conn.execute("SELECT created_at FROM verbatims").fetchone()[0] == "2025-09-10T10:00:00+09:00"


def test_placeholders():
    for s in ("スタンプを送信しました。", "画像を送信しました", "写真を送信しました。", "動画を送信しました。",
              "送信が取り消されたメッセージです", "[Sticker]", "[写真]", "Sent a photo.", "山田がスタンプを送信しました"):
        assert is_placeholder(s), s
    for s in ("先ほど写真を送信しましたが届いていますか？", "スタンプがかわいい", "画像を送信しましたので確認お願いします"):
        assert not is_placeholder(s), s


# --- what cannot be read -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "found"), [("support_unknown.json", "products"),
                                              ("support_unknown.csv", "SKU")])
def test_unknown_file_says_what_it_found_and_imports_nothing(tmp_path, name, found):
    p = Project.create(tmp_path / "p.voc")
    with p:
        with pytest.raises(InputError) as e:
            import_file(p, FORMATS / name)
        text = str(e.value)
        assert "\n" not in text and found in text and e.value.hint and name in text
        c = project_counts(p.conn)
        assert c["batches"] == c["tickets"] == c["verbatims"] == c["customers"] == 0


def test_named_format_that_does_not_fit(tmp_path):
    with pytest.raises(InputError) as e:
        read_file(FORMATS / "support_unknown.csv", format="hubspot")
    assert "Ticket ID" in e.value.message and "SKU" in e.value.message and "\n" not in str(e.value)
    with pytest.raises(InputError) as e:
        read_file(FORMATS / "support_unknown.csv", format="line")
    assert "送信者タイプ" in e.value.message and "SKU" in e.value.message
    with pytest.raises(InputError) as e:
        list(read_file(FORMATS / "support_unknown.json", format="app_store").records)
    assert "products" in str(e.value)


def test_json_of_other_objects(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"sku": "A", "stock": 1}\n{"sku": "B", "stock": 0}\n', encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_file(f)
    assert "sku" in e.value.message and e.value.row == 1 and e.value.hint


# --- messy input never escapes as anything but InputError -------------------------------------

_HEADERS = {
    "google_play": ["Package Name", "Reviewer Language", "Device", "Review Submit Date and Time", "Star Rating",
                    "Review Title", "Review Text", "Developer Reply Date and Time", "Developer Reply Text", "Review Link"],
    "zendesk_csv": ["Id", "Requester", "Requester id", "Subject", "Status", "Via", "Created at", "Solved at"],
    "hubspot": ["Ticket ID", "Ticket name", "Ticket description", "Ticket status", "Create date",
                "Associated Contact", "Associated Contact IDs"],
    "intercom": ["message_id", "message_body", "message_type", "message_created_at", "message_author_type",
                 "message_author_user_id", "conversation_id"],
    "line": ["送信者タイプ", "送信者名", "送信日", "送信時刻", "内容"],
}


def _messy_tables():
    from hypothesis import strategies as st

    from tests.fuzz_harness import cell, encodings

    @st.composite
    def table(draw):
        fmt = draw(st.sampled_from(sorted(_HEADERS)))
        rows = [["アカウント名", draw(cell)], ["タイムゾーン", draw(cell)]] if fmt == "line" else []
        rows.append(list(_HEADERS[fmt]))
        for _ in range(draw(st.integers(0, 6))):
            width = len(_HEADERS[fmt]) + draw(st.integers(-2, 2))
            rows.append([draw(st.one_of(cell, st.sampled_from(["User", "Account", "admin", "user", "5", "★★",
                                                                  "2025-03-01T01:15:00Z", "1740791700000"])))
                         for _ in range(max(0, width))])
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))).writerows(rows)
        return buf.getvalue().encode(draw(encodings), errors="replace"), ".csv"

    @st.composite
    def json_doc(draw):
        value = st.one_of(cell, st.integers(-5, 2 * 10**12), st.none(), st.booleans(), st.lists(cell, max_size=2),
                          st.dictionaries(cell, cell, max_size=2))
        shape = draw(st.sampled_from(["asc", "gp_api", "intercom", "freshdesk", "flat_review"]))
        items = []
        for _ in range(draw(st.integers(0, 4))):
            if shape == "asc":
                items.append({"type": "customerReviews", "id": draw(value),
                              "attributes": draw(st.one_of(value, st.fixed_dictionaries({}, optional={
                                  "rating": value, "title": value, "body": value, "createdDate": value})))})
            elif shape == "gp_api":
                items.append({"reviewId": draw(value), "comments": [{"userComment": draw(st.fixed_dictionaries({}, optional={
                    "text": value, "starRating": value, "lastModified": value}))}, {"developerComment": draw(value)}]})
            elif shape == "intercom":
                items.append({"type": "conversation", "id": draw(value), "source": draw(value),
                              "conversation_parts": draw(value), "contacts": draw(value), "created_at": draw(value)})
            elif shape == "freshdesk":
                items.append({"id": draw(value), "description_text": draw(value), "status": draw(value),
                              "requester_id": draw(value), "conversations": draw(value), "stats": draw(value)})
            else:
                items.append({"rating": draw(value), "review": draw(value), "title": draw(value),
                              "date": draw(value), "userName": draw(value)})
        doc = {"data": items, "included": []} if shape == "asc" else {"reviews": items} if shape == "gp_api" else items
        text = json.dumps(doc, ensure_ascii=draw(st.booleans()))
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(text)))
            text = text[:cut]
        return text.encode("utf-8"), ".json"

    return st.one_of(table(), json_doc())


def test_messy_support_files_fail_cleanly(tmp_path):
    from hypothesis import HealthCheck, given, settings

    from tests.fuzz_harness import snapshot

    project = Project.create(tmp_path / "fuzz.voc")

    @settings(max_examples=300, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(_messy_tables())
    def run(sample):
        data, suffix = sample
        f = tmp_path / f"input{suffix}"
        f.write_bytes(data)
        before = snapshot(project)
        try:
            import_file(project, f)
        except InputError as e:
            assert e.describe() and "\n" not in e.message
            assert snapshot(project) == before

    try:
        run()
    finally:
        project.close()
