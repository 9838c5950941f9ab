"""Working as a team (issue 24): 表記ゆれ in every word view, merging two coders' copies,
backups with rotation and restore, and the tables the CLI writes out."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from base.errors import InputError
from tests.conftest import dump
from voc_app import backup as B
from voc_app import coding as C
from voc_app import synonyms as S
from voc_app.analysis import analyze_project
from voc_app.cli import main as voc
from voc_app.corrections import correct
from voc_app.importing import import_file
from voc_app.merge import MergeError, merge_projects
from voc_app.review import review_customer
from voc_app.store import Project, ProjectError
from voc_app.store import backup as stb
from voc_app.topics import topic_list, update_topics

# Customer voices written for these tests: the same words in several spellings
VOICES = [
    "問合せの返事が遅くて困りました", "問い合わせしても返事が来ない", "問合わせ窓口の電話がつながらない",
    "問合せフォームが分かりにくい", "問い合わせの対応が丁寧でした", "問合せへの回答が三日後でした",
    "問い合わせ窓口の受付時間が短い", "問合せの返信メールが届かない",
    "メモリが足りなくてアプリが落ちる", "メモリーの容量が少ない", "メモリが少なくて写真が保存できない",
    "メモリーを増やしてほしい", "メモリの空きがすぐなくなる",
    "料金が高いと思います", "価格が高すぎる", "料金プランが複雑でわかりにくい", "価格の割に品質が良い",
    "料金の請求が二重だった", "価格をもう少し下げてほしい",
    "サーバが落ちて使えなかった", "サーバーの障害が多い", "サーバが重い時間帯がある", "サーバーが止まって仕事にならない",
    "配送が遅くて箱が潰れていた", "配達の時間指定ができない", "配送業者の対応が悪い", "届くまで一週間かかった",
]
LATER = ["解約したいが手続きが分からない", "ポイントの有効期限が短い", "アプリの起動が遅い"]


def _survey(path: Path, texts: list[str], first_id: int) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["回答ID", "回答日時", "顧客ID", "年代", "NPS", "ご不満な点を教えてください"])
        for i, t in enumerate(texts):
            w.writerow([first_id + i, f"2025/3/{1 + i % 28} 10:00", f"C{first_id + i}", ["20代", "30代", "40代"][i % 3],
                        i % 11, t])
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("voices")
    return _survey(d / "voices.csv", VOICES, 1000), _survey(d / "later.csv", LATER, 5000)


@pytest.fixture(scope="module")
def base(tmp_path_factory, files) -> Path:
    """An analysed project (both files, in order) with topics over all answers."""
    path = tmp_path_factory.mktemp("team") / "base.voc"
    with Project.create(path) as p:
        for f in files:
            import_file(p, f)
        analyze_project(p, workers=1)
        update_topics(p, "all")
    return path


@pytest.fixture
def proj(base, tmp_path):
    path = tmp_path / "p.voc"
    shutil.copy(base, path)
    with Project(path) as p:
        yield p


def _freq(p) -> dict[str, int]:
    return {r.word: r.count for r in C.word_frequency(p, top=None)}


def _vid(p, text: str) -> int:
    return next(i for i, t in C.verbatim_texts(p, list(range(1, 200))).items() if t == text)


# --- 表記ゆれ ---------------------------------------------------------------------------------------

def test_synonyms_change_word_counts_kwic_and_defaults_can_be_switched_off(proj):
    texts = C.verbatim_texts(proj, list(range(1, 200)))
    # shipped defaults (長音): メモリ and メモリー are one word; Sudachi alone keeps them apart
    f = _freq(proj)
    assert f["メモリー"] == 5 and "メモリ" not in f
    assert f["問い合わせ"] == 8 and "問合せ" not in f and f["サーバー"] == 4 and "サーバ" not in f
    S.set_defaults(proj, on=False)
    f = _freq(proj)
    assert f["メモリ"] == 3 and f["メモリー"] == 2
    S.set_defaults(proj, on=True)
    # a project group (a meaning-level choice the defaults never make)
    assert _freq(proj)["価格"] == 3 and _freq(proj)["料金"] == 3
    S.set_group(proj, canonical="価格", words=["料金"])
    f = _freq(proj)
    assert f["価格"] == 6 and "料金" not in f
    by = {r.word: r.by_group for r in C.word_frequency(proj, by="年代", top=None)}
    assert sum(by["価格"].values()) == 6
    net = C.word_network(proj, min_freq=1, edges=500)
    labels = {n[0] for n in net.nodes}
    assert "料金" not in labels and "メモリ" not in labels
    lines = C.kwic(proj, "価格")
    assert len(lines) == 6 and {k.keyword for _, k in lines} == {"価格", "料金"}
    assert {k.keyword for _, k in C.kwic(proj, "メモリー")} == {"メモリ", "メモリー"}
    # the stored text never changes; removing the group brings the words back
    assert C.verbatim_texts(proj, list(range(1, 200))) == texts
    assert S.remove_group(proj, canonical="価格") == 1
    assert _freq(proj)["料金"] == 3
    table = S.synonym_table(proj)
    assert table.defaults_on and not [g for g in table.groups if g.source == "project"]
    assert any(g.canonical == "問い合わせ" and "問合せ" in g.words for g in table.groups)
    assert not any(g.canonical in ("価格", "料金", "値段") for g in table.groups)  # meaning is the user's call


def test_a_project_group_wins_over_a_default_one(proj):
    S.set_synonym(proj, word="メモリ", canonical="メモリ")  # taken out of the shipped group
    f = _freq(proj)
    assert f["メモリ"] == 3 and f["メモリー"] == 2
    S.set_group(proj, canonical="記憶容量", words=["メモリ", "メモリー"])
    assert _freq(proj)["記憶容量"] == 5


def test_a_rule_word_matches_its_synonyms(proj):
    assert C.preview_rule(proj, "価格").matches == 3
    S.set_group(proj, canonical="価格", words=["料金"])
    res = C.preview_rule(proj, "価格")
    texts = C.verbatim_texts(proj, res.sample)
    assert res.matches == 6 and any("料金" in t for t in texts.values())
    assert C.preview_rule(proj, "料金").matches == 6  # any member stands for the group
    prev = C.rule_preview(proj, rule="価格 & 高い")
    row = next(r for r in prev.rows if r.text.startswith("料金"))
    assert (0, 2) in row.spans  # 料金 is highlighted
    assert C.preview_rule(proj, "メモリー").matches == 5
    S.set_defaults(proj, on=False)
    assert C.preview_rule(proj, "メモリー").matches == 2
    # auto-coding uses the same matching
    code = C.add_code(proj, "お金", rule="価格")
    assert C.apply_rules(proj, [code])[code].added == 6


def test_topic_words_show_the_canonical_form(proj):
    def words() -> set[str]:
        return {w for t in topic_list(proj, "all")["topics"] for w in t["words"] + t["keywords"]}

    got = words()
    assert "料金" in got and not {"メモリ", "サーバ", "問合せ"} & got
    S.set_group(proj, canonical="価格", words=["料金"])  # shown at once, without a refit
    got = words()
    assert "価格" in got and "料金" not in got
    S.remove_group(proj, canonical="価格")
    S.set_defaults(proj, on=False)
    update_topics(proj, "all", refit=True)
    assert {"メモリ", "メモリー"} <= words()


def test_synonyms_csv_import_export_and_bad_rows(proj, tmp_path):
    good = tmp_path / "syn.csv"
    good.write_text("word,canonical\n料金,価格\n値段,価格\n\nｻｰﾊﾞ,サーバー\n", encoding="utf-8")  # no BOM
    res = S.import_synonyms(proj, good)
    assert (res.rows, res.added, res.changed) == (3, 3, 0)
    assert _freq(proj)["価格"] == 6
    out = tmp_path / "out.csv"
    assert C.export_synonyms(proj, out=out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").splitlines()[0] == "word,canonical"
    assert ("サーバ", "サーバー") in [tuple(r) for r in csv.reader(raw.decode("utf-8-sig").splitlines())]
    again = S.import_synonyms(proj, out)  # BOM, round trip
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)

    def bad(text: str, encoding: str = "utf-8-sig") -> InputError:
        f = tmp_path / "bad.csv"
        f.write_bytes(text.encode(encoding))
        with pytest.raises(InputError) as e:
            S.import_synonyms(proj, f)
        return e.value

    e = bad("word,canonical\n料金,価格\n値段,\n")
    assert (e.row, e.column) == (3, "canonical") and "bad.csv" in str(e)
    e = bad("word,canonical\n料金,価格\n料金,値段\n")
    assert e.row == 3 and "2 行目" in e.message
    e = bad("語,代表形\nA,B\nB,C\n")
    assert e.row in (2, 3)
    e = bad("word,canonical\n料金,価格\n問合せ,問い合わせ\n", encoding="cp932")
    assert e.row == 2 and "UTF-8" in e.message
    e = bad("text,label\n料金,価格\n")
    assert e.row == 1
    own = {g.canonical: g.words for g in S.synonym_table(proj).groups if g.source == "project"}
    assert own == {"価格": ["値段", "料金"], "サーバー": ["サーバ"]}  # nothing of the bad files written


# --- merge ----------------------------------------------------------------------------------------

def _coded_pair(tmp_path: Path, base: Path) -> tuple[Path, Path, dict]:
    """Two copies of one project coded by different people: overlapping codings, a memo the same
    coder wrote differently in each copy, a new code, a label correction and a customer review."""
    a, b = tmp_path / "a.voc", tmp_path / "b.voc"
    with Project(base) as p:
        ids = {t: _vid(p, t) for t in VOICES[:6]}
    shutil.copy(base, a)
    with Project(a) as p:
        price = C.add_code(p, "価格")
        C.add_code(p, "対応")
    shutil.copy(a, b)
    v = list(ids.values())
    with Project(a) as p:
        price = C.resolve_code(p, "価格")
        C.tag(p, v[0], price, "佐藤")
        C.tag(p, v[1], price, "佐藤", 0, 5)
        C.set_memo(p, "verbatim", v[0], "返事の遅さ", coder="佐藤")
    with Project(b) as p:
        price, support = C.resolve_code(p, "価格"), C.resolve_code(p, "対応")
        C.tag(p, v[0], price, "佐藤")  # the same coding as in a: added once
        C.tag(p, v[0], price, "鈴木")
        C.tag(p, v[2], support, "鈴木")
        new = C.add_code(p, "電話", parent=support)
        C.tag(p, v[2], new, "鈴木")
        C.mark_reviewed(p, [v[3]], "鈴木")
        C.set_memo(p, "verbatim", v[0], "対応が遅い", coder="佐藤")  # the same coder, other text: a conflict
        C.set_memo(p, "code", support, "窓口・電話の話", coder="鈴木")
        correct(p, v[4], coder="鈴木", polarity="delight")
        review_customer(p, customer="C1005", kind="churn", state="dismissed", note="誤検知")
    return a, b, ids


def test_merge_two_coders_copies(tmp_path, base):
    a, b, ids = _coded_pair(tmp_path, base)
    v = list(ids.values())
    with Project(a) as p:
        before = dump(p)
        dry = merge_projects(p, b, dry_run=True)
        assert dump(p) == before  # a dry run changes nothing
        assert dry.backup is None
        rep = merge_projects(p, b)
        assert rep.backup and Path(rep.backup).exists()
        for r in (dry, rep):
            assert r.codings_added == {"鈴木": 3} and r.codes_added == ["対応/電話"] and r.coders_added == ["鈴木"]
            assert (r.memos_added, r.reviewed_added, r.reviews_added) == (1, 3, 1)  # 鈴木 went through v0, v2, v3
            assert r.corrections_added == {"鈴木": 1}
            assert [(c.kind, c.coder, c.ours, c.theirs) for c in r.conflicts] == [("memo", "佐藤", "返事の遅さ", "対応が遅い")]
        # each coder's codings once; 佐藤's memo kept as it was here
        got = sorted((g["coder"], g["code"], g["start"]) for g in C.verbatim_codings(p, v[0]))
        assert got == [("佐藤", "価格", None), ("鈴木", "価格", None)]
        assert C.memo_text(p, target="verbatim", target_id=v[0], coder="佐藤") == "返事の遅さ"
        assert C.memo_text(p, target="code", target_id=C.resolve_code(p, "対応"), coder="鈴木") == "窓口・電話の話"
        assert C.agreement(p, ["佐藤", "鈴木"]).units >= 1
        from voc_app.corrections import labels

        assert next(r for r in labels(p) if r.verbatim_id == v[4]).polarity == "delight"
        # merging the same copy again adds nothing (the conflict is still reported)
        after = dump(p)
        again = merge_projects(p, b)
        assert again.added == 0 and not again.changed and len(again.conflicts) == 1 and again.backup is None
        assert dump(p) == after
        # the coding edits of the merge are one undo step
        assert C.undo(p) == "別のコピーを統合"
        assert sorted(g["coder"] for g in C.verbatim_codings(p, v[0])) == ["佐藤"]


def test_merge_matches_verbatims_by_content_not_row_id(tmp_path, base, files):
    """A copy that imported the same files in the other order: other row ids, same voices."""
    a = tmp_path / "a.voc"
    shutil.copy(base, a)
    b = tmp_path / "b.voc"
    with Project.create(b) as p:
        for f in reversed(files):
            import_file(p, f)
        target = _vid(p, VOICES[0])
        code = C.add_code(p, "遅さ")
        C.tag(p, target, code, "鈴木", 0, 3)
    with Project(a) as p:
        here = _vid(p, VOICES[0])
        assert here != target
        rep = merge_projects(p, b)
        assert rep.codings_added == {"鈴木": 1} and rep.skipped == 0
        assert [(g["code"], g["coder"], g["start"], g["end"]) for g in C.verbatim_codings(p, here)] == [("遅さ", "鈴木", 0, 3)]


def test_merge_refuses_copies_of_other_imports(tmp_path, base, files):
    a, b = tmp_path / "a.voc", tmp_path / "b.voc"
    shutil.copy(base, a)
    with Project.create(b) as p:
        import_file(p, files[0])
    with Project(a) as p:
        before = dump(p)
        with pytest.raises(MergeError, match="later.csv"):
            merge_projects(p, b)
        with pytest.raises(MergeError, match="同じファイル"):
            merge_projects(p, a)
        junk = tmp_path / "junk.voc"
        junk.write_text("not a project", encoding="utf-8")
        with pytest.raises(ProjectError):
            merge_projects(p, junk)
        assert dump(p) == before


# --- backups --------------------------------------------------------------------------------------

def test_restore_after_a_corruption(tmp_path, base):
    path = tmp_path / "p.voc"
    shutil.copy(base, path)
    with Project(path) as p:
        code = C.add_code(p, "大事なコード")
        C.tag(p, 1, code, "佐藤")
        saved = B.backup(p, "manual")
    assert saved.parent == tmp_path / "p.voc-backups" and saved.name.endswith("-manual.voc")
    size = path.stat().st_size
    with open(path, "r+b") as f:  # the project is closed: simulate a damaged disk
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 2048)
    c = sqlite3.connect(path)
    try:
        damaged = c.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    except sqlite3.DatabaseError:  # "database disk image is malformed"
        damaged = True
    finally:
        c.close()
    assert damaged
    res = B.restore(path, saved)
    assert res.safety_backup and Path(res.safety_backup).exists()
    with Project(path) as p:
        assert p.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert [c["name"] for c in C.codebook(p)] == ["大事なコード"]
        assert [g["coder"] for g in C.verbatim_codings(p, 1)] == ["佐藤"]
    # what is not a backup of ours is refused, and nothing changes
    text = tmp_path / "notes.voc"
    text.write_text("hello", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ProjectError):
        B.restore(path, text)
    broken = tmp_path / "broken.voc"
    shutil.copy(saved, broken)
    with open(broken, "r+b") as f:
        f.seek(broken.stat().st_size // 2)
        f.write(b"\x00\xff" * 4096)
    with pytest.raises(B.BackupError, match="壊れて"):
        B.restore(path, broken)
    assert path.read_bytes() == before


def test_rotation_keeps_the_last_ten_and_one_a_day(tmp_path, base):
    path = tmp_path / "p.voc"
    shutil.copy(base, path)
    now = dt.datetime(2025, 6, 30, 18, 0, 0)
    with Project(path) as p:
        for day in reversed(range(20)):  # three backups a day for 20 days, oldest first
            for hour in (9, 12, 15):
                stb.take(p.conn, path, "edits", now=now - dt.timedelta(days=day) + dt.timedelta(hours=hour - 18))
    kept = [(e.taken_at.day, e.taken_at.hour) for e in stb.entries(path)]
    newest_ten = [(30 - d, h) for d in range(4) for h in (15, 12, 9)][:10]
    per_day = [(30 - d, 15) for d in range(14)]
    assert sorted(kept) == sorted(set(newest_ten) | set(per_day))
    assert len(kept) == 10 + 10  # days 30–27 are in the ten; one for each of the other ten days


def test_backup_list_says_what_changed_and_maybe_backup_waits(tmp_path, base):
    path = tmp_path / "p.voc"
    shutil.copy(base, path)
    with Project(path) as p:
        assert B.maybe_backup(p, min_interval_s=600) is not None  # none yet
        assert B.maybe_backup(p, min_interval_s=600) is None  # too soon
        assert B.maybe_backup(p, min_interval_s=0) is None  # nothing changed
        code = C.add_code(p, "新しい")
        C.tag(p, 1, code, "佐藤")
        C.set_memo(p, "project", 0, "メモ")
        assert B.maybe_backup(p, min_interval_s=0) is not None
        C.untag(p, [g["id"] for g in C.verbatim_codings(p, 1)])
    rows = B.list_backups(path)
    assert [r.reason for r in rows] == ["edits", "edits"]
    assert rows[0].changes == {"codings": -1}
    assert rows[1].changes == {"memos": 1, "codes": 1}
    assert rows[1].counts["topics"] >= 1 and all(r.readable for r in rows)


def test_a_migration_is_preceded_by_a_backup(tmp_path, monkeypatch, files):
    from voc_app.store import db as dbmod
    from voc_app.store.schema import MIGRATIONS

    path = tmp_path / "old.voc"
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS[:-1])
    with Project.create(path) as p:
        import_file(p, files[1])
    assert not stb.entries(path)
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with Project(path) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    [e] = stb.entries(path)
    assert e.reason == "before-migration"
    with sqlite3.connect(e.path) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) - 1
        assert c.execute("SELECT count(*) FROM verbatims").fetchone()[0] == len(LATER)
    with Project(path):  # up to date: no more backups
        pass
    assert len(stb.entries(path)) == 1


def test_a_codebook_import_and_a_refit_are_preceded_by_a_backup(proj):
    from voc_app.corrections import learn

    sample = Path(__file__).resolve().parent.parent / "resources" / "sample" / "コードブック.qdc"
    C.import_codebook(proj, sample)
    assert [e.reason for e in stb.entries(proj.path)] == ["codebook-import"]
    with sqlite3.connect(stb.entries(proj.path)[0].path) as c:
        assert c.execute("SELECT count(*) FROM codes").fetchone()[0] == 0  # the codebook as it was
    correct(proj, 1, coder="佐藤", polarity="delight")
    learn(proj)
    assert [e.reason for e in stb.entries(proj.path)][0] == "refit"


# --- the CLI contract -----------------------------------------------------------------------------

def test_cli_synonyms_merge_backup_restore_and_tables(tmp_path, base, capsys):
    p = str(tmp_path / "p.voc")
    shutil.copy(base, p)
    syn = tmp_path / "syn.csv"
    syn.write_text("\ufeffword,canonical\n料金,価格\n", encoding="utf-8")
    assert voc(["synonyms", p, "import", str(syn)]) == 0
    assert voc(["synonyms", p, "list"]) == 0
    out = capsys.readouterr().out
    assert "価格\t料金\tプロジェクト" in out
    assert voc(["words", p, "freq", "--top", "500"]) == 0
    out = capsys.readouterr().out
    words = [line.split("\t")[0] for line in out.splitlines()[1:]]
    assert "価格" in words and "料金" not in words and "問い合わせ" in words and "問合せ" not in words
    exported = tmp_path / "exported.csv"
    assert voc(["synonyms", p, "export", str(exported)]) == 0
    assert exported.read_text(encoding="utf-8-sig").splitlines() == ["word,canonical", "料金,価格"]
    bad = tmp_path / "bad.csv"
    bad.write_text("word,canonical\nA,B\n,C\n", encoding="utf-8")
    capsys.readouterr()
    assert voc(["synonyms", p, "import", str(bad)]) == 2
    assert "3 行目" in capsys.readouterr().err

    # tables out
    table = tmp_path / "words.csv"
    assert voc(["words", p, "freq", "--by", "年代", "--csv", str(table)]) == 0
    rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines()))
    assert table.read_bytes().startswith(b"\xef\xbb\xbf") and rows[0] == ["word", "attribute", "value", "count", "docs"]
    price = [r for r in rows[1:] if r[0] == "価格"]
    assert {r[1] for r in price} == {"年代"} and sum(int(r[3]) for r in price) == 6
    edges = tmp_path / "edges.csv"
    assert voc(["words", p, "network", "--min-freq", "1", "--csv", str(edges)]) == 0
    rows = list(csv.reader(edges.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["source", "target", "weight", "count"] and len(rows) > 1
    assert all(0 < float(r[2]) <= 1 and int(r[3]) >= 1 for r in rows[1:])

    # merge
    a, b, ids = _coded_pair(tmp_path, base)
    capsys.readouterr()
    assert voc(["merge", str(a), str(b), "--dry-run"]) == 0
    assert "プレビュー" in capsys.readouterr().out
    assert voc(["merge", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "鈴木 3" in out and "返事の遅さ" in out
    assert voc(["merge", str(a), str(b)]) == 0
    assert "追加するものはありません" in capsys.readouterr().out
    coded = tmp_path / "coded.csv"
    assert voc(["coded", str(a), str(coded)]) == 0
    rows = list(csv.DictReader(coded.read_text(encoding="utf-8-sig").splitlines()))
    keys = [(r["発言ID"], r["コード"], r["コーダー"], r["開始"]) for r in rows]
    assert len(keys) == len(set(keys)) == 5
    assert sorted(k[2] for k in keys) == ["佐藤", "佐藤", "鈴木", "鈴木", "鈴木"]
    matrix = tmp_path / "matrix.csv"
    assert voc(["coded", str(a), str(matrix), "--matrix"]) == 0
    rows = list(csv.reader(matrix.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["発言ID", "顧客", "日付", "発言", "価格", "対応", "対応/電話"]
    assert len(rows) == 1 + len(VOICES) + len(LATER)
    first = next(r for r in rows[1:] if r[0] == str(ids[VOICES[0]]))
    assert first[4:] == ["1", "0", "0"]
    assert all(c in ("0", "1") for r in rows[1:] for c in r[4:])
    other = tmp_path / "other.voc"
    Project.create(other).close()  # no imports at all
    capsys.readouterr()
    assert voc(["merge", str(a), str(other)]) == 2
    assert "取り込んだファイルが違う" in capsys.readouterr().err

    # backup and restore
    assert voc(["backup", p]) == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.is_file() and saved.parent.name == "p.voc-backups"
    with Project(p) as project:
        S.remove_group(project, canonical="価格")
    assert voc(["restore", p, str(saved)]) == 0
    assert "復元しました" in capsys.readouterr().out
    with Project(p) as project:
        assert [(g.canonical, g.words) for g in S.list_synonyms(project) if g.source == "project"] == [("価格", ["料金"])]
    assert voc(["backup", p, "--list"]) == 0
    assert "before-restore" in capsys.readouterr().out
    assert voc(["restore", p, str(bad)]) == 2
    assert "プロジェクトではありません" in capsys.readouterr().err
