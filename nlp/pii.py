"""Personal data in Japanese customer text: find and mask e-mail addresses, phone numbers, My Number
(個人番号), payment-card numbers, postcodes, postal addresses and personal names; stable pseudonyms
for customer ids.

Rules, not the GiNZA NER pipeline (37 docs/s here; an export of 100,000 answers cannot wait for
it):

* numbers are matched on an NFKC copy of the text (full-width digits and hyphens, half-width kana,
  ㈱ …) mapped back character by character, so offsets always point into the original text. Digit
  groups joined by hyphens (-, ‐, −, ー …) or spaces are read as one number and classified by digit
  count and grouping: phone (10–11 digits from 0, +81 …, 03(1234)5678), My Number (12 digits with
  a valid check digit, or any 12 digits after マイナンバー / 個人番号), card (13–19 digits, Luhn),
  postcode (〒 / 3-4 digits). Dates, amounts and ids (ORD-2025-000123, 注文番号 …) stay;
* postal addresses start with a prefecture or a city / ward and end with a block number (丁目, 番地,
  1-2-3 …) and the building and room after it; after a postcode or 住所は a city is enough;
* names come from Sudachi (名詞-固有名詞-人名), but only in a name context: before an honorific or
  a job title (田中様, 高橋部長), after 担当の / 名前は / 妻の …, before と申します, as a surname
  followed by a given name, or a surname on its own that is not also a place (梅田, 金沢) unless
  a verb says it is a person (松本から折り返します). Words Sudachi calls names but that are
  ordinary words or shops (チャック, ワンちゃん, 楽天さん) are listed in
  ``resources/pii/not_names.txt``. Latin names: Mr. Tanaka, Tanaka-san, Satoさん.

``bench/eval_pii.py`` measures what this catches on a labelled set.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from base.resources import word_list

PLACEHOLDERS = {"email": "［メール］", "phone": "［電話番号］", "postcode": "［郵便番号］", "address": "［住所］",
                "name": "［氏名］", "mynumber": "［個人番号］", "card": "［カード番号］"}


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int


# --- normalisation -----------------------------------------------------------------------------

_FULLWIDTH = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
_MARKS = frozenset("\u3099\u309a\uff9e\uff9f")  # (half-width) voiced sound marks join the kana before


def _probe(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFKC ``text`` for matching, and for each character of it the start and end of the
    original characters it came from (None when nothing changed)."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None, None
    # the common case: full-width letters, digits, symbols and spaces, one character for one
    probe = text.translate(_FULLWIDTH)
    if unicodedata.is_normalized("NFKC", probe):
        return probe, None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (text[j] in _MARKS or unicodedata.combining(text[j])):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j])
        parts.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(parts), starts, ends


# --- numbers: phone, My Number, card, postcode ----------------------------------------------------

_HY = "\\-‐‑‒–—―−ー"  # hyphens as typed (after NFKC: － → -, ｰ → ー)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# digit groups joined by single hyphens or spaces; not the tail of an id (ORD-2025-000123, A-20394)
_CHAIN = re.compile(rf"(?<![0-9])(?<![0-9]\.)(?<![A-Za-z0-9][{_HY}])(?:\+ ?)?\d+(?:(?: ?[{_HY}] ?|[ .])\d+)*")
_DIGITS = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")
# 03(1234)5678, (03)1234-5678, +81(0)90-1234-5678
_PHONE_PAREN = re.compile(rf"(?<![0-9])(?:\(0\d{{1,4}}\) ?\d{{1,4}}[ {_HY}]?\d{{3,4}}|0\d{{1,4}} ?\(\d{{1,4}}\) ?\d{{3,4}}"
                          rf"|\+81 ?\(0\) ?\d{{1,4}}[ {_HY}]?\d{{1,4}}[ {_HY}]?\d{{3,4}})(?![0-9])")
_POSTCODE_BEFORE = re.compile(r"(?:〒|郵便番号[:：は]?) ?$")
_TEL_BEFORE = re.compile(r"(?i)(?:tel|fax|phone|mobile)[.:]?$")
_MYNUMBER_CTX = re.compile(r"(?i)マイナンバー|個人番号|my ?number")
_CARD_CTX = re.compile(r"(?i)カード|クレジット|クレカ|デビット|card|visa|master|jcb|amex")
# numbers that are ids, not personal data, unless a My Number / card word says otherwise
_ID_CTX = re.compile(r"(?i)注文|オーダー|order|伝票|追跡|問い?合わ?せ番号|受付番号|会員番号|お客様番号|顧客番号|品番|型番"
                     r"|製造番号|シリアル|serial|荷物|配送番号|予約番号|管理番号|請求番号|契約番号|証券番号|JAN|ISBN"
                     r"|(?<![A-Za-z])ID")


def _context(before: str, word: re.Pattern) -> bool:
    """``word`` occurs in ``before`` and no id word comes after it (マイナンバーは提出済み。注文番号 …)."""
    found = list(word.finditer(before))
    if not found:
        return False
    last = found[-1]
    return not any(m.start() > last.end() for m in _ID_CTX.finditer(before))  # カード番号 is one word


def _luhn(d: str) -> bool:
    total = 0
    for k, ch in enumerate(reversed(d)):
        v = int(ch)
        if k % 2:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def _mynumber_check(d: str) -> bool:
    """The check digit of a 12-digit individual number (行政手続における特定の個人を識別するための番号
    の利用等に関する法律施行令 第八条): weights 2..7, 2..6 over the first 11 digits from the right."""
    s = sum(int(d[10 - k]) * (k + 2 if k <= 5 else k - 4) for k in range(11))
    r = s % 11
    return int(d[11]) == (0 if r <= 1 else 11 - r)


def _datelike(d: str) -> bool:
    """YYYYMMDD… (a timestamp or a date-based id)."""
    return d[:2] in ("19", "20") and "01" <= d[4:6] <= "12" and "01" <= d[6:8] <= "31"


def _phone_ok(gs: list[str], plus: bool) -> bool:
    d = "".join(gs)
    if plus:
        if not d.startswith("81"):
            return False
        rest = d[2:]
        if rest.startswith("0"):  # +81 090 … (the trunk 0 written anyway)
            rest = rest[1:]
        return 9 <= len(rest) <= 10 and len(gs) <= 4
    if len(d) not in (10, 11) or d[0] != "0" or d[1] == "0":
        return False
    if len(d) == 11 and not (d[1] in "56789" and d[2] == "0" or d.startswith("0800")):
        return False  # only mobile, IP and 0800 numbers have 11 digits
    ls = [len(g) for g in gs]
    if len(gs) == 1:
        return True
    if len(gs) == 2:
        return 2 <= ls[0] <= 5 and 4 <= ls[1] <= 9
    return len(gs) == 3 and 2 <= ls[0] <= 5 and 1 <= ls[1] <= 4 and 3 <= ls[2] <= 4


def _card_grouping(ls: list[int]) -> bool:
    return (len(ls) == 1 or ls in ([4, 6, 5], [4, 6, 4])
            or len(ls) >= 4 and all(x == 4 for x in ls[:-1]) and 1 <= ls[-1] <= 4)


def _classify(probe: str, gs: list[str], seps: list[str], plus: bool, ps: int, four_beside: bool,
              after_letter: bool) -> str | None:
    """The kind of the number made of digit groups ``gs`` (separated by ``seps``) starting at
    ``probe[ps]``, or None. ``four_beside``: a lone group of four digits next to it."""
    if after_letter:  # TEL0312345678 is a phone; A123456789012 an id
        return "phone" if _TEL_BEFORE.search(probe[:ps]) and _phone_ok(gs, plus) else None
    if _phone_ok(gs, plus):
        return "phone"
    if plus or len(set(seps)) > 1 or "." in seps:
        return None  # 090.1234.5678 is a phone; dotted longer numbers are versions or amounts
    d = "".join(gs)
    ls = [len(g) for g in gs]
    before = probe[max(0, ps - 20):ps]
    if len(d) == 12 and ls in ([12], [4, 4, 4]):
        if _context(before, _MYNUMBER_CTX):
            return "mynumber"
        if (_mynumber_check(d) and not four_beside and not _ID_CTX.search(before)
                and not (len(gs) == 1 and _datelike(d))):
            return "mynumber"
        return None
    if 13 <= len(d) <= 19 and _card_grouping(ls) and _luhn(d):
        if _context(before, _CARD_CTX):
            return "card"
        # without a card word: a card's first digit (2-6: Visa, Mastercard, Amex, JCB, Diners, …), not a JAN
        # barcode (45…, 49…, 13 digits), not years in a row (2019 2020 2021 2022)
        if (four_beside or _ID_CTX.search(before) or d[0] not in "23456" or len(d) == 13 and d[:2] in ("45", "49")
                or len(gs) > 1 and all(g[:2] in ("19", "20") for g in gs)):
            return None
        return "card"
    if len(d) == 7 and (ls == [3, 4] and seps[0] != " " or ls == [7] and _POSTCODE_BEFORE.search(before)):
        return "postcode"
    return None


def _numbers(probe: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for m in _CHAIN.finditer(probe):
        if m.end() - m.start() < 7:
            continue  # 2025, 9, 800, 3-4: too short for anything here
        base = m.start()
        plus = m.group().startswith("+")
        groups = [(base + g.start(), base + g.end()) for g in _DIGITS.finditer(m.group())]
        seps = [probe[groups[k][1]:groups[k + 1][0]] for k in range(len(groups) - 1)]
        # a number may end at a space (2025-04-01 090-1234-5678), never inside hyphenated groups
        segs: list[tuple[int, int]] = []
        first = 0
        for k, sep in enumerate(seps):
            if sep == " ":
                segs.append((first, k))
                first = k + 1
        segs.append((first, len(groups) - 1))
        after_letter = base > 0 and probe[base - 1].isascii() and probe[base - 1].isalpha()
        lens = [b - a for a, b in groups]
        seg_len = [groups[g1][1] - groups[g0][0] for g0, g1 in segs]  # 4: one group of four digits
        i = 0
        while i < len(segs):
            found = None
            # the longest number here has 19 digits in at most 5 groups (4-4-4-4-3): no window over that
            windows, digits = [], 0
            for j in range(i, len(segs)):
                g0, g1 = segs[i][0], segs[j][1]
                digits += sum(lens[segs[j][0]:g1 + 1])
                if digits > 19 or g1 - g0 >= 5:
                    break
                if digits == 7 or digits >= 10 or plus:
                    windows.append(j)
            for j in reversed(windows):
                g0, g1 = segs[i][0], segs[j][1]
                gs = [probe[a:b] for a, b in groups[g0:g1 + 1]]
                # 1234 5678 9012 3456 7890: no 12- or 16-digit part of a longer run of 4-digit groups
                four_beside = i > 0 and seg_len[i - 1] == 4 or j + 1 < len(segs) and seg_len[j + 1] == 4
                ps, pe = (base if plus and g0 == 0 else groups[g0][0]), groups[g1][1]
                kind = _classify(probe, gs, seps[g0:g1], plus and g0 == 0, ps, four_beside, after_letter and g0 == 0)
                if kind:
                    found = (kind, ps, pe, j)
                    break
            if found:
                kind, ps, pe, j = found
                if kind == "postcode":
                    head = probe[:ps].rstrip(" ")
                    if head.endswith("〒"):
                        ps = len(head) - 1
                out.append((kind, ps, pe))
                i = j + 1
            else:
                i += 1
    for m in _PHONE_PAREN.finditer(probe):
        g = m.group()
        n = sum(ch.isdigit() for ch in g) - (3 if g.startswith("+") else 0)  # +81 and the (0)
        if 9 <= n <= 11:
            out.append(("phone", m.start(), m.end()))
    return out


# --- postal addresses -----------------------------------------------------------------------------

_K = "\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffヶケヵ"  # kanji, 々, ヶ
# municipalities written (partly) in kana
_KANA_CITIES = ("さいたま|つくばみらい|つくば|ひたちなか|いわき|かすみがうら|あきる野|ふじみ野|みどり|さくら|うきは|みやま|"
                "えびの|いちき串木野|南あわじ|たつの|あわら|かほく|にかほ|むつ|いなべ|せたな|南アルプス|紀の川")
_CITY = rf"(?:(?:{_KANA_CITIES})市|[{_K}]{{1,6}}?(?:市|区|町|村|郡))"
_NUM = r"(?:\d+|[一二三四五六七八九十百〇]+)"
_UNIT = r"(?:丁目|番地|番|号|条|線|地割)"
_BLOCK = (rf"(?>(?:[東西南北]?{_NUM}{_UNIT}|\d+(?=[{_HY}]\d))(?:[東西南北]?{_NUM}{_UNIT}|[{_HY}]\d+{_UNIT}?|の\d+|\d+)*)"
          r"(?![\d日月年円時分秒個回件人本枚台歳才%倍割袋箱点名])")
# the town: kanji, katakana or kana (神宮前, みなとみらい, ひばりが丘), not starting with a particle (区の店舗)
_TOWN = rf"(?:[{_K}ァ-ヴーぁ-ゖ](?<![のでにはをがともへや])[{_K}ァ-ヴーぁ-ゖノ・]{{0,11}}?)?"
# a building and room after the block: directly (…1-2-3ABCビル5F; 4-5-6-101 is a block), or after one
# space when a room number ends it (…1-2-3 ABCマンション301号室, サンハイツ 203); a floor of an office
# building after a space stays outside (…天神2-3-10 ABCビル5F)
_BUILDING_WORD = r"(?:ビル|ビルディング|マンション|ハイツ|コーポ|荘|アパート|タワー|レジデンス|ハウス|ヒルズ|プラザ|会館|号館|棟|ハイム)"
_HOME_WORD = r"(?:マンション|ハイツ|コーポ|荘|アパート|レジデンス|ハイム|ハウス)"
_END = r"(?![\d日月年円時分個回件人])"
_BUILDING_NAME = rf"[{_K}ァ-ヴーA-Za-z0-9・&]{{0,20}}"
_BUILDING = (rf"(?:{_BUILDING_NAME}{_BUILDING_WORD}(?:[{_HY}]?\d+(?:F|階|号室|号)?{_END})?|\d+(?:F|階|号室){_END}"
             rf"| {_BUILDING_NAME}(?:{_BUILDING_WORD} ?\d+号室|{_HOME_WORD} ?[{_HY}]?\d+号?){_END}| \d+号室)?")


@cache
def _address_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    prefs = "|".join(word_list("pii/prefectures.txt"))
    # a block number makes it an address (東京都港区芝公園4-2-8); 滋賀県守山市 alone is a place
    full = re.compile(rf"(?:{prefs})?{_CITY}(?:{_CITY})?{_TOWN}{_BLOCK}{_BUILDING}")
    # after a postcode or 住所は: a prefecture and city without a block number are an address too
    loose = re.compile(rf"(?:(?:{prefs})(?:{_CITY}){{0,2}}|{_CITY}(?:{_CITY})?)(?:[{_K}ァ-ヴー][{_K}ァ-ヴーのが之ノ・]*)?")
    return re.compile(rf"(?:{prefs})"), full, loose


def _addresses(probe: str, postcodes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pref, full, loose = _address_res()
    out: list[tuple[int, int]] = []
    for m in full.finditer(probe):
        s, e = m.start(), m.end()
        if not pref.match(probe, s):
            s = _trim_address_start(probe, s, e)
        out.append((s, e))
    # blockless: 〒100-8994 東京都千代田区霞が関, 住所は東京都港区
    anchors = [pe for _, pe in postcodes] + [m.end() for m in _ADDRESS_CTX_FIND.finditer(probe)]
    for a in anchors:
        while a < len(probe) and probe[a] == " ":
            a += 1
        if any(s <= a < e for s, e in out):
            continue
        m = loose.match(probe, a)
        if m and (pref.match(probe, a) or m.end() - a >= 3):
            out.append((a, m.end()))
    return out


_ADDRESS_CTX_FIND = re.compile(r"(?:住所|所在地|(?:お届け|届け|送り|配送|発送|郵送|送付)先)(?:は|が|:|：)\s*")


def _trim_address_start(probe: str, s: int, e: int) -> int:
    """A city-first address may have swallowed the word before it (配送先大阪市北区梅田1-1):
    start it at the first place name Sudachi finds."""
    from nlp.tokenize import _morphemes, _tokenizer

    for m in _morphemes(_tokenizer("C"), probe[s:e]):
        pos = m.part_of_speech()
        if pos[0] == "名詞" and pos[2] == "地名":
            return s + m.begin()
        if pos[1] == "数詞":
            break
    return s


# --- names ---------------------------------------------------------------------------------------

@cache
def _honorifics() -> frozenset[str]:
    return frozenset(word_list("pii/honorifics.txt"))


@cache
def _titles() -> frozenset[str]:
    return frozenset(word_list("pii/titles.txt"))


@cache
def _not_names() -> frozenset[str]:
    return frozenset(word_list("pii/not_names.txt"))


_MAY_NAME = re.compile(rf"[{_K}ァ-ヺ]")
_KANJI_ONLY = re.compile(rf"[{_K}]+")
_KATAKANA_ONLY = re.compile(r"[ァ-ヺー]+")
# …the name: 担当の田中, 名前は田中, 私は田中と申します, 妻の恵子
_PRE = re.compile(r"(?:担当(?:者|者様|の方)?(?:の|は|が|:|：)?|(?:お)?名前(?:は|が|:|：)|氏名(?:は|:|：)?|宛名(?:は|:|：)"
                  r"|差出人(?:は|:|：)?|(?:私|わたし|わたくし|僕|ぼく|俺|自分)(?:は|、)"
                  r"|(?:妻|夫|主人|旦那|嫁|家内|娘|息子|長男|長女|次男|次女|母|父|祖母|祖父|孫|兄|姉|弟|妹|友人|友達|知人"
                  r"|同僚|上司|部下|先輩|後輩|彼氏|彼女|義母|義父|子ども|子供|甥|姪)(?:の|、))[ 　]*$")
# 〇〇商事の小川です, 営業部の上田でございます
_ORG_BEFORE = re.compile(r"(?:会社|商事|社|部|課|室|係|店|センター|窓口|事務局|チーム|グループ|営業所|支社|本社)の$")
# 中村です。… at the start of a message or a sentence
_OPENING = re.compile(r"(?:^|[。\n！!]|お世話になっております[。、]?|こんにちは[。、]?)[ 　]*$")
_SELF_INTRO = re.compile(r"^(?:です|でございます)")
_FAMILY = re.compile(r"(?:妻|夫|主人|旦那|嫁|娘|息子|長男|長女|次男|次女|孫|兄|姉|弟|妹|子ども|子供)の$")
_SAID_IN = re.compile(rf"担当|名前|氏名|宛名|差出人|申し|いいます|言います|でございます|(?:^|[の。、\n])[{_K}]{{2,4}}です"
                      r"|(?:私|わたし|わたくし|僕|ぼく|俺|自分)(?:は|、)")
_FAMILY_IN = re.compile(_FAMILY.pattern[:-1])
_KANA_ONLY = re.compile(r"[ぁ-ゖァ-ヺー]+")
_POST_SELF = re.compile(r"^[ 　]*(?:と申します|と申し|といいます|と言います|と申す|でございます)")
# a verb of what a person does (松本から折り返します, 中村が対応してくれた, 石川が来てくれた), or a
# sign-off (山口より)
_PERSON_VERB = re.compile(r"^(?:(?:から|より|が|に|は|も|へ)、?(?:丁寧に|すぐに|親切に|直接|改めて|後ほど|後日|早速|再度|電話で"
                          r"|メールで)?(?:ご|お)?(?:対応|担当|説明|案内|連絡|電話|折り返|返信|返事|回答|伝え|相談|確認|謝|訪問|伺"
                          r"|代わ|教え|答え|紹介|手配|申し|親切|丁寧|優し|来店|来社|来訪)"
                          r"|が(?:来て|来ら|言|話|おっしゃ|勧め|すすめ|薦め)|に(?:聞|頼|渡し|会|教わ|習|言われ|勧め|すすめ)"
                          r"|と(?:話|会|相談)|より\s*$|より[。\n])")
# …a place or a shop after the word (梅田の店舗, 烏丸店, 金沢に行った)
_PLACE_AFTER = re.compile(r"^(?:の)?(?:店舗|お店|店|本店|支店|駅|工場|本社|営業所|市|区|町|村|県|府|郡|温泉|旅行|観光|城|港|空港"
                          r"|線|通り|方面|周辺|近く|辺り|エリア|地区|地方|ホテル|旅館|商品|製品|ブランド)"
                          r"|^(?:に|へ|まで)(?:行|旅行|出張|遊び|住|引っ?越|帰)|^で(?:買|購入|見つけ)")


@lru_cache(maxsize=65536)
def _entries(surface: str) -> frozenset[tuple[str, str, str]]:
    """Every dictionary reading of ``surface``: (pos1, pos2, pos3)."""
    from nlp import tokenize as T

    T._tokenizer("C")
    d = T._local.dicts[T._user_dic]
    return frozenset(tuple(m.part_of_speech()[1:4]) for m in d.lookup(surface))


def _pos_table():
    """part_of_speech_id → the part-of-speech tuple, cached, for the dictionary in use."""
    from nlp import tokenize as T

    T._tokenizer("C")
    d = T._local.dicts[T._user_dic]
    table = _POS_TABLES.get(id(d))
    if table is None:
        cache_: dict[int, tuple[str, ...]] = {}

        def table(pid: int) -> tuple[str, ...]:
            got = cache_.get(pid)
            if got is None:
                got = cache_[pid] = tuple(d.pos_of(pid))
            return got

        _POS_TABLES[id(d)] = table
    return table


_POS_TABLES: dict = {}


def _names(text: str) -> list[Span]:
    if not _MAY_NAME.search(text):
        return []
    from nlp.tokenize import _morphemes, _tokenizer, chunks

    tok = _tokenizer("C")
    pos_of = _pos_table()
    out: list[Span] = []
    for offset, piece in chunks(text):
        morphemes = _morphemes(tok, piece)
        pos = [pos_of(m.part_of_speech_id()) for m in morphemes]
        if (not any(p[1] == "固有名詞" for p in pos) and not any(h in piece for h in _honorifics())
                and not _FAMILY_IN.search(piece) and not _SAID_IN.search(piece)):
            continue  # no proper noun, no honorific, no 娘の / 担当 / と申します: no name
        ms = [(m.surface(), p, m.begin(), m.end(), m.is_oov()) for m, p in zip(morphemes, pos, strict=True)]
        out.extend(Span("name", offset + s, offset + e) for s, e in _name_spans(piece, ms))
    # 田中 美咲 / 田中美咲: adjacent name parts become one span
    merged: list[Span] = []
    for s in out:
        if merged and (s.start == merged[-1].end or text[merged[-1].end:s.start] in (" ", "　")):
            merged[-1] = Span("name", merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


def _name_spans(piece: str, ms: list) -> list[tuple[int, int]]:
    """Name spans in one Sudachi-tokenised piece; ``ms``: (surface, pos, begin, end, oov)."""
    stop = _not_names()
    hon, titles = _honorifics(), _titles()
    n = len(ms)

    def person(k: int) -> bool:  # a word listed as never a name still joins a run (ヤマダ タロウ)
        return 0 <= k < n and ms[k][1][1] == "固有名詞" and ms[k][1][2] == "人名"

    def space(k: int) -> bool:
        return 0 <= k < n and ms[k][1][0] == "空白" and ms[k][0] in (" ", "　")

    def after(k: int) -> int:  # the token after token k, over one space
        return k + 2 if space(k + 1) else k + 1

    def kanji_part(k: int) -> bool:  # a piece of a name Sudachi split (片山|右京, 宮内|国|郎)
        surface, pos = ms[k][0], ms[k][1]
        return (pos[0] in ("名詞", "接尾辞") and pos[1] != "数詞" and bool(_KANJI_ONLY.fullmatch(surface))
                and surface not in hon and surface not in titles and surface not in stop)

    def surname_reading(k: int) -> bool:  # 松本 read as a place here, 小川 as a stream: surnames too
        surface, pos = ms[k][0], ms[k][1]
        return ((pos[1] == "固有名詞" and pos[2] in ("地名", "一般") or pos[1] == "普通名詞") and surface not in stop
                and len(surface) >= 2 and bool(_KANJI_ONLY.fullmatch(surface))
                and ("固有名詞", "人名", "姓") in _entries(surface))

    def brand_surname(k: int) -> bool:  # スズキ様: read as the brand here, but before 様 a surname
        surface, pos = ms[k][0], ms[k][1]
        return (pos[1] == "固有名詞" and pos[2] == "一般" and surface not in stop
                and (len(surface) >= 2 and bool(_KANJI_ONLY.fullmatch(surface))
                     or len(surface) >= 3 and bool(_KATAKANA_ONLY.fullmatch(surface)))
                and not (k > 0 and ms[k - 1][3] == ms[k][2] and ms[k - 1][1][1] == "固有名詞")
                and ("固有名詞", "人名", "姓") in _entries(surface))

    def kana_name(k: int) -> bool:  # 娘のさくらが: a given name in kana after 娘の / 妻の …
        surface, pos = ms[k][0], ms[k][1]
        return (pos[1] == "普通名詞" and len(surface) >= 2 and surface not in stop
                and bool(_KANA_ONLY.fullmatch(surface)) and k + 1 < n and ms[k + 1][1][0] == "助詞"
                and bool(_FAMILY.search(piece[max(0, ms[k][2] - 8):ms[k][2]]))
                and ("固有名詞", "人名", "名") in _entries(surface))

    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not person(i):
            if ms[i][1][0] != "名詞":
                i += 1
                continue
            if after(i) < n and ms[after(i)][0] in hon and (_relaxed(ms, i, stop) or brand_surname(i)):
                out.append((ms[i][2], ms[i][3]))
                i += 1
                continue
            if kana_name(i):
                out.append((ms[i][2], ms[i][3]))
                i += 1
                continue
            if not surname_reading(i):
                i += 1
                continue
            j = after(i)
            if not (person(j) and ms[j][1][3] == "名"):  # 松本 太郎 is a run; 松本 alone needs a verb
                s, e = ms[i][2], ms[i][3]
                # a common noun (小川) only where it is said to be a name, a place (松本) also before a verb
                if _said_name(piece, s, e) or ms[i][1][1] == "固有名詞" and _PERSON_VERB.match(piece[e:e + 12]):
                    out.append((s, e))
                i += 1
                continue
        run = [i]
        k = i + 1
        while k < n:
            if person(k):
                run.append(k)
                k += 1
            elif space(k) and person(k + 1):
                run.append(k + 1)
                k += 2
            else:
                break
        first, last = run[0], run[-1]
        start, end = ms[first][2], ms[last][3]
        honorific = False
        nxt = after(last)
        if nxt < n and (ms[nxt][0] in hon or ms[nxt][0] in titles):
            honorific = True
        else:
            # 片山右京さん: up to two more kanji pieces, then the honorific
            for extra in (1, 2):
                t = last + extra
                if not (t < n and kanji_part(t) and ms[t][2] == ms[t - 1][3]):
                    break
                if t + 1 < n and ms[t + 1][0] in hon:
                    honorific, end, k = True, ms[t][3], t + 1
                    break
            # 田中翔|琉様: an unknown word that swallowed the honorific
            t = last + 1
            if not honorific and t < n and ms[t][4] and ms[t][2] == end:
                for h in hon:
                    if ms[t][0].endswith(h) and _KANJI_ONLY.fullmatch(ms[t][0][:-len(h)]):
                        honorific, end, k = True, ms[t][3] - len(h), t + 1
                        break
        if honorific and len(ms[first][0]) == 1:
            # 宮内|国|郎さん: a one-character name part after kanji pieces
            for _ in (1, 2):
                p = first - 1
                if p >= 0 and kanji_part(p) and ms[p][3] == ms[first][2] and ms[p][1][2] != "地名":
                    first, start = p, ms[p][2]
                else:
                    break
        if all(ms[t][0] in stop for t in run):
            i = k
            continue
        if _is_name(piece, ms, run, first, start, end, honorific):
            # ジェラルド・R・フォード氏: the first names before a katakana surname
            foreign = bool(_KATAKANA_ONLY.fullmatch(piece[start:end]))
            while foreign and start >= 2 and piece[start - 1] == "・":
                m = _KATAKANA_TAIL.search(piece, 0, start - 1)
                if not m:
                    break
                start = m.start()
            out.append((start, end))
        i = k
    return out


_KATAKANA_TAIL = re.compile(r"(?:[ァ-ヺー]+|[A-Z]\.?)$")


def _said_name(piece: str, start: int, end: int) -> bool:
    """``piece[start:end]`` is said to be a name: 担当の…, 妻の…, …と申します, 〇〇商事の…です."""
    before, after = piece[max(0, start - 12):start], piece[end:end + 12]
    return bool(_PRE.search(before) or _POST_SELF.match(after)
                or (_ORG_BEFORE.search(before) or _OPENING.search(before)) and _SELF_INTRO.match(after))


def _relaxed(ms: list, k: int, stop: frozenset[str]) -> bool:
    """A word before an honorific that Sudachi does not tag as a name in this place but that is
    one: an unknown kanji name (髙橋様), 湊くん, 愛ちゃん."""
    surface, pos, _, _, oov = ms[k]
    if surface in stop or pos[0] != "名詞" or not _KANJI_ONLY.fullmatch(surface):
        return False
    nxt = ms[k + 1][0] if k + 1 < len(ms) else ""
    if oov:
        return True
    if nxt not in ("くん", "君", "ちゃん"):
        return False
    if k > 0 and ms[k - 1][0] in ("お", "ご", "御"):
        return False
    es = _entries(surface)
    if pos[2] == "地名":
        return any(e[1] == "人名" for e in es)
    return pos[1] == "普通名詞" and len(surface) <= 2 and ("固有名詞", "人名", "名") in es


def _is_name(piece: str, ms: list, run: list[int], first: int, start: int, end: int, honorific: bool) -> bool:
    """Whether the run of name-tagged tokens ``run`` (text ``piece[start:end]``) is a person here."""
    prev = first - 1
    # 成城石井, アイリスオーヤマ, 合味道: a name part glued to another word is a shop or a brand
    glued_before = (prev >= 0 and ms[prev][3] == start and ms[prev][1][0] in ("名詞", "接頭辞")
                    and ms[prev][1][1] != "数詞" and ms[prev][1][2] != "人名" and not ms[prev][0].isascii())
    if honorific:
        return not (glued_before and ms[prev][1][1] == "固有名詞")
    if _said_name(piece, start, end):
        return True
    post = piece[end:end + 12]
    last = run[-1]
    nxt = ms[last + 1] if last + 1 < len(ms) else None
    glued_after = (nxt is not None and nxt[2] == end and nxt[1][0] in ("名詞", "接尾辞")
                   and nxt[1][1] != "数詞" and not nxt[0].isascii())
    if glued_before or glued_after or _PLACE_AFTER.match(post):
        return False
    kinds = [ms[k][1][3] for k in run]
    if "姓" in kinds and "名" in kinds[kinds.index("姓") + 1:]:
        return max(len(ms[k][0]) for k in run) >= 2  # surname + given name
    if len(run) != 1:
        return False
    surface = ms[run[0]][0]
    es = _entries(surface)
    if kinds[0] == "姓":
        # a surname on its own: kanji (2+) or katakana (3+) that is not also a place or a brand
        if not (_KANJI_ONLY.fullmatch(surface) and len(surface) >= 2
                or _KATAKANA_ONLY.fullmatch(surface) and len(surface) >= 3):
            return False
        ambiguous = any(e[1] == "地名" for e in es)
        if _KATAKANA_ONLY.fullmatch(surface):
            ambiguous = ambiguous or any(e[0] != "固有名詞" or e[1] == "一般" for e in es)
        return not ambiguous or bool(_PERSON_VERB.match(post))
    # a given name (or 人名-一般) on its own: only with a person's verb, and only when it is no other word
    return (len(surface) >= 2 and not _KATAKANA_ONLY.fullmatch(surface) and all(e[0] == "固有名詞" for e in es)
            and bool(_PERSON_VERB.match(post)))


# Mr. Tanaka, Ms Sato, Dr. Suzuki; Tanaka-san, Tanaka Taro-sama
_LATIN_TITLE = re.compile(r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.? ?([A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)?)")
_LATIN_SAID = re.compile(r"(?:[Mm]y name is|[Nn]ame ?:) ?([A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)?)")
_LATIN_HONORIFIC = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)?)[- ](?:san|sama|sensei|kun|chan|shi"
                              r"|dono)(?![A-Za-z])")
_LATIN_JA_HONORIFIC = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z']+(?: [A-Z][A-Za-z']+)?) ?(?:さん|様|さま|くん|ちゃん|氏|先生)")
_LATIN = re.compile(r"[A-Z][a-z]")


def _latin_names(probe: str) -> list[tuple[int, int]]:
    if not _LATIN.search(probe):
        return []
    stop = _not_names()
    out = [(m.start(1), m.end(1)) for m in _LATIN_TITLE.finditer(probe) if m.group(1).split()[0] not in stop]
    out += [(m.start(1), m.end(1)) for m in _LATIN_HONORIFIC.finditer(probe)]
    out += [(m.start(1), m.end(1)) for m in _LATIN_SAID.finditer(probe)]
    for m in _LATIN_JA_HONORIFIC.finditer(probe):
        # Satoさん, but not Amazonさん / Appleさん (a company or a word in the dictionary)
        w = m.group(1)
        if " " in w or not any(e[1] == "一般" or e[0] != "固有名詞" for e in _entries(w.lower())):
            out.append((m.start(1), m.end(1)))
    return out


# --- API -----------------------------------------------------------------------------------------

def find(text: str) -> list[Span]:
    """Personal data in ``text`` (offsets into ``text``), non-overlapping, in order."""
    if not text:
        return []
    probe, starts, ends = _probe(text)

    def orig(ps: int, pe: int) -> tuple[int, int]:
        return (ps, pe) if starts is None else (starts[ps], ends[pe - 1])

    found: list[tuple[str, int, int]] = []
    if "@" in probe:
        found += [("email", m.start(), m.end()) for m in _EMAIL.finditer(probe)]
    if _ANY_DIGIT.search(probe):
        found += _numbers(probe)
    postcodes = [(ps, pe) for kind, ps, pe in found if kind == "postcode"]
    found += [("address", s, e) for s, e in _addresses(probe, postcodes)]
    found += [("name", s, e) for s, e in _latin_names(probe)]
    spans = [Span(kind, *orig(ps, pe)) for kind, ps, pe in found if pe > ps]
    spans.extend(_names(text))
    # earlier first; at the same start the longer span; a number or address wins over a name inside it
    spans.sort(key=lambda s: (s.start, -(s.end - s.start), s.kind == "name"))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def mask(text: str) -> tuple[str, list[Span]]:
    """``text`` with every personal-data span replaced by its placeholder, and the spans."""
    spans = find(text)
    if not spans:
        return text, spans
    parts, last = [], 0
    for s in spans:
        parts.append(text[last:s.start])
        parts.append(PLACEHOLDERS[s.kind])
        last = s.end
    parts.append(text[last:])
    return "".join(parts), spans


def pseudonym(customer_id: str, salt: str) -> str:
    """A stable pseudonym for a customer id (same id and salt → same pseudonym; not reversible
    without the project's salt)."""
    h = hashlib.blake2b(f"{salt}\x00{customer_id}".encode(), digest_size=5).hexdigest().upper()
    return f"顧客-{h}"
