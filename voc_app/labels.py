"""Display names of the internal codes: what users read instead of ``delight``, ``at_risk`` or
``how_to_cancel``. One table for the Excel workbook and the command line's human output (the app
has its own Qt-translated copies of the few it shows).

Codes come from the store's CHECK constraints (``voc_app/store/schema.py``), the constants of
``nlp/`` (``nlp.journey.STAGES``, ``nlp.signals.CHURN_PRIORITY`` / ``ADVOCACY_PRIORITY``,
``nlp.scoring.CUSTOMER_STAGES``, ``nlp.evidence`` labels) and the cue types of ``resources/cues/*.tsv``;
``tests/test_export.py`` checks that every one of them has a name here. Each name has a Japanese
and an English form (``lang="en"``).

Machine-readable outputs (TSV files and ``--tsv`` / ``--json`` outputs with a documented column
contract) keep the codes; everything written for people goes through ``label``.
"""

from __future__ import annotations

import re

LANGS = ("ja", "en")

# kind → code → (Japanese, English)
TABLE: dict[str, dict[str, tuple[str, str]]] = {
    # analyses.polarity; topic sides
    "polarity": {"delight": ("喜び", "Delight"), "pain": ("不満", "Pain"), "neutral": ("中立", "Neutral"),
                 "mixed": ("混在", "Mixed")},
    "side": {"delight": ("喜び", "Delight"), "pain": ("不満", "Pain"), "all": ("全体", "All answers")},
    # analyses.stage (nlp.journey.STAGES) and the stage cues that feed it (resources/cues/stage.tsv)
    "stage": {"first_experience": ("初回体験", "First experience"), "success": ("成功体験", "Success"),
              "advocacy": ("推奨", "Advocacy"), "none": ("なし", "None")},
    # a customer's journey headline (nlp.scoring.CUSTOMER_STAGES; churn_stage uses the stages)
    "customer_stage": {"first_experience": ("初回体験", "First experience"), "success": ("成功体験", "Success"),
                       "advocacy": ("推奨", "Advocacy"), "churn": ("離反の兆し", "Churn signal"), "none": ("なし", "None")},
    "stage_cue": {"repeat": ("継続利用", "Repeated use"), "use_question": ("使い方の質問", "Question about use"),
                  "procedure": ("手続き", "Procedure")},
    # analyses.churn_type (nlp.signals.CHURN_PRIORITY, resources/cues/churn.tsv)
    "churn_type": {"explicit": ("解約・退会の意思", "Intends to cancel"),
                   "how_to_cancel": ("解約方法の問い合わせ", "Asks how to cancel"),
                   "switch": ("他社への乗り換え", "Switching to a competitor"),
                   "never_again": ("もう買わない・使わない", "Never again"),
                   "refund": ("返金・返品・キャンセル", "Refund or return"),
                   "conditional": ("条件付きの解約示唆", "Would leave unless …"),
                   "dormant": ("利用の減少", "Using less")},
    # analyses.advocacy_type (nlp.signals.ADVOCACY_PRIORITY, resources/cues/advocacy.tsv)
    "advocacy_type": {"recommended": ("人に勧めた", "Recommended to others"),
                      "referred": ("紹介・招待", "Referred someone"),
                      "gifted": ("贈り物にした", "Gave as a gift"),
                      "review": ("レビュー・投稿", "Wrote a review or post"),
                      "community": ("コミュニティ参加", "Joined the community")},
    # text that cancels a cue (resources/cues/*_negators.tsv)
    "churn_negator": {"pause": ("一時休止", "A pause"), "plan_change": ("プラン変更", "A plan change"),
                      "dropped": ("思いとどまった", "Decided to stay"), "come_back": ("また利用したい", "Wants to come back")},
    "advocacy_negator": {"received": ("勧められた側", "Was recommended to"),
                         "hesitant": ("勧めるのをためらう", "Hesitant to recommend"),
                         "conditional": ("条件付き", "Conditional")},
    # clause structure and negation cues (resources/cues/contrast.tsv, negation.tsv)
    "contrast_cue": {"contrast": ("逆接", "Contrast"), "concession": ("譲歩", "Concession"),
                     "past_good": ("以前は良かった", "Used to be good"), "resolved": ("解決した", "Resolved")},
    "negation_cue": {"negate": ("否定", "Negation")},
    # polarity cue families and types (resources/cues/polarity.tsv, positive_negations.tsv)
    "cue_family": {"pos": ("肯定", "Positive"), "neg": ("否定的", "Negative")},
    "polarity_cue": {"praise": ("称賛", "Praise"), "relief": ("安心", "Relief"), "ease": ("手軽さ", "Ease"),
                     "effect": ("効果", "Effect"), "keep": ("継続したい", "Wants to keep"),
                     "intent": ("意向", "Intent"), "change": ("変化", "Change"), "implicit": ("暗黙の評価", "Implicit"),
                     "acceptance": ("納得", "Acceptance"), "complaint": ("苦情", "Complaint"),
                     "problem": ("問題", "Problem"), "irritation": ("苛立ち", "Irritation"),
                     "shortfall": ("期待外れ", "Shortfall"), "excess": ("過剰", "Excess"),
                     "deterioration": ("悪化", "Deterioration"), "unfinished": ("未解決", "Unfinished"),
                     "verdict": ("評価", "Verdict"), "sarcasm": ("皮肉", "Sarcasm"),
                     "sarcasm_end": ("皮肉（文末）", "Sarcasm (ending)"), "middling": ("どちらでもない", "Middling"),
                     "negated_negative": ("否定の否定", "Negated negative"), "no_problem": ("問題なし", "No problem"),
                     "courtesy": ("儀礼的な表現", "Courtesy"), "question": ("質問", "Question"),
                     "wish": ("要望", "Wish")},
    # analyses.label_source: who decided a verbatim's labels
    "label_source": {"model": ("モデル", "Model"), "project": ("プロジェクトの補正", "Project layer"),
                     "person": ("人の修正", "Corrected by a person")},
    # what a piece of evidence explains (nlp.evidence.Evidence.kind); signals; label corrections
    "evidence_kind": {"polarity": ("極性", "Polarity"), "churn": ("解約の兆し", "Churn signal"),
                      "advocacy": ("推奨・紹介", "Advocacy"), "stage": ("段階", "Stage")},
    # customer_scores.segment ('watch': customers to keep an eye on)
    "segment": {"ambassador": ("アンバサダー", "Ambassador"), "loyal": ("ロイヤル", "Loyal"),
                "watch": ("要注意", "Watch"), "at_risk": ("解約リスク", "Churn risk"), "dormant": ("休眠", "Dormant"),
                "unknown": ("不明", "Unknown")},
    # reviews.kind / reviews.state
    "flag": {"ambassador": ("アンバサダー候補", "Ambassador candidates"), "churn": ("解約リスク", "Churn risks")},
    "review_state": {"confirmed": ("確認済み", "Confirmed"), "dismissed": ("対象外", "Dismissed"),
                     "contacted": ("連絡済み", "Contacted")},
    # verbatims.kind; batches.kind (import kinds)
    "source": {"survey": ("アンケート", "Survey"), "support": ("サポート", "Support"),
               "interview": ("インタビュー", "Interview")},
    "import_kind": {"survey": ("アンケート", "Survey"), "support": ("サポート", "Support"),
                    "interview": ("インタビュー", "Interview"), "customers": ("顧客リスト", "Customer list"),
                    "orders": ("注文履歴", "Orders"), "referrals": ("紹介ログ", "Referrals")},
    # ticket_messages.author_role
    "author_role": {"customer": ("顧客", "Customer"), "agent": ("担当者", "Agent"), "unknown": ("不明", "Unknown")},
    # codings.source / codings.state; memos.target; topics.status
    "coding_source": {"manual": ("手作業", "Manual"), "rule": ("ルール", "Rule"), "topic": ("トピック", "Topic"),
                      "example": ("例から", "By example")},
    "coding_state": {"accepted": ("確定", "Accepted"), "pending": ("未確認", "Pending"), "rejected": ("却下", "Rejected")},
    "memo_target": {"project": ("プロジェクト", "Project"), "code": ("コード", "Code"), "verbatim": ("発言", "Verbatim")},
    "topic_status": {"active": ("有効", "Active"), "merged": ("統合済み", "Merged"), "deleted": ("削除済み", "Deleted"),
                     "retired": ("廃止", "Retired")},
}

