"""PII masking (nlp.pii): each kind found with its exact extent, and ordinary customer text left alone."""

from __future__ import annotations

import pytest

from nlp.pii import PLACEHOLDERS, Span, find, mask, pseudonym

EMAIL, PHONE, POST, ADDR = PLACEHOLDERS["email"], PLACEHOLDERS["phone"], PLACEHOLDERS["postcode"], PLACEHOLDERS["address"]
NAME, MYNUM, CARD = PLACEHOLDERS["name"], PLACEHOLDERS["mynumber"], PLACEHOLDERS["card"]


def masked(text: str) -> str:
    return mask(text)[0]


def check_digit(first11: str) -> str:
    """My Number check digit, written out here independently of nlp.pii."""
    weights = [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6]  # from the digit before the check digit leftwards
    s = sum(int(d) * w for d, w in zip(reversed(first11), weights, strict=True))
    r = s % 11
    return str(0 if r <= 1 else 11 - r)


def first11_valid(first11: str) -> str:
    return first11 + check_digit(first11)


def test_check_digit_helper():
    assert first11_valid("12345678901") == "123456789018"  # the number used as the example everywhere


VALID_MN = first11_valid("98765432109")  # 987654321093
INVALID_MN = VALID_MN[:-1] + str((int(VALID_MN[-1]) + 1) % 10)

