"""Writes the bundled sample data (run once; the outputs are committed).

Fictional company 「ねむりや」 (bedding, online shop with a subscription 「らくらく定期便」
and an app). Every text was written for this project.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(20251122)

DELIGHT = [
    "届いた日の夜、久しぶりに朝まで一度も起きずに眠れた時です",
    "肩こりが軽くなったと夫に言われた時",
    "箱を開けた瞬間、ふわっといい香りがして感動しました",
    "母の誕生日に贈ったら「毎晩使ってる」と電話をくれた時",
    "友達に勧めたら２人とも買ってくれた！",
    "出張先にも持っていけるケースが付いていて、ホテルでもぐっすり眠れた",
    "子どもが自分から布団に入るようになったこと",
    "カバーを洗濯機で丸洗いできると知った時",
    "らくらく定期便で毎月替えのカバーが届くので、いつも清潔なのが嬉しい",
    "問い合わせたら翌日には交換品を送ってくれて、対応の早さに驚きました",
    "アプリの睡眠記録で、寝つきが１５分早くなったのが数字で分かった時",
    "高さ調整シートで自分にぴったりの高さにできた時",
    "ポイント倍デーにまとめ買いできて得した気分",
    "腰痛持ちの父が「これは良い」と言ってくれた",
    "いびきが減ったと家族に言われました笑",
    "梱包がとても丁寧で、ギフトにそのまま使えた",
    "店舗のスタッフさんが親身に枕選びを手伝ってくれた",
    "朝起きた時の首の痛みがなくなったこと",
    "SNSに載せたら友達から問い合わせが来て、紹介コードで３人買ってくれた",
    "特になし",
]
PAIN = [
    "配送の日時指定が午前か午後しか選べないのが不便でした",
    "高さが合わず返品したいのですが、送料がかかるのは納得できません",
    "値段がもう少し安ければ家族の分も買いたい",
    "問い合わせの返事が３日来なかった。このままなら解約します",
    "アプリの睡眠記録が\nときどき消えます",
    "替えのカバーが公式ストアでずっと品切れです",
    "定期便の解約方法がどこにも書いていない",
    "２週間で中綿が偏ってきた。この値段でこれはない",
    "アプリの通知が多すぎる",
    "説明書が分かりにくく、高さ調整シートの入れ方が分からなかった",
    "ポイントの有効期限が短すぎます",
    "届いた箱が潰れていて、中の枕も少し汚れていました",
    "他社の枕の方が安くて同じくらい良さそうなので、乗り換えを考えています",
    "特にないです",
    "なし",
    "最近は使っていないので特にありません",
    "色のバリエーションを増やしてほしい",
    "電話がなかなかつながらない",
    "-",
    "可もなく不可もなく",
]
AGES = ["20代", "30代", "40代", "50代", "60代", ""]


def survey() -> None:
    rows = [["回答ID", "回答日時", "顧客ID", "年代", "NPS(0-10)", "買ってみて一番嬉しかったのはどんな時でしたか？",
             "ご不満な点があれば教えてください"]]
    for i in range(120):
        d = rng.choice(DELIGHT) if rng.random() < 0.85 else ""
        p = rng.choice(PAIN) if rng.random() < 0.8 else ""
        nps = rng.choice([10, 10, 9, 9, 8, 7, 6, 5, 3, 2, 0]) if rng.random() > 0.05 else ""
        month = 1 + i // 20
        rows.append([str(2001 + i), f"2025/{month}/{1 + i % 28} {8 + i % 12}:{i % 60:02d}", f"N{100 + i % 90:05d}",
                     rng.choice(AGES), str(nps), d, p])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    (HERE / "アンケート_2025上期.csv").write_bytes(buf.getvalue().encode("cp932"))


TICKETS = [
    ("枕カバーのファスナーが壊れました。交換できますか", "届きました。ありがとうございました", "solved"),
    ("定期便を解約したいのですが、手続きの方法を教えてください", None, "open"),
    ("アプリにログインできません。パスワードを再設定しても同じエラーが出ます", "まだ直りません。いつ直りますか", "pending"),
    ("注文した枕がまだ届きません。注文番号 A-10293 です", "本日届きました。ご対応ありがとうございました", "solved"),
    ("返品した商品の返金がまだです", None, "open"),
    ("高さ調整シートの入れ方が分かりません", "動画で分かりました！", "solved"),
    ("紹介コードが友人の注文に適用されていません", None, "pending"),
    ("届いた枕に汚れがありました。交換をお願いします", "交換品、問題ありませんでした", "solved"),
    ("ポイントが反映されていません", None, "open"),
    ("法人でまとめて購入したいのですが見積もりは可能ですか", None, "new"),
]


def tickets() -> None:
    out = []
    for i, (desc, follow, status) in enumerate(TICKETS):
        tid = 9001 + i
        cust = f"N{100 + (i * 7) % 90:05d}"
        created = f"2025-0{1 + i % 6}-{10 + i:02d}T0{i % 9}:15:00Z"
        comments = [{"id": tid * 10 + 1, "author_id": cust, "body": desc, "public": True, "created_at": created},
                    {"id": tid * 10 + 2, "author_id": 77001, "body": "ご連絡ありがとうございます。確認いたします。",
                     "public": True, "created_at": created}]
        if follow:
            comments.append({"id": tid * 10 + 3, "author_id": cust, "body": follow, "public": True,
                             "created_at": created})
        out.append({"id": tid, "subject": desc[:24], "description": desc, "status": status, "priority": "normal",
                    "type": "question", "via": {"channel": "web"}, "requester_id": cust, "created_at": created,
                    "updated_at": created, "tags": [], "comments": comments})
    (HERE / "サポート履歴_2025上期.jsonl").write_text(
        "\n".join(json.dumps(t, ensure_ascii=False) for t in out) + "\n", encoding="utf-8")


INTERVIEW = """タイトル: らくらく定期便ユーザー インタビュー
顧客ID: N00105
日時: 2025/6/20 14:00

聞き手: 買ってみて一番嬉しかったのはどんな時でしたか？
山本様: 出張先のホテルでも同じ枕で寝られたことですね。ケースが付いていたのが大きいです。
聞き手: 周りの方に話したことはありますか？
山本様: 同僚に紹介しました。二人とも定期便を始めたみたいです。
聞き手: 困ったことは？
山本様: 最初、高さ調整シートの入れ方が分からなくて。でも動画を見たらすぐでした。
"""


def interview() -> None:
    (HERE / "インタビュー_山本様.txt").write_text(INTERVIEW, encoding="utf-8")


if __name__ == "__main__":
    survey()
    tickets()
    interview()
