"""What a file is: container (text / xlsx / docx), encoding and export format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FORMATS = {
    "excel_csv": ("survey", "日本語 Excel の CSV"),
    "qualtrics": ("survey", "Qualtrics"),
    "surveymonkey": ("survey", "SurveyMonkey"),
    "google_forms": ("survey", "Google フォーム"),
    "ms_forms": ("survey", "Microsoft Forms"),
    "typeform": ("survey", "Typeform"),
    "questant": ("survey", "クエスタント（Questant）のローデータ"),
    "kintone": ("survey", "kintone アプリの CSV"),
    "table": ("survey", "一般的な表"),
    "zendesk": ("support", "Zendesk（JSON / JSON Lines）"),
    "zendesk_csv": ("support", "Zendesk CSV（チケット一覧、本文なし）"),
    "freshdesk": ("support", "Freshdesk（CSV / JSON）"),
    "hubspot": ("support", "HubSpot チケット（CSV / Excel）"),
    "intercom": ("support", "Intercom 会話（1 行 1 メッセージ / JSON）"),
    "line": ("support", "LINE 公式アカウントのトーク履歴 CSV"),
    "google_play": ("support", "Google Play のレビュー（Play Console のレポート・API・ツール）"),
    "app_store": ("support", "App Store のレビュー（App Store Connect API・RSS・ツール）"),
    "app_reviews": ("support", "レビュー（ストア不明）"),
    "interview": ("interview", "インタビュー記録（テキスト / Word）"),
    "customers": ("customers", "顧客リスト（CRM・EC の顧客エクスポート）"),
    "orders": ("orders", "注文・利用履歴（1 行 1 注文・利用）"),
    "referrals": ("referrals", "紹介ログ（紹介者・被紹介者・状態）"),
}

TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".txt"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


@dataclass
class Detection:
    format: str
    kind: str
    confidence: float
    reason: str
    encoding: str | None

    @property
    def label(self) -> str:
        return FORMATS.get(self.format, ("", self.format))[1]


def container(path: Path, head: bytes) -> str:
    """'xlsx', 'docx', 'ole' (legacy .xls/.doc), or 'text'."""
    if head.startswith(b"PK\x03\x04"):
        return "docx" if path.suffix.lower() == ".docx" else "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return "text"
