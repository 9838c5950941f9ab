"""``voc`` commands for working as a team on one project (registered by ``voc_app.cli``):
表記ゆれ (synonyms), merging another coder's copy, backups and restoring one."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from base.errors import InputError
from voc_app.export.safe import tsv_cell as _t
from voc_app.store import Project


def cmd_synonyms(args: argparse.Namespace) -> int:
    from voc_app import synonyms as S

    a, rest = args.action, args.args
    with Project(args.project) as project:
        if a == "list":
            table = S.synonym_table(project)
            own = [g for g in table.groups if g.source == "project"]
            print("代表形\t表記ゆれ\t由来")
            for g in table.groups if args.all else own:
                print(f"{_t(g.canonical)}\t{_t('、'.join(g.words))}\t{'プロジェクト' if g.source == 'project' else '既定'}")
            shipped = sum(1 for g in table.groups if g.source == "default")
            state = f"オン（{shipped} グループ）" if table.defaults_on else "オフ"
            more = "" if args.all or not table.defaults_on else "。--all で一覧"
            print(f"プロジェクトの表記ゆれ {len(own)} グループ、既定の表記ゆれ: {state}{more}", file=sys.stderr)
        elif a == "import":
            if not rest:
                raise InputError("import の後に CSV ファイルを書いてください（見出し行 word,canonical）")
            res = S.import_synonyms(project, rest[0], replace=args.replace)
            print(f"取り込みました: {res.rows:,} 語（追加 {res.added:,}、変更 {res.changed:,}、同じ {res.unchanged:,}）"
                  + ("。以前の表記ゆれは置き換えました" if res.replaced else ""))
        elif a == "export":
            if not rest:
                raise InputError("export の後に書き出す CSV ファイルを書いてください")
            from voc_app.coding import export_synonyms

            n = export_synonyms(project, out=rest[0], include_defaults=args.all)
            print(f"書き出しました: {rest[0]}（{n:,} 行）")
        elif a == "add":
            if len(rest) < 2:
                raise InputError("add 代表形 表記ゆれ… の形で書いてください（例: add 問い合わせ 問合せ 問合わせ）")
            canonical = rest[0]
            have = next((g.words for g in S.synonym_table(project).groups
                         if g.source == "project" and g.canonical == canonical), [])
            g = S.set_group(project, canonical=canonical, words=[*have, *rest[1:]])
            print(f"「{g.canonical}」← {'、'.join(g.words)}")
        elif a == "remove":
            if not rest:
                raise InputError("remove の後に代表形か語を書いてください")
            n = 0
            for word in rest:
                n += S.remove_group(project, canonical=word) or S.remove_words(project, words=[word])
            print(f"{n:,} 語を外しました")
        elif a == "defaults":
            if not rest or rest[0] not in ("on", "off"):
                raise InputError("defaults on または defaults off と書いてください")
            S.set_defaults(project, on=rest[0] == "on")
            print("既定の表記ゆれ: " + ("オン" if rest[0] == "on" else "オフ"))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from voc_app.merge import KINDS, merge_projects

    with Project(args.project) as project:
        rep = merge_projects(project, args.other, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(asdict(rep) | {"added": rep.added}, ensure_ascii=False, indent=1))
        return 0
    head = "統合のプレビュー（何も変更していません）" if rep.dry_run else "統合しました"
    print(f"{head}: {args.other} → {args.project}")
    if not rep.changed:
        print("  追加するものはありません（この相手は統合済みか、同じ内容です）")
    if rep.coders_added:
        print(f"  コーダー: 追加 {'、'.join(rep.coders_added)}")
    codes = f"（{'、'.join(rep.codes_added[:5])}{' ほか' if len(rep.codes_added) > 5 else ''}）" if rep.codes_added else ""
    print(f"  コード: 追加 {len(rep.codes_added):,}{codes}、一致 {rep.codes_matched:,}")
    by = "、".join(f"{c} {n:,}" for c, n in sorted(rep.codings_added.items()))
    print(f"  コード付け: 追加 {sum(rep.codings_added.values()):,}" + (f"（{by}）" if by else ""))
    print(f"  確認済みの印 {rep.reviewed_added:,}、メモ {rep.memos_added:,}、ラベル修正 "
          f"{sum(rep.corrections_added.values()):,}、顧客の確認 {rep.reviews_added:,}、表記ゆれ {rep.synonyms_added:,} を追加")
    if rep.skipped:
        print(f"  こちらにない発言・顧客についての {rep.skipped:,} 件は飛ばしました")
    if rep.conflicts:
        print(f"  食い違い {len(rep.conflicts):,} 件（こちらの内容を残しました。確かめて直してください）:")
        for c in rep.conflicts:
            who = f"{c.coder}: " if c.coder else ""
            print(f"    [{KINDS.get(c.kind, c.kind)}] {c.what}  {who}こちら「{c.ours}」／相手「{c.theirs}」")
    if rep.backup:
        print(f"  統合前のバックアップ: {rep.backup}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from voc_app.backup import backup, list_backups

    if args.list:
        from voc_app.project import check_project

        check_project(args.project)
        rows = list_backups(args.project)
        if not rows:
            print("バックアップはまだありません（voc backup PROJECT で作れます）")
        for b in rows:
            changed = "、".join(f"{k} {v:+,}" for k, v in b.changes.items()) or "変化なし"
            ok = "" if b.readable else "  ※ 読めません"
            print(f"{b.taken_at}\t{b.reason}\t{b.size / 1e6:.1f} MB\tその後: {changed}\t{b.path}{ok}")
        return 0
    with Project(args.project) as project:
        path = backup(project, args.reason)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from voc_app.backup import restore

    res = restore(args.project, args.backup)
    print(f"復元しました: {res.project} ← {res.restored_from}")
    if res.safety_backup:
        print(f"  復元前の状態: {res.safety_backup}" + ("（読めないファイルだったのでそのまま保存）" if res.damaged else ""))
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("synonyms", help="表記ゆれ（語 → 代表形）: 一覧・取り込み・書き出し（CSV word,canonical）・追加・削除・既定のオン/オフ")
    s.add_argument("project")
    s.add_argument("action", nargs="?", default="list", choices=["list", "import", "export", "add", "remove", "defaults"])
    s.add_argument("args", nargs="*", help="import ファイル / export ファイル / add 代表形 語… / remove 代表形か語… /"
                                            " defaults on|off")
    s.add_argument("--all", action="store_true", help="list・export: 既定の表記ゆれも含める")
    s.add_argument("--replace", action="store_true", help="import: プロジェクトの表記ゆれを CSV の内容で置き換える")
    s.set_defaults(func=cmd_synonyms)

    s = sub.add_parser("merge", help="同じファイルを取り込んだ別のコピー（別の人のコーディング）を統合する")
    s.add_argument("project", help="統合先のプロジェクト")
    s.add_argument("other", help="統合するコピー（読むだけで変更しません）")
    s.add_argument("--dry-run", action="store_true", help="何が追加されるかだけを表示（変更しない）")
    s.add_argument("--json", action="store_true", help="結果を 1 つの JSON オブジェクトで出力")
    s.set_defaults(func=cmd_merge)

    s = sub.add_parser("backup", help="プロジェクトをバックアップしてそのパスを表示（--list: バックアップの一覧）")
    s.add_argument("project")
    s.add_argument("--reason", default="manual", help="ファイル名に入る理由（英数字、既定 manual）")
    s.add_argument("--list", action="store_true", help="バックアップの一覧（時刻・理由・大きさ・その後の変化）")
    s.set_defaults(func=cmd_backup)

    s = sub.add_parser("restore", help="バックアップからプロジェクトを復元（いまの状態は先にバックアップ）")
    s.add_argument("project")
    s.add_argument("backup", help="バックアップのファイル（voc backup PROJECT --list）")
    s.set_defaults(func=cmd_restore)
