"""Readers on fixtures the project owns: every supported format and its mess."""

from __future__ import annotations

import pytest

from importers import InputError, read_file
from importers.model import Interview, SurveyResponse, Ticket


def roles(parsed):
    return {c.id: c.role for c in parsed.columns}


def test_japanese_excel_csv_cp932(fixtures):
    p = read_file(fixtures / "excel_cp932.csv")
    assert (p.format, p.encoding, p.kind) == ("excel_csv", "cp932", "survey")
    r = roles(p)
    assert r["回答ID"] == "id" and r["顧客ID"] == "customer" and r["回答日時"] == "time"
    assert r["NPS(0-10)"] == "nps" and r["年代"] == "attr"
    assert r["買ってみて一番嬉しかったのはどんな時でしたか？"] == "text"
    recs = list(p.records)
    assert all(isinstance(x, SurveyResponse) for x in recs)
    assert len(recs) == 10 and p.stats.blank_rows == 2  # 9 rows + 1 duplicate; 2 trailing empty rows
    by_id = {x.response_id: x for x in recs}
    assert by_id["1002"].nps == 9  # full-width ９
    assert by_id["1001"].submitted_at == "2025-04-01T09:11:00+09:00"
    assert by_id["1009"].customer_id == "K000101"  # Ｋ000101 normalised
    assert "①の枕と㈱髙島屋" in by_id["1009"].answers[0].text  # cp932-only characters survive
    assert by_id["1008"].answers[1].text == "アプリの睡眠記録が\nときどき消えます"  # in-cell newline
    assert by_id["1008"].nps is None and by_id["1005"].attributes == {}
    assert by_id["1006"].answers[0].text == "ｿﾌﾄな肌ざわり"  # original text kept exactly


def test_excel_csv_utf8_bom_scores_and_attributes(fixtures):
    p = read_file(fixtures / "excel_utf8bom.csv")
    assert (p.format, p.encoding) == ("excel_csv", "utf-8-sig")
    r = roles(p)
    assert r["満足度（1〜5）"] == "score" and r["プラン"] == "attr" and r["会員番号"] == "customer"
    recs = list(p.records)
    assert recs[0].scores == {"満足度（1〜5）": 5.0} and recs[0].attributes == {"プラン": "定期便"}


def test_google_forms(fixtures):
    p = read_file(fixtures / "google_forms.csv")
    assert p.format == "google_forms"
    r = roles(p)
    assert r["タイムスタンプ"] == "time" and r["メールアドレス"] == "customer"
    assert r["ねむりやを友人や知人にすすめる可能性はどのくらいありますか？（0〜10）"] == "nps"
    recs = list(p.records)
    assert [x.nps for x in recs] == [9, 4, 10]
    assert recs[2].submitted_at == "2025-06-02T21:17:40+09:00"


def test_surveymonkey_two_header_rows(fixtures):
    p = read_file(fixtures / "surveymonkey.csv")
    assert p.format == "surveymonkey"
    labels = {c.label: c.role for c in p.columns}
    # blank header cells carry the question forward; the sub-label is kept
    assert labels["ご不満な点はありますか？ - 価格"] == "text"
    assert labels["ご不満な点はありますか？ - 配送"] == "text"
    assert roles(p)["Custom Data 1"] == "customer"
    recs = list(p.records)
    assert recs[0].nps == 10 and recs[0].customer_id == "K000201"
    assert recs[1].submitted_at == "2025-06-03T22:20:31+09:00"  # US 12-hour clock