# a churn or advocacy signal without a type (stored as the flag alone)
UNTYPED = ("あり", "Yes")


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def label(kind: str, code: str | None, lang: str = "ja", default: str = "") -> str:
    """The display name of ``code`` of ``kind`` (``"segment"``, ``"churn_type"`` …). ``None`` or
    '' gives ``default``; a code the table does not know is returned as it is (a newer project
    may carry one: better shown than lost)."""
    if not code:
        return default
    names = TABLE.get(kind, {}).get(code)
    return names[_i(lang)] if names else code


def labels(kind: str, lang: str = "ja") -> dict[str, str]:
    """code → display name for one kind, in the table's order."""
    return {c: names[_i(lang)] for c, names in TABLE[kind].items()}


def signal_label(kind: str, code: str | None, lang: str = "ja") -> str:
    """A churn or advocacy cell of a verbatim: the type's name, 「あり」 for an untyped signal
    ('1' in exports), '' without one. ``kind``: ``churn`` or ``advocacy``."""
    if not code:
        return ""
    if code == "1":
        return UNTYPED[_i(lang)]
    return label(f"{kind}_type", code, lang)


def cue_label(evidence_label: str, lang: str = "ja") -> str:
    """An evidence label such as ``pos/praise``, ``churn/how_to_cancel`` or
    ``stage/first_experience`` as words (「肯定: 称賛」, 「解約の兆し: 解約方法の問い合わせ」)."""
    fam, _, typ = evidence_label.partition("/")
    if not typ:
        return label("polarity_cue", fam, lang)
    if fam in ("churn", "advocacy"):
        return f"{label('evidence_kind', fam, lang)}: {label(f'{fam}_type', typ, lang)}"
    if fam == "stage":
        name = TABLE["stage"].get(typ) or TABLE["stage_cue"].get(typ)
        return f"{label('evidence_kind', 'stage', lang)}: {name[_i(lang)] if name else typ}"
    family = TABLE["cue_family"].get(fam) or TABLE["polarity"].get(fam)
    return f"{family[_i(lang)] if family else fam}: {label('polarity_cue', typ, lang)}"


