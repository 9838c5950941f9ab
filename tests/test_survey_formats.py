"""Survey tools' exports as users download them (fixtures in tests/fixtures/formats/survey_*, written
for the project from the products' documented layouts by build_survey_fixtures.py): each format
detected by name with a confidence and a reason, exact counts under the counting rules (choice,
rating, id, link and metadata columns are never verbatims), no free text lost without a warning,
the customer's own response time, and the import wizard counting again when a role is changed."""

from __future__ import annotations

import csv
import io
import json

import pytest

from importers import InputError, detect, read_file
from tests.conftest import FIXTURES, dump
from voc_app.cli import main
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store.queries import project_counts

FORMATS = FIXTURES / "formats"
REASON_Q = "そのように評価した理由を教えてください"

# file: (format, confidence, responses, verbatims, customers, questions that become verbatims)
EXPECTED = {
    "survey_typeform.csv": ("typeform", 0.95, 14, 23, 12,
                            {REASON_Q, "Other", "改善してほしい点があれば教えてください"}),
    "survey_surveymonkey.csv": ("surveymonkey", 0.95, 10, 18, 8,
                                {"What is the main reason for your score?",
                                 "How did you hear about ねむりや? (Select all that apply) - Other (please specify)",
                                 "Is there anything else you would like to tell us?"}),
    "survey_surveymonkey.xlsx": ("surveymonkey", 0.95, 9, 16, 4,
                                 {REASON_Q, "当店を知ったきっかけを教えてください（複数選択可） - その他（具体的に）",
                                  "その他、ご意見・ご要望があればお聞かせください"}),
    "survey_questant_cp932.csv": ("questant", 0.9, 12, 23, 0,
                                  {"Q2 [FA] その他（具体的に）", f"Q4 [FA] {REASON_Q}", "Q5 [FA] ご要望があればお聞かせください"}),
    "survey_google_forms_ja.csv": ("google_forms", 0.95, 14, 23, 13, {REASON_Q, "ご要望があれば自由にお書きください"}),
    "survey_google_forms_en.csv": ("google_forms", 0.95, 10, 15, 9,
                                   {"Please tell us the reason for your rating", "Any other comments or requests?"}),
    "survey_ms_forms_ja.xlsx": ("ms_forms", 0.95, 8, 13, 5, {"その評価の理由を教えてください", "ご意見・ご要望をお聞かせください"}),
    "survey_ms_forms_en.xlsx": ("ms_forms", 0.95, 6, 9, 0, {"Why did you give this rating?", "Any comments or suggestions?"}),
    "survey_qualtrics_utf8bom.csv": ("qualtrics", 0.99, 12, 22, 10,
                                     {REASON_Q, "当店を知ったきっかけ（複数選択可） - その他 - Text", "ご要望があればお聞かせください"}),
    "survey_kintone_cp932.csv": ("kintone", 0.95, 8, 13, 7, {"満足度の理由", "ご意見・ご要望"}),
    "survey_kintone_utf8bom.csv": ("kintone", 0.95, 6, 9, 5, {"理由", "要望"}),
}


def counts(p: Project) -> tuple[int, int, int]:
    c = project_counts(p.conn)
    return c["responses"], c["verbatims"], c["customers"]


def roles(parsed) -> dict[str, str]:
    return {c.label: c.role for c in parsed.columns}


def responses(p: Project) -> dict[str, tuple]:
    rows = p.conn.execute("SELECT response_id, submitted_at, is_partial, attributes FROM responses").fetchall()
    return {r[0]: (r[1], bool(r[2]), json.loads(r[3] or "{}")) for r in rows}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_format_detected_and_counted_exactly(tmp_path, name):
    fmt, confidence, n_resp, n_verb, n_cust, questions = EXPECTED[name]
    d = detect(FORMATS / name)
    assert (d.format, d.kind, d.confidence) == (fmt, "survey", confidence)
    assert d.reason and d.label
    with Project.create(tmp_path / "p.voc") as p:
        r = import_file(p, FORMATS / name)
        assert (r.format, r.confidence) == (fmt, confidence)
        assert counts(p) == (n_resp, n_verb, n_cust)
        # only open-text questions become verbatims: never a choice, rating, id, link or metadata column
        got = {q for (q,) in p.conn.execute("SELECT DISTINCT question FROM verbatims")}
        assert got == questions


