"""A coded fixture for codes that learn from examples (``bench/eval_autocode.py``,
``tests/test_autocode_examples.py``): Japanese customer answers of a mail-order shop with an
app, coded with five codes by construction.

Each answer is 1–3 clauses; every clause carries the codes it expresses (none for the neutral
ones), so an answer's true codes are the union of its clauses'. Clauses vary their wording
(slots for products, days, amounts) and some mention a code's words without expressing it
(「アプリで注文した」 is not about the app; 「値段の割に」 in a quality complaint is 品質, not
価格). Written for this project; ``python bench/autocode_fixture.py`` rewrites
``bench/data/autocode_answers.tsv`` (id, codes, text) from the fixed seed.
"""

from __future__ import annotations

import random
from pathlib import Path

CODES = ("配送", "価格", "サポート対応", "品質", "アプリ")
DATA = Path(__file__).resolve().parent / "data" / "autocode_answers.tsv"

ITEM = ["マットレス", "枕", "掛け布団", "シーツ", "ソファ", "ラグ", "カーテン", "収納棚", "デスク", "チェア"]
DAYS = ["2日", "3日", "5日", "1週間", "10日", "2週間"]
YEN = ["千円", "2千円", "3千円", "5千円", "1万円"]

# (codes, clause) — {item}, {days}, {yen} are filled at random
CLAUSES: list[tuple[tuple[str, ...], str]] = [
    # 配送
    (("配送",), "注文してから届くまで{days}もかかりました"),
    (("配送",), "配達予定日を過ぎても荷物が来ませんでした"),
    (("配送",), "翌日に届いて驚きました"),
    (("配送",), "配送業者の方が玄関まで丁寧に運んでくれました"),
    (("配送",), "箱が潰れた状態で届きました"),
    (("配送",), "置き配を指定したのに不在票が入っていました"),
    (("配送",), "発送の連絡から到着までが早かったです"),
    (("配送",), "時間指定ができず受け取りに苦労しました"),
    (("配送",), "{item}の梱包がしっかりしていて傷もなく届きました"),
    (("配送",), "追跡番号を見ても荷物がどこにあるのか分かりませんでした"),
    (("配送",), "届いたのは違う色の{item}でした"),
    (("配送",), "離島なので送料込みでも到着が遅いのは仕方ないですが、もう少し早いと助かります"),
    (("配送",), "再配達をお願いしたら当日中に持ってきてくれました"),
    (("配送",), "配送日の変更がネットからできて便利でした"),
    # 価格
    (("価格",), "{item}の値段が他店より{yen}ほど高いと思います"),
    (("価格",), "セールで安く買えて満足しています"),
    (("価格",), "送料が高すぎるので、もう少し下げてほしいです"),
    (("価格",), "この品質でこの価格ならお得だと思います"),
    (("価格",), "値上げされてから買うのをためらっています"),
    (("価格",), "クーポンを使うと{yen}引きになったのが嬉しかったです"),
    (("価格",), "定期便の割引率がもっと大きければ続けたいです"),
    (("価格",), "コスパが良いので家族にも勧めました"),
    (("価格",), "ポイント還元を考えても割高に感じます"),
    (("価格",), "まとめ買いの割引がなくなって残念です"),
    (("価格",), "手頃な値段で買えるのが一番の魅力です"),
    (("価格",), "会員価格と通常価格の差が分かりにくいです"),
    # サポート対応
    (("サポート対応",), "問い合わせたらすぐに返信があり、丁寧に対応してもらえました"),
    (("サポート対応",), "電話がなかなかつながらず、{days}待たされました"),
    (("サポート対応",), "オペレーターの方の説明が分かりやすかったです"),
    (("サポート対応",), "メールで問い合わせても返事がありませんでした"),
    (("サポート対応",), "担当者によって言うことが違い、困りました"),
    (("サポート対応",), "交換の手続きをスタッフの方がすぐに進めてくれました"),
    (("サポート対応",), "チャットの窓口が夜もつながるので助かります"),
    (("サポート対応",), "窓口の対応が事務的で冷たい印象でした"),
    (("サポート対応",), "返品を相談したら親身になって聞いてくれました"),
    (("サポート対応",), "コールセンターでたらい回しにされました"),
    (("サポート対応",), "カスタマーセンターの方が最後まで責任を持って対応してくれました"),
    (("サポート対応",), "問い合わせフォームの返答が定型文ばかりでした"),
    # 品質
    (("品質",), "{item}の縫い目がすぐにほつれてしまいました"),
    (("品質",), "生地がしっかりしていて長く使えそうです"),
    (("品質",), "使い始めて{days}で壊れました"),
    (("品質",), "写真で見たより色が薄く、質感も安っぽいです"),
    (("品質",), "寝心地がとても良く、腰の痛みが楽になりました"),
    (("品質",), "値段の割に作りが雑で、がっかりしました"),
    (("品質",), "洗濯しても型崩れせず丈夫です"),
    (("品質",), "においが強くて、しばらく使えませんでした"),
    (("品質",), "{item}の組み立て部品が一つ欠けていました"),
    (("品質",), "座り心地がよく、長時間でも疲れません"),
    (("品質",), "数回使っただけで毛玉だらけになりました"),
    (("品質",), "素材の肌触りが気持ちよくて気に入っています"),
    # アプリ
    (("アプリ",), "アプリがすぐに落ちて注文が完了しませんでした"),
    (("アプリ",), "アプリの画面が見やすく、操作も簡単です"),
    (("アプリ",), "アップデートしてからログインできなくなりました"),
    (("アプリ",), "スマホのアプリで注文履歴が確認できて便利です"),
    (("アプリ",), "アプリの動作が重くて、検索に時間がかかります"),
    (("アプリ",), "プッシュ通知が多すぎるので減らしてほしいです"),
    (("アプリ",), "アプリでお気に入り登録ができるのが便利です"),
    (("アプリ",), "パスワードの再設定画面がエラーになります"),
    (("アプリ",), "アプリから決済しようとすると固まってしまいます"),
    (("アプリ",), "新しいアプリのデザインは文字が小さくて読みにくいです"),
    (("アプリ",), "アプリのレビュー投稿機能が使いやすいです"),
    (("アプリ",), "ダウンロードしたアプリが古い機種に対応していませんでした"),
    # two codes in one clause
    (("配送", "価格"), "送料無料なのに届くのも早くて助かりました"),
    (("サポート対応", "品質"), "不良品だったので連絡したら、すぐに新品と交換してもらえました"),
    (("アプリ", "配送"), "アプリで配達状況が見られるので安心です"),
    (("価格", "品質"), "安いのに品質が良くて驚きました"),
    (("サポート対応", "配送"), "届かないと問い合わせたら、調べてすぐに再発送してくれました"),
    (("アプリ", "価格"), "アプリ限定のクーポンがお得です"),
    # neutral (no code), some with a code's words
    ((), "全体的には満足しています"),
    ((), "特にありません"),
    ((), "また利用したいと思います"),
    ((), "{item}を買い替えるために初めて利用しました"),
    ((), "友人に紹介されて知りました"),
    ((), "アプリで注文した{item}を家族にプレゼントしました"),
    ((), "これからも応援しています"),
    ((), "娘の新生活のために購入しました"),
    ((), "以前は店舗で買っていました"),
    ((), "次は{item}も検討しています"),
    ((), "季節ごとに模様替えを楽しんでいます"),
    ((), "口コミを見て購入を決めました"),
    ((), "引っ越しに合わせて{item}と{item}をそろえました"),
    ((), "今回で三回目の購入です"),
]