def format_label(code: str | None, lang: str = "ja") -> str:
    """An import format (``excel_csv``, ``zendesk`` …) as its description (``importers.detect``)."""
    if not code:
        return ""
    from importers.detect import FORMATS

    got = FORMATS.get(code)
    if got is None:
        return code
    return got[1] if lang != "en" else code.replace("_", " ")


def codes() -> set[str]:
    """Every internal code the table names (and the import formats): none of them may appear
    in what a person reads."""
    from importers.detect import FORMATS

    return {c for names in TABLE.values() for c in names} | set(FORMATS)


# --- coding rules shown to people ----------------------------------------------------------------

_RULE_KEYWORDS = {"delight": ("polarity", "delight"), "pain": ("polarity", "pain"), "mixed": ("polarity", "mixed"),
                  "neutral": ("polarity", "neutral"), "churn": ("evidence_kind", "churn"),
                  "advocacy": ("evidence_kind", "advocacy")}
_RULE_FIELDS = {"polarity": ("極性", "polarity"), "stage": ("段階", "stage"), "kind": ("種類", "source"),
                "signal": ("シグナル", "evidence_kind"), "question": ("設問", None), "topic": ("トピック", None),
                "attr": ("属性", None), "nps": ("NPS", None), "code": ("コード", None)}
_RULE_TOKEN = re.compile(r'"[^"]*"|「[^」]*」|(?<![A-Za-z_])([A-Za-z_]+)(?![A-Za-z_])(?::([A-Za-z_]+(?![A-Za-z_]))?)?')


def rule_text(rule: str | None) -> str:
    """A coding rule (``nlp.coderules``) as people read it: keywords and field names in
    Japanese (``advocacy | 紹介`` → ``推奨・紹介 | 紹介``, ``stage:success`` → ``段階:成功体験``,
    ``attr:年代=30代`` → ``属性:年代=30代``). For display only: the rule itself is kept as written
    (the codebook exports carry it)."""
    if not rule:
        return ""

    def sub(m: re.Match) -> str:
        word, value = m.group(1), m.group(2)
        whole = m.group(0)
        if word is None:
            return whole  # a quoted phrase stays as written
        has_field = whole.startswith(word + ":")
        if not has_field:
            return label(*_RULE_KEYWORDS[word]) if word in _RULE_KEYWORDS else whole
        if word not in _RULE_FIELDS:
            return whole
        name, kind = _RULE_FIELDS[word]
        if value is None:
            return f"{name}:"
        return f"{name}:{label(kind, value) if kind else value}"

    return _RULE_TOKEN.sub(sub, rule)