# (text, expected masked text)
CASES = [
    # --- e-mail
    ("連絡先は yamada.taro@example.co.jp です", f"連絡先は {EMAIL} です"),
    ("メールはhanako_88@gmail.comまで", f"メールは{EMAIL}まで"),
    ("ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ に返信ください", f"{EMAIL} に返信ください"),
    ("tanaka.taro+shop@mail.example.com、info@nemuriya.jp の両方", f"{EMAIL}、{EMAIL} の両方"),
    # --- phone
    ("電話は03-1234-5678です", f"電話は{PHONE}です"),
    ("03(1234)5678 に電話しました", f"{PHONE} に電話しました"),
    ("(03)1234-5678", PHONE),
    ("（０３）１２３４－５６７８までお電話ください", f"{PHONE}までお電話ください"),
    ("０９０－１２３４－５６７８", PHONE),
    ("090ー1234ー5678に折り返して", f"{PHONE}に折り返して"),
    ("090−1234−5678", PHONE),
    ("090‐1234‐5678", PHONE),
    ("携帯 090 1234 5678 まで", f"携帯 {PHONE} まで"),
    ("+81-90-1234-5678", PHONE),
    ("+81 90 1111 2222 へSMSをください", f"{PHONE} へSMSをください"),
    ("+81(0)90-1234-5678", PHONE),
    ("0120-123-456 に何度かけてもつながらない", f"{PHONE} に何度かけてもつながらない"),
    ("09012345678に連絡", f"{PHONE}に連絡"),
    ("TEL:03-1234-5678 FAX:03-1234-5679", f"TEL:{PHONE} FAX:{PHONE}"),
    ("TEL0312345678", f"TEL{PHONE}"),
    ("2025-04-01 090-1234-5678 から着信", f"2025-04-01 {PHONE} から着信"),
    ("電話は０３−１２３４−５６７８です", f"電話は{PHONE}です"),
    ("090.1234.5678", PHONE),
    ("090 - 1234 - 5678", PHONE),
    ("Tel.03-1234-5678", f"Tel.{PHONE}"),
    ("緊急連絡先: (090) 8765-4321", f"緊急連絡先: {PHONE}"),
    ("連絡先（携帯）：070-1234-5678", f"連絡先（携帯）：{PHONE}"),
    # --- My Number
    (f"マイナンバーは{VALID_MN}です", f"マイナンバーは{MYNUM}です"),
    ("マイナンバー：1234 5678 9012", f"マイナンバー：{MYNUM}"),  # no valid check digit, but named
    ("個人番号 １２３４－５６７８－９０１２ を誤って送信しました", f"個人番号 {MYNUM} を誤って送信しました"),
    ("マイナンバー（個人番号）: 1234 5678 9012", f"マイナンバー（個人番号）: {MYNUM}"),
    ("123456789018", MYNUM),  # valid check digit
    ("1234 5678 9018 を書いてしまった", f"{MYNUM} を書いてしまった"),
    ("９８７６　５４３２　１０９３", MYNUM),
    # --- cards (Luhn-valid test numbers)
    ("カード番号は4111 1111 1111 1111です", f"カード番号は{CARD}です"),
    ("4111-1111-1111-1111で払いました", f"{CARD}で払いました"),
    ("５５５５　５５５５　５５５５　４４４４", CARD),
    ("Amex 3782-822463-10005", f"Amex {CARD}"),
    ("３７８２－８２２４６３－１０００５", CARD),
    ("JCB 3530111333300000", f"JCB {CARD}"),
    ("Diners 3056 9309 0259 04", f"Diners {CARD}"),
    ("6011111111111117 で決済", f"{CARD} で決済"),
    ("クレカ 4222222222222", f"クレカ {CARD}"),
    ("2223 0031 2200 3222", CARD),
    ("カードの番号は4012888888881881", f"カードの番号は{CARD}"),
    # --- postcode and address
    ("〒100−８９９４ 東京都千代田区霞が関1−2−1", f"{POST} {ADDR}"),
    ("〒１００－８９９４　東京都千代田区霞が関１丁目２番１号", f"{POST}　{ADDR}"),
    ("〒150-0001 東京都渋谷区神宮前1-2-3 に再送をお願いします", f"{POST} {ADDR} に再送をお願いします"),
    ("〒100-8994 東京都千代田区霞が関", f"{POST} {ADDR}"),  # after a postcode a city is enough
    ("郵便番号1000001", f"郵便番号{POST}"),
    ("〒1000001", POST),
    ("住所は東京都港区芝公園4-2-8です", f"住所は{ADDR}です"),
    ("私の住所は港区芝公園4-2-8です", f"私の住所は{ADDR}です"),
    ("配送先大阪市北区梅田1-1に届けて", f"配送先{ADDR}に届けて"),
    ("大阪府大阪市北区梅田3丁目1番1号の店舗で受け取りました", f"{ADDR}の店舗で受け取りました"),
    ("横浜市中区山下町1-1のショールームに行きました", f"{ADDR}のショールームに行きました"),
    ("横浜市西区みなとみらい2-2-1", ADDR),
    ("〒060－0042 札幌市中央区大通西4丁目1番地", f"{POST} {ADDR}"),
    ("住所：愛知県名古屋市中村区名駅1丁目1−4", f"住所：{ADDR}"),
    ("東京都中央区銀座四丁目6番16号", ADDR),
    ("福岡市中央区天神1丁目", ADDR),
    ("北海道札幌市中央区北1条西2丁目", ADDR),
    ("京都府京都市左京区一乗寺三丁目", ADDR),
    ("さいたま市浦和区高砂3-15-1", ADDR),
    ("世田谷区三軒茶屋1-2-3-405", ADDR),
    ("神奈川県横浜市港北区新横浜2-100-45 ABCマンション301号室", ADDR),
    ("東京都港区六本木6-10-1六本木ヒルズ森タワー12階に来て", f"{ADDR}に来て"),
    ("渋谷区神宮前1-2-3 101号室", ADDR),
    ("渋谷区神宮前1-2-3 サンハイツ 203", ADDR),
    ("渋谷区神宮前1-2-3サンハイツ203に住んでいます", f"{ADDR}に住んでいます"),
    # an office floor after a space stays outside (as labelled in tests/fixtures/pii_samples.tsv)
    ("送り先：福岡県福岡市中央区天神2-3-10 ABCビル5F", f"送り先：{ADDR} ABCビル5F"),
    ("渋谷区神宮前1-2-3 3日後に届く", f"{ADDR} 3日後に届く"),
    ("お届け先：東京都新宿区西新宿", f"お届け先：{ADDR}"),
    ("住所は東京都港区です", f"住所は{ADDR}です"),
    ("東京都新宿区西新宿２－８－１", ADDR),
    # --- names: honorifics and titles
    ("田中様から090-1234-5678にお電話をいただきました", f"{NAME}様から{PHONE}にお電話をいただきました"),
    ("佐藤さんの対応がとても丁寧でした", f"{NAME}さんの対応がとても丁寧でした"),
    ("担当の山本 美咲さんに感謝しています", f"担当の{NAME}さんに感謝しています"),
    ("小林 直人 様 ご注文ありがとうございました", f"{NAME} 様 ご注文ありがとうございました"),
    ("中村さんと木村さんに紹介しました", f"{NAME}さんと{NAME}さんに紹介しました"),
    ("高橋部長にもすすめておきました", f"{NAME}部長にもすすめておきました"),
    ("渡辺先生のレッスンが最高", f"{NAME}先生のレッスンが最高"),
    ("森田店長にお礼を伝えたい", f"{NAME}店長にお礼を伝えたい"),
    ("長谷川様、ありがとうございました", f"{NAME}様、ありがとうございました"),
    ("山田花子様", f"{NAME}様"),
    ("鈴木一郎さんから電話がありました", f"{NAME}さんから電話がありました"),
    ("田中くんと佐藤ちゃん", f"{NAME}くんと{NAME}ちゃん"),
    ("鈴木氏、佐藤殿", f"{NAME}氏、{NAME}殿"),
    ("林さんが親切でした", f"{NAME}さんが親切でした"),
    ("ヤマダ　タロウ様", f"{NAME}様"),
    ("スズキ様から電話がありました", f"{NAME}様から電話がありました"),  # Sudachi reads the car maker here
    ("マイクさんが教えてくれた", f"{NAME}さんが教えてくれた"),
    ("ジョンさんに教えてもらった", f"{NAME}さんに教えてもらった"),
    ("髙橋様に伝えてください", f"{NAME}様に伝えてください"),
    ("渡邊様", f"{NAME}様"),
    ("片山右京さんのファンです", f"{NAME}さんのファンです"),
    ("湊くんが喜んでいる", f"{NAME}くんが喜んでいる"),
    ("愛ちゃんが毎日使っている", f"{NAME}ちゃんが毎日使っている"),
    ("松本 太郎様", f"{NAME}様"),
    # --- names: other contexts
    ("担当者の高橋が対応しました", f"担当者の{NAME}が対応しました"),
    ("担当の渡辺より回答いたします", f"担当の{NAME}より回答いたします"),
    ("担当：井上", f"担当：{NAME}"),
    ("名前は山田です", f"名前は{NAME}です"),
    ("私は斎藤と申します", f"私は{NAME}と申します"),
    ("伊藤と申します。注文番号 A-20394 の件です", f"{NAME}と申します。注文番号 A-20394 の件です"),
    ("妻の恵子が気に入っています", f"妻の{NAME}が気に入っています"),
    ("息子の翔太が気に入っています", f"息子の{NAME}が気に入っています"),
    ("娘の結衣が毎日使っています", f"娘の{NAME}が毎日使っています"),
    ("鈴木から折り返します（サポート窓口）", f"{NAME}から折り返します（サポート窓口）"),
    ("吉田が担当いたします", f"{NAME}が担当いたします"),
    ("中村が対応してくれました", f"{NAME}が対応してくれました"),
    ("松本から折り返し連絡します", f"{NAME}から折り返し連絡します"),  # 松本 is a city too: the verb decides
    ("お世話になっております。総務部の田中です。", f"お世話になっております。総務部の{NAME}です。"),
    ("株式会社ミドリ商事の小川です。請求書の件で", f"株式会社ミドリ商事の{NAME}です。請求書の件で"),  # 小川: a stream, too
    ("担当の清水が対応しました", f"担当の{NAME}が対応しました"),
    ("石川が来てくれた", f"{NAME}が来てくれた"),
    ("サポート 山口より", f"サポート {NAME}より"),
    ("娘のさくらがこのぬいぐるみを毎晩抱いて寝ています", f"娘の{NAME}がこのぬいぐるみを毎晩抱いて寝ています"),
    ("お名前：中島 美穂", f"お名前：{NAME}"),
    ("ヨシダ様へ　ご注文の品を発送しました", f"{NAME}様へ　ご注文の品を発送しました"),
    ("カスタマーセンターの木下さま、ありがとうございました", f"カスタマーセンターの{NAME}さま、ありがとうございました"),
    ("ジェラルド・R・フォード氏", f"{NAME}氏"),
    ("宮内国郎さん", f"{NAME}さん"),  # Sudachi splits the name: 宮内|国|郎
    ("田中翔琉様", f"{NAME}様"),  # … and glues the honorific to an unknown last part: 翔|琉様
    # --- Latin names
    ("Tanaka-sanにお世話になりました", f"{NAME}-sanにお世話になりました"),
    ("I talked to Mr. Tanaka yesterday.", f"I talked to Mr. {NAME} yesterday."),
    ("Ms. Sato and Dr. Suzuki helped", f"Ms. {NAME} and Dr. {NAME} helped"),
    ("Ms Sato", f"Ms {NAME}"),
    ("Tanaka Taro-sama", f"{NAME}-sama"),
    ("Satoさんが親切", f"{NAME}さんが親切"),
    ("My name is Yuki Sato", f"My name is {NAME}"),
    # --- several kinds at once
    ("返事は yamada.taro@example.co.jp に。〒150-0001 東京都渋谷区神宮前1-2-3 に届かない",
     f"返事は {EMAIL} に。{POST} {ADDR} に届かない"),
    ("メールは hanako_88@gmail.com、電話は 080 9876 5432 です", f"メールは {EMAIL}、電話は {PHONE} です"),
    ("加藤様の件、担当より info@nemuriya.jp へご連絡します", f"{NAME}様の件、担当より {EMAIL} へご連絡します"),
]