def test_counts_through_the_command_line(tmp_path, capsys):
    proj = str(tmp_path / "p.voc")
    assert main(["new", proj]) == 0
    for name in ("survey_typeform.csv", "survey_kintone_cp932.csv", "survey_ms_forms_ja.xlsx"):
        assert main(["import", proj, str(FORMATS / name), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["info", proj, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert (info["responses"], info["verbatims"], info["customers"]) == (14 + 8 + 8, 23 + 13 + 13, 12 + 7 + 5)


# --- the cases ------------------------------------------------------------------------

@pytest.mark.parametrize("name, label", [
    ("survey_google_forms_ja.csv", REASON_Q),
    ("survey_google_forms_en.csv", "Please tell us the reason for your rating"),
    ("survey_surveymonkey.csv", "What is the main reason for your score?"),
    ("survey_typeform.csv", REASON_Q),
    ("survey_ms_forms_en.xlsx", "Why did you give this rating?"),
    ("survey_questant_cp932.csv", f"Q4 [FA] {REASON_Q}"),
])
def test_a_reason_question_whose_header_says_score_is_open_text(name, label):
    p = read_file(FORMATS / name)
    col = next(c for c in p.columns if c.label == label)
    assert col.role == "text" and "値が文章なので自由記述" in col.reason


def test_typeform_token_network_choices_other_and_partials(tmp_path):
    p = read_file(FORMATS / "survey_typeform.csv")
    r = roles(p)
    assert r["#"] == "id" and r["Network ID"] == "ignore" and r["customer_id"] == "customer"
    assert [r[c] for c in ("店頭", "Webサイト", "SNS", "友人・知人の紹介")] == ["choice"] * 4
    assert r["Other"] == "text" and r["メールマガジンを受け取りますか？"] == "choice"
    assert r["ねむりやを友人や知人にすすめる可能性はどのくらいありますか？"] == "nps"
    assert r["商品の満足度を星で評価してください"] == "score"
    assert r["Submit Date (UTC)"] == "time" and r["Start Date (UTC)"] == r["Stage Date (UTC)"] == "ignore"
    with Project.create(tmp_path / "p.voc") as proj:
        rep = import_file(proj, FORMATS / "survey_typeform.csv")
        assert rep.counts["partial_responses"] == 2
        got = responses(proj)
    # Submit Date (UTC) in Japan time; a partial response is dated by its last own activity (Stage Date)
    assert got["k3l9x0q2m8v1d7f4a6c5b2n9p0r3s8t1"][:2] == ("2025-06-01T10:02:10+09:00", False)
    assert got["l8n1p3r5t7v9x1z3b5d7f9h1j3l5n7p9"][:2] == ("2025-06-10T17:02:30+09:00", True)
    assert got["j2l4n6p8r1t3v5x7z9b2d4f6h8j1l3n5"][2]["Webサイト"] == "Webサイト"


def test_surveymonkey_checkboxes_other_choice_and_other_words(tmp_path):
    p = read_file(FORMATS / "survey_surveymonkey.xlsx")
    r = roles(p)
    q = "当店を知ったきっかけを教えてください（複数選択可）"
    # a column whose only value is its own label is a choice, even 「その他」
    assert [r[f"{q} - {c}"] for c in ("店頭", "Webサイト", "SNS", "その他")] == ["choice"] * 4
    assert r[f"{q} - その他（具体的に）"] == "text"  # the respondent's own words
    assert r["総合的な満足度を教えてください"] == "choice" and r["メール アドレス"] == "customer"
    assert r["回答者 ID"] == "id" and r["終了日"] == "time" and r["開始日"] == "ignore"
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, FORMATS / "survey_surveymonkey.xlsx")
        got = responses(proj)
    assert got["11912340003"][2][q] == "SNS; その他"  # one attribute per question
    assert got["11912340005"][2][q] == "店頭; Webサイト"
    assert got["11912340001"][0] == "2025-07-01T09:03:40+09:00"


def test_questant_sa_ma_fa(tmp_path):
    p = read_file(FORMATS / "survey_questant_cp932.csv")
    assert p.encoding == "cp932"
    r = roles(p)
    assert r["Q1 [SA] あなたの年代を教えてください"] == "choice"  # a choice's number is no rating
    assert r["Q3 [SA] 商品の総合評価（5段階）"] == "score"
    assert all(r[f"Q2 [MA] 当店を知ったきっかけ：{c}"] == "choice" for c in ("店頭", "Webサイト", "SNS", "その他"))
    assert r["回答終了日時"] == "time" and r["回答開始日時"] == "ignore"
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, FORMATS / "survey_questant_cp932.csv")
        got = responses(proj)
    assert got["3"][2]["Q2 当店を知ったきっかけ"] == "SNS; その他"
    assert got["12"][2]["Q2 当店を知ったきっかけ"] == "店頭; Webサイト; SNS"
    assert "Q2 当店を知ったきっかけ" not in got["5"][2] or got["5"][2]["Q2 当店を知ったきっかけ"] == "その他"


def test_response_time_is_the_customers_never_an_exports(tmp_path):
    with Project.create(tmp_path / "p.voc") as proj:
        for name in ("survey_qualtrics_utf8bom.csv", "survey_kintone_cp932.csv", "survey_kintone_utf8bom.csv",
                     "survey_ms_forms_ja.xlsx"):
            import_file(proj, FORMATS / name)
        got = responses(proj)
    # Qualtrics: EndDate in the time zone its ImportId names (America/Denver), in Japan time; the
    # partial response closed a week later by Qualtrics (RecordedDate) keeps the respondent's time
    assert got["R_1a2B3c4D5e6F7g8"][:2] == ("2025-07-02T09:03:10+09:00", False)
    assert got["R_5e6F7g8H9i0J1k2"][:2] == ("2025-07-04T03:01:30+09:00", True)
    # kintone: 作成日時 (the record was created when the customer answered), never 更新日時 (an edit)
    assert got["102"][0] == "2025-05-10T14:40:00+09:00"
    # ... and the app's own 回答日時 over 作成日時 when the records were typed in later, all at once
    assert got["202"][0] == "2025-06-03T15:30:00+09:00"
    # Microsoft Forms: 完了時刻, not 最終変更時刻
    assert got["3"][0] == "2025-09-02T08:18:05+09:00"
    p = read_file(FORMATS / "survey_kintone_utf8bom.csv")
    assert roles(p)["作成日時"] == "ignore" and "書き出した" in next(c.reason for c in p.columns if c.id == "作成日時")


# --- no silent loss of text -------------------------------------------------------------------

def test_score_needs_numbers_one_line_and_nothing_imported(tmp_path):
    with Project.create(tmp_path / "p.voc") as proj:
        before = dump(proj)
        with pytest.raises(InputError) as e:
            import_file(proj, FORMATS / "survey_google_forms_ja.csv", overrides=[("score", REASON_Q)])
        assert dump(proj) == before
    msg = e.value.describe()
    assert "\n" not in msg and REASON_Q in msg and "数値ではない値" in msg and "--map text=" in msg


def test_text_mapped_away_is_named_in_the_dry_run(tmp_path, capsys):
    proj = str(tmp_path / "p.voc")
    assert main(["new", proj]) == 0
    capsys.readouterr()
    rc = main(["import", proj, str(FORMATS / "survey_google_forms_ja.csv"), "--dry-run", "--no-progress",
               "--map", f"attr={REASON_Q}"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "発言 10" in out  # 23 - the 13 reasons
    warning = next(line for line in out.splitlines() if REASON_Q in line and "長く多様な文章" in line)
    assert "属性" in warning and f"--map text={REASON_Q}" in warning
    # the choice column with an 「その他」 typed into it is named too
    assert "選択肢にない記述が 1 件" in out


def test_long_varied_text_under_a_score_header_in_a_plain_table(tmp_path):
    f = tmp_path / "アンケート.csv"
    rows = [["No", "評価", "満足度（1〜5）", "評価コメント"]]
    comments = ["配送がとても早くて助かりました", "梱包が丁寧でまた買いたいと思いました", "サポートの返事が遅くて困りました",
                "値段のわりに品質が良いです", "特になし", "色が写真と違っていて残念でした"]
    for i, c in enumerate(comments, start=1):
        rows.append([str(i), c, str(1 + i % 5), "" if i % 2 else c[:8] + "です。"])
    f.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    p = read_file(f)
    r = roles(p)
    assert r["評価"] == "text" and r["評価コメント"] == "text" and r["満足度（1〜5）"] == "score"
    assert len([a for x in p.records for a in x.answers if a.text.strip()]) == 6 + 3


def test_unknown_file_says_what_it_found_in_one_line_and_imports_nothing(tmp_path, capsys):
    proj = str(tmp_path / "p.voc")
    assert main(["new", proj]) == 0
    with Project(proj) as p:
        before = dump(p)
    capsys.readouterr()
    rc = main(["import", proj, str(FORMATS / "survey_unknown_summary.csv"), "--no-progress"])
    err = capsys.readouterr().err.strip()
    assert rc != 0 and "\n" not in err
    assert "自由記述の列が見つかりません（表、3 列:" in err and "--map text=" in err and "回答データ" in err
    with Project(proj) as p:
        assert dump(p) == before


def test_header_only_file_is_one_line(tmp_path):
    f = tmp_path / "typeform.csv"
    f.write_text("#,そのように評価した理由を教えてください,Submit Date (UTC),Network ID\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_file(f)
    assert "データの行がありません" in e.value.describe() and "\n" not in e.value.describe()


# --- other layouts of the same products (content decides, not the fixture) ---------------------

def _rewrite(src, dst, fn, encoding="utf-8", header_rows=1):
    text = src.read_bytes().decode(encoding)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    rows = fn(rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    dst.write_bytes(buf.getvalue().encode(encoding))
    return dst


def test_questant_with_a_code_row_and_a_label_row(tmp_path):
    """Variable codes (Q1, Q2_1 …) in row 1 and the question texts in row 2: the same counts."""
    def two_rows(rows):
        head = rows[0]
        codes = ["No", "START", "END", "Q1", "Q2_1", "Q2_2", "Q2_3", "Q2_4", "Q2_FA", "Q3", "Q4", "Q5"]
        return [codes, head, *rows[1:]]
    f = _rewrite(FORMATS / "survey_questant_cp932.csv", tmp_path / "q.csv", two_rows, "cp932")
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, f)
        assert counts(proj) == (12, 23, 0)


def test_typeform_older_export_without_response_type(tmp_path):
    def older(rows):
        head = rows[0]
        keep = [i for i, h in enumerate(head) if h not in ("Response Type", "Stage Date (UTC)", "Tags")]
        done = [r for r in rows[1:] if r[head.index("Response Type")] == "completed"]
        return [[r[i] for i in keep] for r in [head, *done]]
    f = _rewrite(FORMATS / "survey_typeform.csv", tmp_path / "t.csv", older)
    assert detect(f).format == "typeform"
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, f)
        assert counts(proj) == (12, 22, 11)  # the two partial rows (one reason) are not in an older export


def test_surveymonkey_numeric_values_and_one_header_row_variant(tmp_path):
    """Checkbox cells holding the choice's number (SurveyMonkey's "numerical value" export) are
    still choices; the free text is the same."""
    def numeric(rows):
        out = [rows[0], rows[1]]
        for r in rows[2:]:
            r = list(r)
            for i in range(11, 15):
                r[i] = str(i - 10) if r[i] else ""
            out.append(r)
        return out
    f = _rewrite(FORMATS / "survey_surveymonkey.csv", tmp_path / "sm.csv", numeric)
    p = read_file(f)
    assert all(c.role == "choice" for c in p.columns[11:15])
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, f)
        assert counts(proj) == (10, 18, 8)


def test_many_non_answers_do_not_turn_free_text_into_a_choice(tmp_path):
    f = tmp_path / "voices.csv"
    lines = ["回答ID,ご要望,満足度"]
    for i in range(60):
        text = ("特になし", "なし", "特にありません")[i % 3] if i % 5 else f"配送の日時指定を {i} 時台にもできるようにしてほしい"
        lines.append(f"{i + 1},{text},{('満足', 'やや満足', 'どちらともいえない', 'やや不満', '不満')[i % 5]}")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = read_file(f)
    r = roles(p)
    assert r["ご要望"] == "text" and r["満足度"] == "choice"
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, f)
        assert counts(proj) == (60, 60, 0)


def test_rating_labels_in_a_tiny_file_are_a_choice_and_reasons_text(tmp_path):
    f = tmp_path / "tiny.csv"
    f.write_text("回答ID,総合的な満足度を教えてください,Overall satisfaction?,その理由を教えてください\n"
                 "1,とても満足,Very satisfied,毎朝すっきり起きられるようになりました\n"
                 "2,やや不満,Dissatisfied,思ったより硬かったです\n"
                 "3,どちらともいえない,Neither satisfied nor dissatisfied,まだ使い始めたばかりなので\n"
                 "4,満足,Satisfied,\n", encoding="utf-8")
    r = roles(read_file(f))
    assert r["総合的な満足度を教えてください"] == r["Overall satisfaction?"] == "choice"
    assert r["その理由を教えてください"] == "text"


def test_kintone_english_headers_and_multiline_checkbox(tmp_path):
    def english(rows):
        names = {"レコード番号": "Record number", "作成者": "Created by", "作成日時": "Created datetime",
                 "更新者": "Updated by", "更新日時": "Updated datetime"}
        return [[names.get(h, h) for h in rows[0]], *rows[1:]]
    f = _rewrite(FORMATS / "survey_kintone_cp932.csv", tmp_path / "k.csv", english, "cp932")
    p = read_file(f)
    assert p.format == "kintone" and roles(p)["Created datetime"] == "time" and roles(p)["知ったきっかけ"] == "choice"
    with Project.create(tmp_path / "p.voc") as proj:
        import_file(proj, f)
        assert counts(proj) == (8, 13, 7)


# --- the import wizard --------------------------------------------------------------------------

def _wizard(qtbot, tmp_path, name):
    pytest.importorskip("pytestqt")
    from voc_app.gui.app import op_dry_run
    from voc_app.gui.dialogs import ImportWizard
    from voc_app.gui.jobs import Job

    path = tmp_path / "p.voc"
    Project.create(path).close()
    with Project(path) as proj:
        report = op_dry_run(proj, lambda *a: None, FORMATS / name)

    def recount(overrides):
        return Job("recount", path, op_dry_run, path=FORMATS / name, overrides=overrides)

    wiz = ImportWizard(None, FORMATS / name, report, recount=recount)
    qtbot.addWidget(wiz)
    return wiz


def _set_role(qtbot, wiz, label, role):
    j = next(i for i, c in enumerate(wiz.report.columns) if c["label"] == label)
    box = wiz.boxes[j]
    box.setCurrentIndex(box.findData(role))
    qtbot.waitUntil(lambda: not wiz.counting(), timeout=60_000)


def test_wizard_counts_again_when_a_role_changes(qtbot, tmp_path):
    wiz = _wizard(qtbot, tmp_path, "survey_google_forms_ja.csv")
    assert wiz.report.counts["verbatims"] == 23 and "発言 23" in wiz.messages.toPlainText()
    _set_role(qtbot, wiz, REASON_Q, "attr")
    text = wiz.messages.toPlainText()
    assert wiz.report.counts["verbatims"] == 10 and "発言 10" in text
    assert REASON_Q in text and "長く多様な文章" in text  # the user sees what the change costs
    assert wiz.import_button.isEnabled() and wiz.overrides() == [("attr", REASON_Q)]
    _set_role(qtbot, wiz, REASON_Q, "score")  # a score needs numbers: refused, import disabled
    assert "数値ではない値" in wiz.messages.toPlainText() and not wiz.import_button.isEnabled()
    _set_role(qtbot, wiz, REASON_Q, "text")
    assert wiz.report.counts["verbatims"] == 23 and wiz.import_button.isEnabled() and wiz.overrides() == []


def test_wizard_opens_on_a_file_without_free_text_and_lets_the_user_pick(qtbot, tmp_path):
    wiz = _wizard(qtbot, tmp_path, "survey_unknown_summary.csv")
    assert "自由記述の列が見つかりません" in wiz.messages.toPlainText() and not wiz.import_button.isEnabled()
    _set_role(qtbot, wiz, "当店を知ったきっかけを教えてください（複数選択可）", "text")
    assert wiz.report.counts["verbatims"] == 5 and wiz.import_button.isEnabled()
