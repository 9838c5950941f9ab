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
# a customer's journey headline (nlp.scoring.CUSTOMER_STAGES): a churn risk's is 'churn' (解約検討)
CUSTOMER_STAGE_LABELS = Labels(first_experience=QT_TRANSLATE_NOOP("labels", "初回体験"),
                               success=QT_TRANSLATE_NOOP("labels", "活用"), advocacy=QT_TRANSLATE_NOOP("labels", "推奨"),
                               churn=QT_TRANSLATE_NOOP("labels", "解約検討"), none="—")
# where a churn risk's signal occurred (the customer's churn_stage): 「解約検討（活用期に）」
CHURN_STAGE_LABELS = Labels(first_experience=QT_TRANSLATE_NOOP("labels", "購入直後に"),
                            success=QT_TRANSLATE_NOOP("labels", "活用期に"),
                            advocacy=QT_TRANSLATE_NOOP("labels", "推奨期に"))
# the points behind a customer's churn / ambassador score (nlp.scoring: CustomerScore.factors)
FACTOR_LABELS = Labels(bias=QT_TRANSLATE_NOOP("labels", "基準"),
                       churn_voice=QT_TRANSLATE_NOOP("labels", "解約をほのめかす声"),
                       churn_voices=QT_TRANSLATE_NOOP("labels", "解約をほのめかす声の数"),
                       pain=QT_TRANSLATE_NOOP("labels", "不満の声"), delight=QT_TRANSLATE_NOOP("labels", "喜びの声"),
                       nps=QT_TRANSLATE_NOOP("labels", "NPS の点数"),
                       contacts=QT_TRANSLATE_NOOP("labels", "問い合わせの数（90 日）"),
                       unresolved=QT_TRANSLATE_NOOP("labels", "未解決の問い合わせ"),
                       slow=QT_TRANSLATE_NOOP("labels", "解決までの日数"),
                       silence=QT_TRANSLATE_NOOP("labels", "利用のない期間"),
                       advocacy_voice=QT_TRANSLATE_NOOP("labels", "推奨・紹介の声"),
                       advocacy_voices=QT_TRANSLATE_NOOP("labels", "推奨・紹介の声の数"),
                       referrals=QT_TRANSLATE_NOOP("labels", "紹介した人数"),
                       converted=QT_TRANSLATE_NOOP("labels", "紹介からの購入"),
                       strength=QT_TRANSLATE_NOOP("labels", "確からしさ"))
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
                       topic=QT_TRANSLATE_NOOP("labels", "トピック"), example=QT_TRANSLATE_NOOP("labels", "例から"))
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

# why a backup was taken (voc_app.backup: the reason in its file name)
BACKUP_REASON_LABELS = Labels(**{"before-migration": QT_TRANSLATE_NOOP("labels", "形式の更新の前"),
                                 "refit": QT_TRANSLATE_NOOP("labels", "学習し直す前"),
                                 "codebook-import": QT_TRANSLATE_NOOP("labels", "コードブックの取り込みの前"),
                                 "before-merge": QT_TRANSLATE_NOOP("labels", "統合の前"),
                                 "edits": QT_TRANSLATE_NOOP("labels", "編集（自動）"),
                                 "manual": QT_TRANSLATE_NOOP("labels", "手動"),
                                 "before-restore": QT_TRANSLATE_NOOP("labels", "復元の前"),
                                 "before-restore-damaged": QT_TRANSLATE_NOOP("labels", "復元の前（壊れたファイル）")})
# what a backup or a merge counts (voc_app.backup.COMPARED, voc_app.merge.KINDS)
TEAM_COUNT_LABELS = Labels(codings=QT_TRANSLATE_NOOP("labels", "コード付け"), memos=QT_TRANSLATE_NOOP("labels", "メモ"),
                           topics=QT_TRANSLATE_NOOP("labels", "トピック"),
                           corrections=QT_TRANSLATE_NOOP("labels", "ラベル修正"),
                           codes=QT_TRANSLATE_NOOP("labels", "コード"), reviews=QT_TRANSLATE_NOOP("labels", "顧客の確認"),
                           synonyms=QT_TRANSLATE_NOOP("labels", "表記ゆれ"))
MERGE_KIND_LABELS = Labels(code=QT_TRANSLATE_NOOP("labels", "コード"), coding=QT_TRANSLATE_NOOP("labels", "コード付け"),
                           memo=QT_TRANSLATE_NOOP("labels", "メモ"), correction=QT_TRANSLATE_NOOP("labels", "ラベル修正"),
                           review=QT_TRANSLATE_NOOP("labels", "顧客の確認"), synonym=QT_TRANSLATE_NOOP("labels", "表記ゆれ"))
# where a 表記ゆれ group comes from (voc_app.synonyms.SynonymGroup.source)
SYNONYM_SOURCE_LABELS = Labels(project=QT_TRANSLATE_NOOP("labels", "プロジェクト"),
                               default=QT_TRANSLATE_NOOP("labels", "同梱"))
# who decided a verbatim's final labels (analyses.label_source) and the labels a person corrects
LABEL_SOURCE_LABELS = Labels(model=QT_TRANSLATE_NOOP("labels", "出荷時のモデル"),
                             project=QT_TRANSLATE_NOOP("labels", "学習したモデル"),
                             person=QT_TRANSLATE_NOOP("labels", "人が修正"))
TASK_LABELS = Labels(polarity=QT_TRANSLATE_NOOP("labels", "極性"), churn=QT_TRANSLATE_NOOP("labels", "解約の兆し"),
                     advocacy=QT_TRANSLATE_NOOP("labels", "推奨・紹介"), stage=QT_TRANSLATE_NOOP("labels", "段階"),
                     any=QT_TRANSLATE_NOOP("labels", "どれでも"))

FIELDS: dict[str, Labels] = {
    "kind": KIND_LABELS, "source": KIND_LABELS, "batch_kind": BATCH_KIND_LABELS, "polarity": POLARITY_LABELS, "stage": STAGE_LABELS,
    "segment": SEGMENT_LABELS, "review": REVIEW_LABELS, "flag": FLAG_LABELS, "evidence": EVIDENCE_LABELS,
    "churn_type": CHURN_TYPE_LABELS, "advocacy_type": ADVOCACY_TYPE_LABELS, "coding_source": SOURCE_LABELS,
    "coding_state": STATE_LABELS, "topic_status": TOPIC_STATUS_LABELS, "side": SIDE_LABELS,
    "author_role": AUTHOR_LABELS, "memo_target": MEMO_TARGET_LABELS, "skip": SKIP_LABELS, "format": FORMAT_LABELS,
    "nps_group": NPS_GROUP_LABELS, "customer_stage": CUSTOMER_STAGE_LABELS, "churn_stage": CHURN_STAGE_LABELS,
    "factor": FACTOR_LABELS, "backup_reason": BACKUP_REASON_LABELS, "team_count": TEAM_COUNT_LABELS,
    "merge_kind": MERGE_KIND_LABELS, "synonym_source": SYNONYM_SOURCE_LABELS,
    "label_source": LABEL_SOURCE_LABELS, "task": TASK_LABELS,
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


def customer_stage_label(stage: str | None, churn_stage: str | None = None) -> str:
    """A customer's journey headline: 「活用」, or for a churn risk whose signal occurred in a stage
    「解約検討（活用期に）」."""
    shown = label_of("customer_stage", stage or "none")
    if stage == "churn" and churn_stage in CHURN_STAGE_LABELS:
        return QCoreApplication.translate("labels", "{0}（{1}）").format(shown, CHURN_STAGE_LABELS[churn_stage])
    return shown