# ordinary customer text that must stay exactly as it is
NEGATIVES = [
    # dates, amounts, versions, ids
    "配送が遅い。2025-01-05に注文したのに届かない",
    "2025-04-01に注文しました",
    "2025/04/01 12:30 に届きました",
    "価格は9,800円で3-4日で届くと書いてありました",
    "合計1,234,567円の請求でした",
    "100-200個まとめて買いたい",
    "アプリのバージョン1.2.3で落ちます",
    "注文番号 ORD-2025-000123 の件です",
    "注文番号 A-20394 の件です",
    "会員番号 K000123 でログインできません",
    "会員番号 K000123、2025-01-05 に 9,800円",
    f"注文番号{INVALID_MN}の件",  # 12 digits, check digit wrong, no My Number word
    f"{INVALID_MN}",
    "注文番号123456789018の件",  # a valid check digit but an order number
    "伝票番号 1234-5678-9018 で追跡できません",
    "お問い合わせ番号は123456789018です",
    "マイナンバーは提出済みです。注文番号123456789018",
    "202504011230 に受付",
    "1234-5678-9012-3456",  # 16 digits, Luhn fails
    "4111 1111 1111 1112",
    "ポイントカード 1234 5678 9012 3456",
    "追跡番号は 4111 1111 1111 1111",
    "JANコード 4901234567894",
    "4901234567894",
    "2019 2020 2021 2022年のモデル",
    "価格 1200 1500 1800 2000",
    "0123-4567-89",
    "080-1234-56789",
    "1234-567-890",
    "0.1234567890",
    "バージョン 1.2.3.4567",
    "2025.04.01 に届いた",
    "2024-11-30T10:15:00+09:00 に問い合わせ",
    "年収は400万円です",
    "マイナンバー通知カードを紛失しました",
    "ご登録のカード（下4桁 4444）をご確認ください",
    "カードの有効期限 12/26、セキュリティコード 123",
    "型番 ABC-0312345678",
    "12345-67890",
    "3月20日から26日まで",
    "10時30分〜12時",
    "1日2回、3〜4粒飲んでいます",
    # places without an address
    "北海道の野菜が甘くておいしい",
    "京都のお店の店員さんが親切だった",
    "松本市の店舗に行った",
    "大阪府堺市に住んでいます",
    "東京都内の店舗で買いました",
    "横浜市の店舗で3-4日かかった",
    "品川区の店舗で3-4日かかった",
    "梅田の店が好き",
    "金沢に旅行した",
    "長野の店舗で受け取り",
    "岡山駅の近くの店舗",
    "上野動物園に行った",
    "中野の店舗で受け取りました",
    "宮崎のマンゴーがおいしい",
    "港区在住の30代です",
    "市内の店舗で買いました",
    "1丁目の交差点で事故があった",
    "静岡県産のお茶",
    "金沢から来ました",
    "金沢より発送",
    # shops and brands
    "中村屋のカレーが好き",
    "山崎製パンのパンを買った",
    "小林製薬の商品を使っています",
    "伊藤園のお茶",
    "成城石井で買いました",
    "イトーヨーカドーで受け取り",
    "アイリスオーヤマの家電",
    "ゆうパックで届いた",
    "楽天さんで買った",
    "ドンキさんで見つけた",
    "佐川さんの配達が早い",
    "ヤマトさんが丁寧",
    "ニトリさんの家具",
    "ユニクロさんのシャツ",
    "トヨタさんの車",
    "Amazonさんで買った",
    "Appleさんの製品",
    "ルミエールのリネンワンピを初めて着た",
    "ねむりやの枕はふかふか",
    "マネログの画面が見やすい",
    # ordinary words Sudachi can read as names
    "チャックが壊れていて閉まらない",
    "ファスナーとチャックの両方が固い",
    "正直、期待していたほどではなかった",
    "正直言って微妙です",
    "正直なところ高い",
    "ジャックの差し込みが緩い",
    "ハリーのある生地",
    "ボブにしてもらった",
    "ローズの香り",
    "リリーの柄",
    "グロスの色がきれい",
    "ミラーに傷がついていた",
    "マイクの音が小さい",
    "光回線の速度が遅い",
    "翼が折れていた",
    "誠に申し訳ございません",
    "愛用しているシャンプーです",
    "希望の日時に届かなかった",
    "進捗がわからない",
    "ワンちゃん用のおやつ",
    "うちのワンちゃんが喜んでいます",
    "猫ちゃんが気に入った",
    "赤ちゃんにも安心",
    "ジョンソンのベビーオイル",
    "ダイソンの掃除機",
    "小川が流れている",
    "娘のおもちゃが壊れた",
    "Mr.Childrenのライブに行った",
    "Dr.Martensのブーツ",
    "I am Japanese and I live in Tokyo",
    # common nouns with honorifics
    "店員さんが親切",
    "店長さんが対応してくれた",
    "お客様センターにつながらない",
    "皆様のおかげです",
    "皆さんにおすすめしたい",
    "お母さんが喜んでいた",
    "配達員さんが丁寧",
    "運転手さんが丁寧",
    "お疲れ様です",
    "神様のような対応",
    "お子様連れでも安心",
    "担当の方が親切だった",
    "担当者の説明がわかりにくい",
    "担当者様へ：至急ご確認ください",
    "新宿店の店長が親切だった",
    "社長の挨拶が長かった",
    "名前は忘れましたが親切な方でした",
    "スタッフの方が笑顔で迎えてくれました",
    "私はこの商品が好きです",
    "妻が気に入っています",
    "友人に勧められて買いました",
    "上司にも紹介した",
    # everyday voice
    "サポートの対応が早くて助かりました",
    "届いた商品の箱がつぶれていました",
    "解約の手続きが面倒すぎる",
    "サイズ交換がスムーズでした",
    "洗濯したら縮んだ",
    "オペレーターにつながるまで30分",
    "24時間対応がありがたい",
    "十年来の愛用者です",
    "I love this app. The support team was great.",
    "San Francisco store was nice",
    "",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_masked(text, expected):
    assert masked(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_text_unchanged(text):
    assert mask(text) == (text, [])


def test_kinds_and_offsets_point_into_the_original_text():
    text = "㈱ABCの田中様、電話は０９０－１２３４－５６７８、〒１５０－０００１　東京都渋谷区神宮前１－２－３"
    spans = find(text)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [
        ("name", "田中"), ("phone", "０９０－１２３４－５６７８"), ("postcode", "〒１５０－０００１"),
        ("address", "東京都渋谷区神宮前１－２－３")]
    assert all(isinstance(s, Span) for s in spans)


def test_offsets_after_characters_that_nfkc_lengthens():
    # ㈱ → (株), ™ → TM, ① → 1, ｶﾞ → ガ: the spans still cover the original characters
    text = "①㈱™ｶﾞｽ代の件、ｶｰﾄﾞ番号 ４１１１－１１１１－１１１１－１１１１、電話０３（１２３４）５６７８"
    assert masked(text) == f"①㈱™ｶﾞｽ代の件、ｶｰﾄﾞ番号 {CARD}、電話{PHONE}"
    text = "ﾀﾅｶ様からﾃﾞﾝﾜ 090-1234-5678"
    assert masked(text) == f"{NAME}様からﾃﾞﾝﾜ {PHONE}"


def test_spans_are_ordered_and_disjoint():
    text = ("田中様 yamada@example.com 090-1234-5678 マイナンバー 1234 5678 9012、カード 4111 1111 1111 1111 "
            "〒100-0001 東京都千代田区千代田1-1")
    spans = find(text)
    assert [s.kind for s in spans] == ["name", "email", "phone", "mynumber", "card", "postcode", "address"]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_my_number_needs_check_digit_or_context():
    for n in ("12345678901", "31415926535", "27182818284", "50000000000"):
        good = first11_valid(n)
        bad = good[:-1] + str((int(good[-1]) + 3) % 10)
        assert masked(f"番号 {good} です") == f"番号 {MYNUM} です"
        assert masked(f"番号 {bad} です") == f"番号 {bad} です"
        assert masked(f"マイナンバー {bad} です") == f"マイナンバー {MYNUM} です"


def test_card_needs_luhn():
    assert masked("4111 1111 1111 1111") == CARD
    for bad in ("4111 1111 1111 1112", "4111-1111-1111-1110", "378282246310006"):
        assert masked(bad) == bad


def test_long_text_is_masked_in_every_chunk():
    text = "長い苦情。" * 7000 + "担当の佐藤さんに 03-1234-5678 で"
    out, spans = mask(text)
    assert out.endswith(f"担当の{NAME}さんに {PHONE} で")
    assert [s.kind for s in spans] == ["name", "phone"]


def test_lone_surrogate_does_not_break_masking():
    assert masked("佐藤さん\ud800 090-1234-5678") == f"{NAME}さん\ud800 {PHONE}"


def test_placeholders_and_pseudonym():
    assert PLACEHOLDERS["mynumber"] == "［個人番号］" and PLACEHOLDERS["card"] == "［カード番号］"
    assert {"email", "phone", "postcode", "address", "name"} <= set(PLACEHOLDERS)
    assert pseudonym("K1", "s") == pseudonym("K1", "s") != pseudonym("K1", "t")
    assert pseudonym("K1", "s").startswith("顧客-")
