"""What drives NPS (voc_app.drivers, ``voc drivers``): the statistics on hand-computed numbers, and
a survey whose driver is known by construction — respondents who complain about late delivery
score 0–5, those with minor unrelated complaints 7–10 — analysed, mapped and ranked."""

from __future__ import annotations

import csv
import math
import pickle
import random
from pathlib import Path

import pytest

from base.errors import InputError
from voc_app.cli import main
from voc_app.drivers import (
    COLUMNS,
    TITLES,
    DriversReport,
    format_ci,
    format_diff,
    format_nps,
    nps,
    nps_drivers,
    nps_effect,
)
from voc_app.importing import import_file
from voc_app.store import Project
from voc_app.store import topics as topic_store

DELIGHT_Q = "買ってみて一番嬉しかったのはどんな時でしたか？"
PAIN_Q = "ご不満な点があれば教えてください"
TSV_HEADER = ("side\ttopic_id\ttopic\tn_with\tn_without\tnps_with\tnps_without\timpact\tci_low\tci_high"
              "\tpromoter_diff\tdetractor_diff\toverall_effect\tsignificant")

LATE = [  # the known driver: these respondents score 0–5
    "配送が遅くて注文から一週間も届かなかった", "届くまで十日もかかり、配達が遅すぎる",
    "発送が遅れて誕生日に間に合わなかった", "配送予定日を過ぎても商品が届かない",
    "注文してから届くまでが遅い。もっと早く配送してほしい", "配達の遅延が二回続いて困った",
    "お届け予定日から三日遅れて到着した", "発送連絡から到着まで時間がかかりすぎる",
    "急ぎで頼んだのに配送が遅くて使いたい日に届かなかった", "配送が遅れているのに連絡がなかった",
    "届くのが遅くてイライラした", "注文後なかなか発送されず、いつ届くのか不安になった",
]
MINOR = [  # unrelated minor complaints: these respondents score 7–10
    "価格がもう少し安ければうれしい", "パッケージが少し開けにくい", "アプリの通知が少し多い",
    "色の種類がもっとあればいいのに", "説明書の字が小さくて読みにくい", "ポイントの有効期限が短い",
    "サイズ展開が少ないのが残念", "会員登録の手順が少し面倒だった", "問い合わせフォームが見つけにくい",
]
WHEN = ["", "最初に", "使い始めて一週間で", "初めて使った時に", "旅行に持って行った時に", "朝の準備の時に",
        "雨の日に", "仕事で使った時に"]
DELIGHT = ["肌ざわりの良さに驚いた", "家族に褒められて嬉しかった", "軽くて使いやすいと実感した",
           "デザインがおしゃれで気分が上がった", "品質の良さを実感して嬉しかった", "友達にすすめたら喜ばれた",
           "思っていた以上に丈夫で感動した"]
STAFF = ["スタッフの方がとても丁寧に対応してくれて感動した", "問い合わせたらサポートの方がすぐ親切に対応してくれた",
         "店員さんの説明が分かりやすく、接客が素晴らしかった", "電話窓口の方の対応が温かくて嬉しかった"]
N_LATE, N_MINOR, N_QUIET = 48, 132, 30  # respondents; the quiet ones answer 「特になし」 to the pain question


def survey_rows(seed: int = 7) -> list[list]:
    """Late-delivery complainers score 0–5; minor complainers 7–10, and half of their promoters
    (9–10) were delighted by the staff — the delight to protect; the quiet ones 6–10."""
    rnd = random.Random(seed)
    rows = []
    for i in range(N_LATE + N_MINOR + N_QUIET):
        if i < N_LATE:
            nps_, pain = rnd.randint(0, 5), rnd.choice(["", "前回", "今回も"]) + LATE[i % len(LATE)]
        elif i < N_LATE + N_MINOR:
            nps_, pain = rnd.randint(7, 10), rnd.choice(["", "強いて言えば", "少しだけ、"]) + MINOR[i % len(MINOR)]
        else:
            nps_, pain = rnd.randint(6, 10), "特になし"
        staff = N_LATE <= i < N_LATE + N_MINOR and nps_ >= 9 and rnd.random() < 0.5
        delight = rnd.choice(WHEN) + rnd.choice(STAFF if staff else DELIGHT)
        rows.append([3000 + i, f"2025/3/{1 + i % 28} 10:{i % 60:02d}", f"C{i:04d}", f"{20 + 10 * (i % 5)}代", nps_,
                     delight, pain])
    rnd.shuffle(rows)
    return rows


