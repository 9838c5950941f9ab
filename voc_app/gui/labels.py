"""What the app shows for the codes the project stores (``pain``, ``at_risk``, ``how_to_cancel``,
``empty_answer`` …): one value → label table per field, translated when read (``i18n.Labels``).

No internal code reaches a widget: every value a view shows goes through ``label_of(field,
value)`` or one of the tables; a code no table knows yet (a new segment, a new skip reason) is
shown through ``unknown_code`` (readable words instead of ``snake_case``) rather than as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from voc_app.gui.i18n import Labels

KIND_LABELS = Labels(survey=QT_TRANSLATE_NOOP("labels", "アンケート"), support=QT_TRANSLATE_NOOP("labels", "サポート"),
                     interview=QT_TRANSLATE_NOOP("labels", "インタビュー"))
# what an import batch held: the verbatim kinds, or behaviour data
BATCH_KIND_LABELS = Labels(survey=QT_TRANSLATE_NOOP("labels", "アンケート"), support=QT_TRANSLATE_NOOP("labels", "サポート"),
                           interview=QT_TRANSLATE_NOOP("labels", "インタビュー"),
                           customers=QT_TRANSLATE_NOOP("labels", "顧客リスト"),
                           orders=QT_TRANSLATE_NOOP("labels", "注文・利用履歴"),
                           referrals=QT_TRANSLATE_NOOP("labels", "紹介ログ"))
POLARITY_LABELS = Labels(delight=QT_TRANSLATE_NOOP("labels", "喜び"), pain=QT_TRANSLATE_NOOP("labels", "不満"),
                         neutral=QT_TRANSLATE_NOOP("labels", "中立"), mixed=QT_TRANSLATE_NOOP("labels", "混在"))
STAGE_LABELS = Labels(first_experience=QT_TRANSLATE_NOOP("labels", "初回体験"), success=QT_TRANSLATE_NOOP("labels", "活用"),
                      advocacy=QT_TRANSLATE_NOOP("labels", "推奨"), none="—")
# loyalty segments (voc_app.signals); new ones are added here as the scoring grows
SEGMENT_LABELS = Labels(ambassador=QT_TRANSLATE_NOOP("labels", "アンバサダー"), loyal=QT_TRANSLATE_NOOP("labels", "ロイヤル"),
                        watch=QT_TRANSLATE_NOOP("labels", "要注意"), at_risk=QT_TRANSLATE_NOOP("labels", "解約リスク"),
                        dormant=QT_TRANSLATE_NOOP("labels", "休眠"), unknown=QT_TRANSLATE_NOOP("labels", "不明"),
                        promoter=QT_TRANSLATE_NOOP("labels", "推奨者"), passive=QT_TRANSLATE_NOOP("labels", "中立者"),
                        detractor=QT_TRANSLATE_NOOP("labels", "批判者"), new=QT_TRANSLATE_NOOP("labels", "新規"))
SEGMENT_ORDER = ("ambassador", "loyal", "watch", "at_risk", "dormant", "unknown")
REVIEW_LABELS = Labels(confirmed=QT_TRANSLATE_NOOP("labels", "確認済み"), dismissed=QT_TRANSLATE_NOOP("labels", "対象外"),
                       contacted=QT_TRANSLATE_NOOP("labels", "連絡済み"))
FLAG_LABELS = Labels(ambassador=QT_TRANSLATE_NOOP("labels", "アンバサダー候補"), churn=QT_TRANSLATE_NOOP("labels", "解約リスク"))
# what each evidence span explains (the verbatim detail lists them after 根拠)
EVIDENCE_LABELS = Labels(polarity=QT_TRANSLATE_NOOP("labels", "極性"), churn=QT_TRANSLATE_NOOP("labels", "解約の兆し"),
                         advocacy=QT_TRANSLATE_NOOP("labels", "推奨・紹介"), stage=QT_TRANSLATE_NOOP("labels", "段階"))
CHURN_TYPE_LABELS = Labels(how_to_cancel=QT_TRANSLATE_NOOP("labels", "解約方法の問い合わせ"),
                           conditional=QT_TRANSLATE_NOOP("labels", "条件付きの解約"),
                           switch=QT_TRANSLATE_NOOP("labels", "乗り換え"),
                           never_again=QT_TRANSLATE_NOOP("labels", "もう利用しない"),
                           refund=QT_TRANSLATE_NOOP("labels", "注文の取り消し"),
                           explicit=QT_TRANSLATE_NOOP("labels", "解約の意思"),
                           dormant=QT_TRANSLATE_NOOP("labels", "利用の減少"))
ADVOCACY_TYPE_LABELS = Labels(referred=QT_TRANSLATE_NOOP("labels", "紹介"), recommended=QT_TRANSLATE_NOOP("labels", "推奨"),
                              gifted=QT_TRANSLATE_NOOP("labels", "贈り物"), review=QT_TRANSLATE_NOOP("labels", "レビュー・投稿"),
                              community=QT_TRANSLATE_NOOP("labels", "コミュニティ"))
SOURCE_LABELS = Labels(manual=QT_TRANSLATE_NOOP("labels", "手作業"), rule=QT_TRANSLATE_NOOP("labels", "ルール"),
                       topic=QT_TRANSLATE_NOOP("labels", "トピック"))
STATE_LABELS = Labels(accepted=QT_TRANSLATE_NOOP("labels", "確定"), pending=QT_TRANSLATE_NOOP("labels", "未確認"),
                      rejected=QT_TRANSLATE_NOOP("labels", "却下"))
TOPIC_STATUS_LABELS = Labels(active=QT_TRANSLATE_NOOP("labels", "有効"), merged=QT_TRANSLATE_NOOP("labels", "統合済み"),
                             deleted=QT_TRANSLATE_NOOP("labels", "削除済み"), retired=QT_TRANSLATE_NOOP("labels", "廃止"))
SIDE_LABELS = Labels(delight=QT_TRANSLATE_NOOP("labels", "喜び"), pain=QT_TRANSLATE_NOOP("labels", "不満"),
                     all=QT_TRANSLATE_NOOP("labels", "すべて"))
AUTHOR_LABELS = Labels(customer=QT_TRANSLATE_NOOP("labels", "顧客"), agent=QT_TRANSLATE_NOOP("labels", "担当者"),
                       unknown=QT_TRANSLATE_NOOP("labels", "不明"))
MEMO_TARGET_LABELS = Labels(project=QT_TRANSLATE_NOOP("labels", "プロジェクト"), code=QT_TRANSLATE_NOOP("labels", "コード"),
                            verbatim=QT_TRANSLATE_NOOP("labels", "発言"))
# why rows of a file did not become verbatims (the import wizard's 飛ばす行)
SKIP_LABELS = Labels(empty_answer=QT_TRANSLATE_NOOP("labels", "空欄の回答"),
                     empty_message=QT_TRANSLATE_NOOP("labels", "本文のないメッセージ"),
                     blank_row=QT_TRANSLATE_NOOP("labels", "空の行"), duplicate=QT_TRANSLATE_NOOP("labels", "重複した行"),
                     already_imported=QT_TRANSLATE_NOOP("labels", "取り込み済みの行"),
                     placeholder=QT_TRANSLATE_NOOP("labels", "スタンプ・定型文だけのメッセージ"),
                     rating_only=QT_TRANSLATE_NOOP("labels", "本文のない評価"),
                     no_customer_id=QT_TRANSLATE_NOOP("labels", "顧客 ID のない行"),
                     no_referrer_id=QT_TRANSLATE_NOOP("labels", "紹介者 ID のない行"))
# file formats (importers.detect.FORMATS): short names for tables
FORMAT_LABELS = Labels(excel_csv=QT_TRANSLATE_NOOP("labels", "Excel の CSV"), qualtrics="Qualtrics",
                       surveymonkey="SurveyMonkey", google_forms=QT_TRANSLATE_NOOP("labels", "Google フォーム"),
                       ms_forms="Microsoft Forms", typeform="Typeform",
                       questant=QT_TRANSLATE_NOOP("labels", "クエスタント"), kintone="kintone",
                       table=QT_TRANSLATE_NOOP("labels", "一般的な表"), zendesk="Zendesk", zendesk_csv="Zendesk CSV",
                       freshdesk="Freshdesk", hubspot="HubSpot", intercom="Intercom",
                       line=QT_TRANSLATE_NOOP("labels", "LINE トーク履歴"), google_play="Google Play",
                       app_store="App Store", app_reviews=QT_TRANSLATE_NOOP("labels", "アプリのレビュー"),
                       interview=QT_TRANSLATE_NOOP("labels", "インタビュー記録"),
                       customers=QT_TRANSLATE_NOOP("labels", "顧客リスト"),
                       orders=QT_TRANSLATE_NOOP("labels", "注文・利用履歴"), referrals=QT_TRANSLATE_NOOP("labels", "紹介ログ"))
# NPS groups as the cross-tab and the topic breakdowns store them (Japanese values)
NPS_GROUP_LABELS = Labels(**{v: v for v in (QT_TRANSLATE_NOOP("labels", "推奨者"), QT_TRANSLATE_NOOP("labels", "中立者"),
                                             QT_TRANSLATE_NOOP("labels", "批判者"), QT_TRANSLATE_NOOP("labels", "未回答"),
                                             QT_TRANSLATE_NOOP("labels", "（なし）"))})

FIELDS: dict[str, Labels] = {
    "kind": KIND_LABELS, "source": KIND_LABELS, "batch_kind": BATCH_KIND_LABELS, "polarity": POLARITY_LABELS, "stage": STAGE_LABELS,
    "segment": SEGMENT_LABELS, "review": REVIEW_LABELS, "flag": FLAG_LABELS, "evidence": EVIDENCE_LABELS,
    "churn_type": CHURN_TYPE_LABELS, "advocacy_type": ADVOCACY_TYPE_LABELS, "coding_source": SOURCE_LABELS,
    "coding_state": STATE_LABELS, "topic_status": TOPIC_STATUS_LABELS, "side": SIDE_LABELS,
    "author_role": AUTHOR_LABELS, "memo_target": MEMO_TARGET_LABELS, "skip": SKIP_LABELS, "format": FORMAT_LABELS,
    "nps_group": NPS_GROUP_LABELS,
}


def unknown_code(value: str) -> str:
    """A code no table knows yet, readable: ``new_reason`` → ``new reason``."""
    return value.replace("_", " ")


def label_of(field: str, value) -> str:
    """The label of ``value`` in ``field`` (``polarity``, ``segment``, ``skip`` …); values of
    fields without a table (months, questions, attributes) as they are."""
    if value is None:
        return ""
    if value == "（なし）":  # what the cross-tab calls a missing value
        return NPS_GROUP_LABELS[value]
    table = FIELDS.get(field)
    if table is None:
        return str(value)
    if value in table:
        return table[value]
    if field == "nps_group":  # the Japanese group names are data when not listed
        return str(value)
    return unknown_code(str(value))


def evidence_label(kind: str, label: str = "") -> str:
    """What an evidence span says: 「解約の兆し（乗り換え）」, 「極性」, 「段階（初回体験）」."""
    what = label_of("evidence", kind)
    detail = label.split("/", 1)[-1] if label else ""
    table = {"churn": CHURN_TYPE_LABELS, "advocacy": ADVOCACY_TYPE_LABELS, "stage": STAGE_LABELS}.get(kind)
    if table is not None and detail in table and table[detail] != "—":
        return QCoreApplication.translate("labels", "{0}（{1}）").format(what, table[detail])
    return what
