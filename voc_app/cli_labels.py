"""``voc`` commands for label corrections (registered by ``voc_app.cli``): labels, queue, correct,
learn — over the operations of ``voc_app.corrections``."""

from __future__ import annotations

import argparse
import json
import sys

from voc_app.export.safe import tsv_cell as _t
from voc_app.store import Project


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1%}"


def cmd_labels(args: argparse.Namespace) -> int:
    from voc_app.export.labels_tsv import write_labels

    with Project(args.project) as project:
        n = write_labels(project, args.out)
    print(f"{n:,} 件のラベルを書き出しました: {args.out}", file=sys.stderr)
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    from voc_app.corrections import QUEUE_HEADER, queue

    with Project(args.project) as project:
        q = queue(project, args.n, args.task, source=args.source, label=args.label)
    out = sys.stdout
    out.write("\t".join(QUEUE_HEADER) + "\n")
    for it in q.items:
        out.write("\t".join(_t(c) for c in (it.verbatim_id, it.external_id, it.text, it.reason)) + "\n")
    out.flush()
    print(f"確認済み {q.reviewed:,} 件、残り（判定が不確かなもの）{q.left:,} 件", file=sys.stderr)
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    from voc_app import corrections as C

    with Project(args.project) as project:
        if args.undo or args.redo:
            done = (C.undo if args.undo else C.redo)(project)
            print((f"元に戻しました: {done}" if args.undo else f"やり直しました: {done}") if done else
                  ("元に戻す修正はありません" if args.undo else "やり直す修正はありません"))
            return 0
        if args.file:
            if args.verbatim is not None:
                raise C.CorrectionError("発言 ID と --from は一緒に指定できません")
            res = C.correct_many(project, args.file, coder=args.coder or "")
            print(f"{res['rows']:,} 行を読み、発言 {res['verbatims']:,} 件に修正 {res['corrections']:,} 件を記録しました"
                  "（voc learn で他の発言にも反映）")
            return 0
        if args.verbatim is None:
            raise C.CorrectionError("発言 ID か --from ファイルを指定してください")
        if args.clear:
            row = C.clear(project, args.verbatim, coder=args.coder or "")
        else:
            row = C.correct(project, args.verbatim, coder=args.coder or "", polarity=args.polarity,
                            churn=args.churn, advocacy=args.advocacy, stage=args.stage)
    from voc_app.labels import label

    yes_no = {True: "あり", False: "なし"}
    print(f"発言 {row['verbatim_id']}: 極性 {label('polarity', row['polarity'])}・解約の兆し {yes_no[bool(row['churn'])]}"
          f"・推奨・紹介 {yes_no[bool(row['advocacy'])]}・段階 {label('stage', row['stage'], default='なし')}"
          f"（{label('label_source', row['source'])}）")
    return 0


def cmd_learn(args: argparse.Namespace) -> int:
    from voc_app import corrections as C
    from voc_app.cli_common import ProgressBar

    with Project(args.project) as project:
        if args.shipped:
            res = C.use_shipped_model(project)
            print(f"出荷時のモデルに戻しました（{res['relabelled']:,} 件のラベルを再計算。修正はそのまま）")
            return 0
        bar = ProgressBar("学習", enabled=sys.stderr.isatty())
        try:
            r = C.learn(project, bar)
        finally:
            bar.close()
    if args.json:
        print(json.dumps(r.__dict__, ensure_ascii=False))
        return 0
    print(f"修正 {r.corrections:,} 件から学習しました（{r.seconds:.1f} 秒）。他の発言のラベル {r.relabelled:,} 件が変わりました")
    print(f"  交差検証の一致率 {_pct(r.agreement)}（出荷時のモデル {_pct(r.shipped_agreement)}）")
    for t in C.TARGETS:
        d = r.per_target.get(t)
        if d and d.get("n"):
            print(f"  {t}: {_pct(d.get('agreement'))}（出荷時 {_pct(d.get('shipped'))}、修正 {d['n']:,} 件）")
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("labels", help="全発言の最終ラベル（修正・プロジェクト補正込み）を TSV に書き出す")
    s.add_argument("project")
    s.add_argument("--out", required=True, help="出力 TSV（verbatim_id, external_id, text, polarity, churn, advocacy,"
                   " stage, polarity_p, churn_p, advocacy_p, corrected）")
    s.set_defaults(func=cmd_labels)

    s = sub.add_parser("queue", help="確認待ち: 人が見るべき発言（判定が不確か・顧客の判定が変わりうる・似た回答が多い）を TSV で")
    s.add_argument("project")
    s.add_argument("--n", type=int, default=20, help="件数（既定 20）")
    s.add_argument("--task", choices=["polarity", "churn", "advocacy", "stage", "any"], default="any")
    s.add_argument("--source", choices=["survey", "support", "interview", "model", "project"],
                   help="発言の出どころ、またはラベルを決めたもの（model / project）で絞る")
    s.add_argument("--label", help="最終ラベルで絞る（例: pain、churn=1）")
    s.set_defaults(func=cmd_queue)

    s = sub.add_parser("correct", help="発言のラベルを直す（人の判断として保存し、再分析でも残る）・TSV から一括・元に戻す")
    s.add_argument("project")
    s.add_argument("verbatim", nargs="?", type=int, help="発言 ID")
    s.add_argument("--polarity", choices=["delight", "pain", "neutral", "mixed"])
    s.add_argument("--churn", choices=["0", "1"])
    s.add_argument("--advocacy", choices=["0", "1"])
    s.add_argument("--stage", choices=["first_experience", "success", "advocacy", "none"])
    s.add_argument("--coder", help="修正した人の名前")
    s.add_argument("--from", dest="file", metavar="FILE.tsv",
                   help="一括: 見出し verbatim_id と polarity / churn / advocacy / stage のいずれか（UTF-8 TSV）")
    s.add_argument("--clear", action="store_true", help="この発言の修正を取り消す（モデルの判定に戻す）")
    s.add_argument("--undo", action="store_true", help="最後の修正を元に戻す")
    s.add_argument("--redo", action="store_true", help="元に戻した修正をやり直す")
    s.set_defaults(func=cmd_correct)

    s = sub.add_parser("learn", help="修正からプロジェクト用の補正を学習し、修正していない発言を付け直す（交差検証の一致率を表示）")
    s.add_argument("project")
    s.add_argument("--shipped", action="store_true", help="補正をやめて出荷時のモデルに戻す（修正は残る）")
    s.add_argument("--json", action="store_true", help="結果を JSON で出力")
    s.set_defaults(func=cmd_learn)