def write_survey(path: Path, *, with_nps: bool = True) -> Path:
    head = ["ID", "回答日時", "顧客ID", "年代", "NPS(0-10)", DELIGHT_Q, PAIN_Q]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        rows = survey_rows()
        if not with_nps:
            head, rows = head[:4] + head[5:], [r[:4] + r[5:] for r in rows]
        w.writerow(head)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    """A project with the survey imported, analysed and both topic maps fitted."""
    from voc_app.workflow import analyze_all

    d = tmp_path_factory.mktemp("drivers")
    path = d / "drivers.voc"
    with Project.create(path) as project:
        import_file(project, write_survey(d / "survey.csv"))
        analyze_all(project, workers=1)
    return path


# --- statistics on hand-computed numbers --------------------------------------------------------

def test_nps_effect_matches_hand_computation():
    # with: 10 respondents, 2 promoters, 6 detractors → NPS −40; without: 40, 20, 8 → NPS +30
    e = nps_effect(10, 2, 6, 40, 20, 8)
    assert e.nps_with == pytest.approx(-40) and e.nps_without == pytest.approx(30)
    assert e.impact == pytest.approx(-70)
    # variances with one pseudo-respondent of each kind per group: with 13 (3 P, 7 D), without 43 (21 P, 9 D)
    pw, dw, po, do = 3 / 13, 7 / 13, 21 / 43, 9 / 43
    var = (pw + dw - (pw - dw) ** 2) / 13 + (po + do - (po - do) ** 2) / 43
    half = 1.959963984540054 * 100 * math.sqrt(var)
    assert half == pytest.approx(50.468, abs=1e-3)
    assert (e.ci_low, e.ci_high) == (pytest.approx(-70 - half), pytest.approx(-70 + half))
    assert e.significant
    # promoter share 20 % vs 50 % (adjusted 3/13 vs 21/43 for the variance)
    assert e.promoter_diff == pytest.approx(-30)
    assert e.promoter_ci_high == pytest.approx(-30 + 1.959963984540054 * 100 * math.sqrt(
        pw * (1 - pw) / 13 + po * (1 - po) / 43))
    assert e.promoter_ci_high < 0
    # detractor share 60 % vs 20 %
    assert e.detractor_diff == pytest.approx(40)
    assert e.detractor_ci_low == pytest.approx(40 - 1.959963984540054 * 100 * math.sqrt(
        dw * (1 - dw) / 13 + do * (1 - do) / 43))
    assert nps(50, 22, 14) == pytest.approx(16)  # overall: 16 = 30 + (−70 × 10/50): the weighted effect


def test_nps_effect_interval_includes_zero_for_a_small_difference_and_formats():
    e = nps_effect(6, 2, 2, 30, 10, 10)  # both NPS 0
    assert e.impact == pytest.approx(0) and e.ci_low < 0 < e.ci_high and not e.significant
    same = nps_effect(5, 5, 0, 5, 0, 5)  # all promoters vs all detractors: the observed spread is nil
    assert same.impact == pytest.approx(200) and 0 < same.ci_low < 200 and same.ci_high == 200 and same.significant
    with pytest.raises(ValueError):
        nps_effect(0, 0, 0, 5, 1, 1)
    assert [format_nps(x) for x in (-23.4, 12.6, 12.5, -12.5, 0.3, -0.4, 100.0, None)] == \
        ["-23", "+13", "+13", "-13", "0", "0", "+100", ""]
    assert [format_diff(x) for x in (-23.44, -23.45, 5, 112.04, -0.04, None)] == \
        ["-23.4", "-23.5", "+5.0", "+112.0", "0.0", ""]
    assert format_ci(-35.12, -11.66) == "-35.1〜-11.7"


# --- a survey with a known driver ---------------------------------------------------------------

def _late_share(project: Project, topic_id: int) -> float:
    ids = topic_store.topic_member_ids(project.conn, topic_id)
    texts = topic_store.member_texts(project.conn, "pain", ids)
    return sum(1 for t, _ in texts.values() if any(late in t for late in LATE)) / max(1, len(ids))