def test_qualtrics_utf16_tsv_partial_and_duplicate_submission(fixtures):
    p = read_file(fixtures / "qualtrics_utf16.tsv")
    assert (p.format, p.encoding, p.confidence) == ("qualtrics", "utf-16", 0.99)
    r = roles(p)
    # EndDate is when the respondent finished; RecordedDate is when Qualtrics recorded the response
    # (a week later for the partial one, closed by timeout): the response time is the customer's
    assert r["ResponseId"] == "id" and r["EndDate"] == "time" and r["RecordedDate"] == "ignore" and r["Q1"] == "nps"
    q2 = next(c for c in p.columns if c.id == "Q2")
    assert q2.label == "買ってみて一番嬉しかったのはどんな時でしたか？"  # question text from row 2
    recs = list(p.records)
    assert [x.partial for x in recs] == [False, True, False]
    assert recs[1].progress == 50
    assert recs[0].signature == recs[2].signature and recs[0].key != recs[2].key


def test_microsoft_forms_xlsx(fixtures):
    p = read_file(fixtures / "ms_forms.xlsx")
    assert (p.format, p.encoding) == ("ms_forms", None)
    r = roles(p)
    assert r["完了時刻"] == "time" and r["開始時刻"] == "ignore" and r["ご利用のプラン"] == "attr"
    recs = list(p.records)
    assert recs[0].submitted_at == "2025-08-01T09:05:00+09:00"
    assert recs[1].answers[0].text.startswith("サイトで在庫あり")


def test_zendesk_jsonl_roles_and_first_comment(fixtures):
    p = read_file(fixtures / "zendesk.jsonl")
    assert (p.format, p.kind) == ("zendesk", "support")
    recs = list(p.records)
    assert all(isinstance(t, Ticket) for t in recs)
    t501 = recs[0]
    roles_ = [m.author_role for m in t501.messages]
    assert roles_ == ["customer", "agent", "agent", "customer"]
    assert t501.messages[2].public is False
    assert t501.solved_at == t501.updated_at  # solved ticket
    assert recs[1].messages[0].body == "解約の方法を教えてください"  # \\uXXXX-escaped line decoded
    assert recs[2].customer_id is None and recs[2].messages[0].body == ""
    assert recs[3].key == recs[0].key  # the duplicate line


def test_zendesk_json_array_export(fixtures):
    recs = list(read_file(fixtures / "zendesk_export.json").records)
    assert [t.ticket_id for t in recs] == ["501", "502", "503"]


def test_freshdesk_csv_status_codes_and_html(fixtures):
    p = read_file(fixtures / "freshdesk.csv")
    assert p.format == "freshdesk"
    recs = list(p.records)
    assert [t.status for t in recs] == ["resolved", "open"]
    assert [t.priority for t in recs] == ["medium", "high"]
    assert recs[0].channel == "email" and recs[1].tags == ["返金", "至急"]
    assert recs[0].messages[0].body == "高さ調整シートの入れ方が分かりません。\n説明書にも載っていませんでした。"
    assert recs[0].attributes == {"Group": "CS"}


def test_intercom_rows_grouped_into_conversations(fixtures):
    p = read_file(fixtures / "intercom.csv")
    assert p.format == "intercom"
    recs = {t.ticket_id: t for t in p.records}
    c1 = recs["c-1"]
    assert c1.customer_id == "K000501"
    assert [m.author_role for m in c1.messages] == ["customer", "agent", "customer", "customer"]
    assert c1.messages[1].body == "承知しました。次回分をスキップしました。"
    assert recs["c-2"].customer_id == "u-78" and recs["c-2"].messages[0].author_role == "customer"


@pytest.mark.parametrize("name", ["interview_sato.txt", "interview_sato.docx"])
def test_interview_notes(fixtures, name):
    p = read_file(fixtures / name)
    assert (p.format, p.kind) == ("interview", "interview")
    (iv,) = list(p.records)
    assert isinstance(iv, Interview)
    assert iv.customer_id == "K000601" and iv.held_at == "2025-10-12T14:00:00+09:00"
    assert iv.title == "定期便ユーザー インタビュー"
    assert [u.speaker for u in iv.utterances] == ["佐藤様", "佐藤様", "佐藤様"]
    assert iv.utterances[0].text == "出張先のホテルでも同じ枕で寝られたことですね。\n持ち運び用のケースが付いていたのが大きいです。"
    assert iv.utterances[0].question == "買ってみて一番嬉しかったのはどんな時でしたか？"
    assert iv.utterances[1].question == "逆に、困ったことは？"