def _fill(text: str, rng: random.Random) -> str:
    while "{" in text:
        text = text.replace("{item}", rng.choice(ITEM), 1).replace("{days}", rng.choice(DAYS), 1) \
            .replace("{yen}", rng.choice(YEN), 1)
    return text


def make_answers(n: int = 400, seed: int = 21) -> list[tuple[int, set[str], str]]:
    """(id, codes, text) of ``n`` answers: about 20% without a code, 25% with two."""
    rng = random.Random(seed)
    by_code = {c: [k for k in CLAUSES if c in k[0] and len(k[0]) == 1] for c in CODES}
    pairs = [k for k in CLAUSES if len(k[0]) == 2]
    neutral = [k for k in CLAUSES if not k[0]]
    out = []
    for i in range(1, n + 1):
        r = rng.random()
        if r < 0.2:
            parts = rng.sample(neutral, rng.choice([1, 1, 2]))
        elif r < 0.45:
            if rng.random() < 0.3:
                parts = [rng.choice(pairs)]
            else:
                a, b = rng.sample(CODES, 2)
                parts = [rng.choice(by_code[a]), rng.choice(by_code[b])]
        else:
            parts = [rng.choice(by_code[rng.choice(CODES)])]
        if r >= 0.2 and rng.random() < 0.35:
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(neutral))
        codes = set().union(*(set(p[0]) for p in parts))
        text = "。".join(_fill(p[1], rng) for p in parts) + rng.choice(["。", "。", "！", ""])
        out.append((i, codes, text))
    return out


def read_answers(path: Path = DATA) -> list[tuple[int, set[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        i, codes, text = line.split("\t")
        rows.append((int(i), set(filter(None, codes.split(","))), text))
    return rows


def write_csv(rows: list[tuple[int, set[str], str]], path: Path) -> Path:
    """A survey CSV of the answers (ID, 回答日時, 顧客ID, ご意見) to import; no codes in it."""
    lines = ["ID,回答日時,顧客ID,ご意見"]
    for i, _, text in rows:
        lines.append(f"{i},2025/{1 + i % 12}/{1 + i % 28} 10:00,C{i:05d},\"{text}\"")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    rows = make_answers()
    DATA.write_text("id\tcodes\ttext\n" + "".join(f"{i}\t{','.join(sorted(c))}\t{t}\n" for i, c, t in rows),
                    encoding="utf-8")
    print(f"{DATA}: {len(rows)} answers; " + ", ".join(f"{c} {sum(c in r[1] for r in rows)}" for c in CODES)
          + f", none {sum(not r[1] for r in rows)}, two+ {sum(len(r[1]) > 1 for r in rows)}")