def test_late_delivery_is_the_pain_to_fix_first(analysed):
    with Project(analysed) as project:
        rep = nps_drivers(project)
        assert isinstance(rep, DriversReport)
        assert rep.respondents == N_LATE + N_MINOR + N_QUIET
        assert [t.side for t in rep.tables] == ["pain", "delight"]
        assert [t.title for t in rep.tables] == [TITLES["pain"], TITLES["delight"]] == ["まず直すべき不満", "守るべき喜び"]
        first = rep.fix_first[0]
        assert first.rank == 1 and _late_share(project, first.topic_id) >= 0.8, first
        # every late-delivery topic costs NPS, significantly; the minor complaints do not
        for d in rep.fix_first:
            if _late_share(project, d.topic_id) >= 0.8:
                assert d.impact < -50 and d.ci_high < 0 and d.significant
                assert d.nps_with < 0 < d.nps_without
                assert d.detractor_diff > 0 > d.promoter_diff
            elif _late_share(project, d.topic_id) == 0:
                assert d.impact > 0
    assert first.overall_effect == pytest.approx(first.impact * first.n_with / rep.respondents)
    assert first.overall_effect == min(d.overall_effect for d in rep.fix_first)
    assert [d.overall_effect for d in rep.fix_first] == sorted(d.overall_effect for d in rep.fix_first)
    assert [d.overall_effect for d in rep.protect] == sorted((d.overall_effect for d in rep.protect), reverse=True)
    # overall NPS = NPS without the topic + the topic's weighted effect
    assert rep.nps == pytest.approx(first.nps_without + first.overall_effect)
    for d in rep.rows():
        assert d.n_with + d.n_without == rep.respondents
        assert d.enough == (d.n_with >= 5 and d.n_without >= 5)
    # the staff delighted only promoters: the delight to protect first
    top = rep.protect[0]
    with Project(analysed) as project:
        ids = topic_store.topic_member_ids(project.conn, top.topic_id)
        texts = topic_store.member_texts(project.conn, "delight", ids)
    assert sum(any(s in t for s in STAFF) for t, _ in texts.values()) >= 0.8 * len(ids), top
    assert top.impact > 50 and top.significant and top.overall_effect > 0 and top.rank == 1
    assert rep.promoters + rep.passives + rep.detractors == rep.respondents
    assert pickle.loads(pickle.dumps(rep)) == rep  # the app runs it in a background job
    assert len(first.cells()) == len(COLUMNS)


def test_cli_prints_both_tables_and_exact_tsv(analysed, capsys):
    assert main(["drivers", str(analysed)]) == 0
    out = capsys.readouterr().out
    assert out.index("まず直すべき不満") < out.index("守るべき喜び")
    for col in COLUMNS:
        assert col in out
    with Project(analysed) as project:
        rep = nps_drivers(project)
    first = rep.fix_first[0]
    pain_table = out[out.index("まず直すべき不満"):out.index("守るべき喜び")].splitlines()
    line = next(ln for ln in pain_table if ln.split()[:1] == ["1"])  # rank 1 (the label may be shortened)
    assert format_diff(first.impact) in line and format_ci(first.ci_low, first.ci_high) in line and line.endswith(
        format_diff(first.overall_effect))

    assert main(["drivers", str(analysed), "--tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == TSV_HEADER
    rows = [ln.split("\t") for ln in lines[1:]]
    assert len(rows) == len(rep.rows()) and all(len(r) == 14 for r in rows)
    top = rows[0]
    assert top[0] == "pain" and int(top[1]) == first.topic_id and int(top[3]) == first.n_with
    assert int(top[3]) + int(top[4]) == rep.respondents
    assert float(top[7]) == pytest.approx(first.impact, abs=0.01) and float(top[9]) < 0 and top[13] == "1"
    assert {r[0] for r in rows} == {"pain", "delight"}

    assert main(["drivers", str(analysed), "--side", "pain", "--tsv"]) == 0
    assert {ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()[1:]} == {"pain"}


def test_min_above_every_count_lists_topics_as_too_few(analysed, capsys):
    with Project(analysed) as project:
        rep = nps_drivers(project, min_mentions=1000)
    assert not rep.fix_first and not rep.protect
    assert all(t.too_few for t in rep.tables) and all(d.impact is None and not d.significant for d in rep.rows())
    assert main(["drivers", str(analysed), "--min", "1000"]) == 0
    out = capsys.readouterr().out
    assert out.count("件数不足") >= len(rep.rows())
    assert "まず直すべき不満" in out and "守るべき喜び" in out
    assert main(["drivers", str(analysed), "--min", "1000", "--tsv"]) == 0
    rows = [ln.split("\t") for ln in capsys.readouterr().out.splitlines()[1:]]
    assert len(rows) == len(rep.rows()) and all(r[5:] == [""] * 9 for r in rows)


def test_project_without_nps_or_topics_says_what_to_do(tmp_path, capsys):
    no_nps = tmp_path / "no_nps.voc"
    with Project.create(no_nps) as project:
        import_file(project, write_survey(tmp_path / "no_nps.csv", with_nps=False))
    assert main(["drivers", str(no_nps)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "NPS" in err and "取り込" in err

    no_topics = tmp_path / "no_topics.voc"
    with Project.create(no_topics) as project:
        import_file(project, write_survey(tmp_path / "survey.csv"))
        with pytest.raises(InputError, match="voc topics"):
            nps_drivers(project)
    assert main(["drivers", str(no_topics), "--side", "pain"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "voc topics" in err and "--side pain" in err