def test_interview_without_speakers_cp932(fixtures):
    p = read_file(fixtures / "interview_memo.txt")
    assert p.encoding == "cp932"
    (iv,) = list(p.records)
    assert len(iv.utterances) == 3 and all(u.speaker is None for u in iv.utterances)


def test_encoding_detection_falls_back_to_charset_detection(fixtures):
    p = read_file(fixtures / "euc_jp.csv")
    assert p.encoding.startswith("euc")
    assert [r.answers[0].text for r in p.records][1] == "値段が高いと感じました"


def test_encoding_override_is_checked(fixtures):
    with pytest.raises(InputError) as e:
        read_file(fixtures / "excel_cp932.csv", encoding="utf-8")
    assert "utf-8" in e.value.message and e.value.row is not None
    assert read_file(fixtures / "excel_cp932.csv", encoding="Shift_JIS").encoding == "cp932"


def test_map_overrides_roles(fixtures):
    p = read_file(fixtures / "excel_cp932.csv", overrides=[("attr", "NPS(0-10)"), ("customer", "回答ID")])
    r = roles(p)
    assert r["NPS(0-10)"] == "attr" and r["回答ID"] == "customer" and r["顧客ID"] == "ignore"
    with pytest.raises(InputError) as e:
        read_file(fixtures / "excel_cp932.csv", overrides=[("text", "存在しない列")])
    assert "存在しない列" in e.value.message and "回答ID" in e.value.hint


@pytest.mark.parametrize(
    ("name", "needle", "row", "column"),
    [
        ("bad_ragged.csv", "列が多い", 3, "3 列目"),
        ("bad_binary.csv", "バイナリ", None, None),
        ("bad_json.jsonl", "JSON として読めません", 2, None),
        ("bad_no_text.csv", "自由記述の列", 1, None),
    ],
)
def test_bad_input_is_a_clear_error(fixtures, name, needle, row, column):
    with pytest.raises(InputError) as e:
        list(read_file(fixtures / name).records)
    err = e.value
    assert needle in err.message
    assert err.row == row and err.column == column
    assert name in err.with_file(name).describe()


def test_huge_cell_is_a_clear_error(tmp_path):
    f = tmp_path / "huge.csv"
    f.write_text('回答ID,ご意見\n1,"閉じていない引用符\n' + "あ" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read_file(f).records)
    assert "セルが大きすぎます" in e.value.message and e.value.row == 2


def test_not_a_table_and_empty_and_legacy_xls(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\nsome text without structure\n")
    (tmp_path / "e.csv").write_bytes(b"")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (tmp_path / "junk.xlsx").write_bytes(b"PK\x03\x04garbage")
    for name, needle in [("a.pdf", "表形式"), ("e.csv", "空のファイル"), ("old.xls", ".xls"),
                         ("junk.xlsx", "Excel ファイルとして開けません"), ("missing.csv", "見つかりません")]:
        with pytest.raises(InputError) as e:
            list(read_file(tmp_path / name).records)
        assert needle in str(e.value), name


@pytest.mark.parametrize(("name", "fmt", "kind"), [
    ("zendesk.jsonl", "zendesk", "support"), ("excel_cp932.csv", "excel_csv", "survey"),
    ("interview_sato.txt", "interview", "interview"), ("ms_forms.xlsx", "ms_forms", "survey"),
    ("intercom.csv", "intercom", "support"),
])
def test_detect_without_importing(fixtures, name, fmt, kind):
    from importers import detect

    d = detect(fixtures / name)
    assert (d.format, d.kind) == (fmt, kind) and 0 < d.confidence <= 1 and d.reason and d.label
