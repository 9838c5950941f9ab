"""``voc`` commands for researchers' coding (registered by ``voc_app.cli``): codebook, tag,
memo, autocode, agreement, crosstab, words, coded."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from voc_app.export.safe import tsv_cell as _t
from voc_app.labels import label
from voc_app.store import Project


def _code_id(project: Project, ref: str) -> int:
    from voc_app.coding import resolve_code

    return resolve_code(project, ref)


def _print_book(project: Project) -> None:
    from voc_app.coding import codebook

    book = codebook(project)
    if not book:
        print("コードはまだありません（voc codebook PROJECT add 名前）")
    for c in book:
        rule = f"  ルール: {c['rule']}" if c["rule"] else ""
        print(f"{c['id']:>4}  {'  ' * c['depth']}{c['name']}  [{c['color']}]  {c['count']:,} 件{rule}")


def cmd_codebook(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    a, rest = args.action, args.args
    with Project(args.project) as project:
        fields = {k: v for k, v in (("color", args.color), ("description", args.description), ("rule", args.rule))
                  if v is not None}
        if args.example:
            fields["examples"] = args.example
        if a == "list":
            _print_book(project)
        elif a == "add":
            if not rest:
                raise C.CodingError("add の後にコード名を書いてください")
            parent = _code_id(project, args.parent) if args.parent else None
            cid = C.add_code(project, " ".join(rest), parent, **fields)
            print(f"コード {cid}「{' '.join(rest)}」を追加しました")
        elif a == "edit":
            cid = _code_id(project, rest[0])
            if args.name:
                fields["name"] = args.name
            if not fields:
                raise C.CodingError("変える項目を --name / --color / --description / --example / --rule で指定してください")
            C.update_code(project, cid, **fields)
            print(f"コード {cid} を変更しました")
        elif a == "move":
            cid = _code_id(project, rest[0])
            parent = None if len(rest) < 2 or rest[1] in ("-", "root") else _code_id(project, rest[1])
            C.move_code(project, cid, parent)
            print(f"コード {cid} を移動しました")
        elif a == "merge":
            ids = [_code_id(project, r) for r in rest]
            if len(ids) < 2:
                raise C.CodingError("merge 残すコード 統合するコード… の形で指定してください")
            n = C.merge_codes(project, ids[0], ids[1:])
            print(f"{len(ids) - 1} 個のコードを {ids[0]} に統合しました（コード付け {n:,} 件を移動）")
        elif a == "delete":
            n = C.delete_code(project, _code_id(project, rest[0]))
            print(f"コード {rest[0]} と下位コードを削除しました（コード付け {n:,} 件）。voc codebook PROJECT undo で戻せます")
        elif a == "import":
            res = C.import_codebook(project, rest[0])
            print(f"コードブックを取り込みました: 追加 {res['added']}、更新 {res['updated']}")
        elif a == "export":
            out = Path(rest[0])
            C.export_codebook(project, None, out, args.encoding)
            print(f"書き出しました: {out}（コード {len(C.codebook(project))} 個）")
        elif a in ("undo", "redo"):
            done = (C.undo if a == "undo" else C.redo)(project)
            print((f"元に戻しました: {done}" if a == "undo" else f"やり直しました: {done}") if done else
                  ("元に戻す編集はありません" if a == "undo" else "やり直す編集はありません"))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    with Project(args.project) as project:
        vid = args.verbatim
        if args.remove:
            cid = _code_id(project, args.code)
            ids = [g["id"] for g in C.verbatim_codings(project, vid) if g["code_id"] == cid and g["coder"] == args.coder]
            print(f"{C.untag(project, ids)} 件のコード付けを外しました")
            return 0
        start = end = None
        if args.span:
            s, _, e = args.span.partition(":")
            if not (s.isdigit() and e.isdigit()):
                raise C.CodingError("--span は 開始:終了（文字位置、0 始まり）の形です（例 --span 3:10）")
            start, end = int(s), int(e)
        if args.code:
            got = C.tag(project, vid, _code_id(project, args.code), args.coder, start, end)
            print("コードを付けました" if got else "同じコード付けが既にあります")
        else:
            C.mark_reviewed(project, [vid], args.coder)
            print(f"発言 {vid} を確認済み（該当コードなし）にしました")
        texts = C.verbatim_texts(project, [vid])
        for g in C.verbatim_codings(project, vid):
            text = texts[vid]
            seg = text if g["start"] is None else text[g["start"]:g["end"]]
            print(f"  {g['code']}  {g['coder']}  「{seg}」  {label('coding_source', g['source'])}"
                  f"・{label('coding_state', g['state'])}")
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    with Project(args.project) as project:
        if args.target == "list":
            for m in C.memos(project):
                print(f"{m.target} {m.target_id or ''}  {m.coder or ''}  {m.updated_at[:16]}\n  {m.text}")
            return 0
        tid = 0
        if args.target == "code":
            tid = _code_id(project, args.id)
        elif args.target == "verbatim":
            tid = int(args.id)
        if args.text is None:
            print(C.memo_text(project, target=args.target, target_id=tid, coder=args.coder) or "（メモはありません）")
        else:
            C.set_memo(project, args.target, tid, args.text, args.coder)
            print("メモを保存しました" if args.text.strip() else "メモを消しました")
    return 0


def cmd_autocode(args: argparse.Namespace) -> int:
    from voc_app import coding as C
    from voc_app.cli_common import ProgressBar as _Bar

    with Project(args.project) as project:
        if args.from_topic is not None:
            cid = C.topic_to_code(project, args.from_topic, args.name)
            print(f"トピック {args.from_topic} をコード {cid} にしました（自動コードは未確認のまま。--accept で確定）")
            return 0
        if args.accept or args.reject:
            code = _code_id(project, args.accept or args.reject)
            n = C.review_pending(project, code_id=code, accept=bool(args.accept))
            print(f"{n:,} 件の自動コードを{'確定' if args.accept else '却下'}しました")
            return 0
        if args.by_example:
            return _autocode_by_example(project, args)
        bar = _Bar("自動コーディング", enabled=sys.stderr.isatty())
        try:
            if args.rule:
                res = C.preview_rule(project, args.rule, sample=args.sample, progress=bar)
                bar.close()
                print(f"ルール {args.rule}: {res.matches:,} / {res.total:,} 件が該当（プレビュー、保存していません）")
                texts = C.verbatim_texts(project, res.sample)
                for vid in res.sample:
                    print(f"  {vid:>7}  {texts[vid][:80]}")
                return 0
            codes = [_code_id(project, c) for c in args.code] if args.code else None
            out = C.apply_rules(project, codes, progress=bar)
        finally:
            bar.close()
        if not out:
            print("ルールのあるコードがありません（voc codebook PROJECT edit コード --rule '…'）")
        names = {c["id"]: c["name"] for c in C.codebook(project)}
        for cid, r in out.items():
            print(f"{names[cid]}: 該当 {r.matches:,} 件（新規 {r.added:,}、外れた未確認 {r.removed:,}、既存 {r.kept:,}）  {r.rule}")
    return 0


def _autocode_by_example(project: Project, args: argparse.Namespace) -> int:
    """``voc autocode PROJECT --code CODE --by-example [--coder NAME] [--dry-run]``."""
    from voc_app.cli_common import ProgressBar as _Bar
    from voc_app.coding import CodingError
    from voc_app.coding_examples import propose_by_example

    if not args.code or len(args.code) != 1:
        raise CodingError("--by-example には --code でコードを 1 つ指定してください")
    bar = _Bar("例から自動コーディング", enabled=sys.stderr.isatty())
    try:
        r = propose_by_example(project, bar, code=args.code[0], coder=args.coder, dry_run=args.dry_run)
    finally:
        bar.close()
    print(f"コーダー: {r.coder}  例: 正例 {r.positives:,} 件・否定例 {r.negatives:,} 件"
          + (f"（＋未確認 {r.unlabelled:,} 件を弱い否定例に）" if r.unlabelled else ""))
    print(f"推定（交差検証）: 精度 {_pct(r.cv_precision)}  再現率 {_pct(r.cv_recall)}  しきい値 "
          + ("—" if r.threshold is None else f"{r.threshold:.3f}"))
    if r.threshold is None:
        print("目標の精度に届かないため提案しません（例を増やしてください）")
    elif args.dry_run:
        print(f"提案: {len(r.proposed):,} 件（うち新規 {r.added:,} 件）を提案します（--dry-run: 保存していません）")
    else:
        print(f"提案: {len(r.proposed):,} 件（うち新規 {r.added:,} 件、外れた以前の提案 {r.removed:,} 件）を未確認の自動コードに"
              "しました（--accept / --reject で確定・却下、voc codebook PROJECT undo で取り消し）")
    if r.proposed:
        texts = _texts(project, [v for v, _ in r.proposed[:args.sample]])
        for vid, p in r.proposed[:args.sample]:
            print(f"  {vid:>7}  {p:.2f}  {texts.get(vid, '')[:70]}")
    return 0


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def _texts(project: Project, ids: list[int]) -> dict[int, str]:
    from voc_app.coding import verbatim_texts

    return verbatim_texts(project, ids)


def _f(v: float, digits: int = 3) -> str:
    return "—" if v is None or math.isnan(v) else f"{v:.{digits}f}"


def cmd_agreement(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    with Project(args.project) as project:
        rep = C.agreement(project, args.coders, include_pending=args.include_pending)
        names = {c["id"]: c["name"] for c in C.codebook(project)}
        print(f"コーダー: {'、'.join(rep.coders)}  共通に確認した発言: {rep.units:,} 件")
        print(f"全体: 一致率 {_f(rep.overall_percent, 1)} %  κ {_f(rep.overall_kappa)}  α {_f(rep.overall_alpha)}")
        print("コード\t発言\t" + "\t".join(f"{c}の付与" for c in rep.coders) + "\t一致率%\tκ\tα")
        for c in rep.codes:
            print(f"{_t(names.get(c.code, c.code))}\t{c.units}\t" + "\t".join(str(c.applied[k]) for k in rep.coders)
                  + f"\t{_f(c.percent, 1)}\t{_f(c.kappa)}\t{_f(c.alpha)}")
        if args.disagreements:
            print(f"\n不一致 {len(rep.disagreements):,} 件")
            texts = C.verbatim_texts(project, sorted({d.unit for d in rep.disagreements}))
            for d in rep.disagreements:
                print(f"  {d.unit:>7}  {names.get(d.code, d.code)}  付与: {'、'.join(d.applied_by)}  なし: "
                      f"{'、'.join(d.not_applied_by)}  {texts.get(d.unit, '')[:60]}")
    return 0


def cmd_crosstab(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    with Project(args.project) as project:
        if args.cooccurrence:
            names = {c["id"]: c["name"] for c in C.codebook(project)}
            print("コードA\tコードB\t両方の発言")
            for pair in sorted(C.code_pairs(project), key=lambda t: -t.verbatims):
                print(f"{_t(names[pair.a])}\t{_t(names[pair.b])}\t{pair.verbatims}")
            return 0
        ct = C.crosstab(project, args.by, coder=args.coder)
        print("コード\t" + "\t".join(_t(label(ct.by, c)) for c in ct.columns) + "\t計")  # 喜び, not delight
        print("（回答数）\t" + "\t".join(str(t) for t in ct.totals) + f"\t{sum(ct.totals)}")
        for code, row, pct, res in zip(ct.codes, ct.counts, ct.percent, ct.residual, strict=True):
            cells = [f"{n} ({p:.1f}%){'▲' if r > 1.96 else '▽' if r < -1.96 else ''}"
                     for n, p, r in zip(row, pct, res, strict=True)]
            print("  " * code["depth"] + _t(code["name"]) + "\t" + "\t".join(cells) + f"\t{sum(row)}")
        print("▲▽: 調整済み標準化残差 |r| > 1.96（5 % 水準で多い・少ない）")
    return 0


def cmd_words(args: argparse.Namespace) -> int:
    from voc_app import coding as C

    with Project(args.project) as project:
        if args.csv:  # the view's table as CSV (UTF-8 with BOM)
            if args.view == "freq":
                n = C.write_word_table(project, out=args.csv, by=args.by, pos=args.pos, top=args.top)
                what = "語"
            elif args.view == "kwic":
                if not args.word:
                    raise C.CodingError("kwic の後に語を書いてください（例: voc words P kwic 届く --csv kwic.csv）")
                n = C.write_kwic(project, out=args.csv, word=args.word, width=args.width, limit=args.top)
                what = "行"
            else:
                n = C.write_network_edges(project, out=args.csv, pos=args.pos, min_freq=args.min_freq,
                                          edges=args.edges, codes=args.codes)
                what = "エッジ"
            print(f"書き出しました: {args.csv}（{what} {n:,} 行）")
            return 0
        if args.view == "freq":
            rows = C.word_frequency(project, pos=args.pos, by=args.by, top=args.top)
            groups = sorted({g for r in rows for g in r.by_group}) if args.by else []
            print("語\t品詞\t出現\t文書" + "".join(f"\t{_t(g) or '（なし）'}" for g in groups))
            for r in rows:
                print(f"{_t(r.word)}\t{r.pos}\t{r.count}\t{r.docs}" + "".join(f"\t{r.by_group.get(g, 0)}" for g in groups))
        elif args.view == "kwic":
            if not args.word:
                raise ValueError("kwic の後に語を書いてください（例: voc words P kwic 届く）")
            for vid, k in C.kwic(project, args.word, width=args.width, limit=args.top):
                print(f"{vid:>7}  {k.left:>{args.width}}【{k.keyword}】{k.right}")
        else:
            net = C.code_cooccurrence(project, min_freq=args.min_freq, edges=args.edges) if args.codes else \
                C.word_network(project, pos=args.pos, min_freq=args.min_freq, edges=args.edges)
            for a, b, j in net.edges:
                print(f"{_t(net.nodes[a][0])}\t{_t(net.nodes[b][0])}\t{j:.3f}")
            if args.svg:
                from voc_app.export.codebook import network_svg

                network_svg(net, args.svg)
                print(f"書き出しました: {args.svg}（ノード {len(net.nodes)}、エッジ {len(net.edges)}）")
    return 0


def cmd_coded(args: argparse.Namespace) -> int:
    from voc_app.coding import export_coded, export_coded_matrix

    with Project(args.project) as project:
        if args.matrix:
            n = export_coded_matrix(project, None, args.out, args.encoding, coder=args.coder)
            print(f"書き出しました: {args.out}（発言 {n:,} 行 × コード 0/1）")
            return 0
        n = export_coded(project, None, args.out, args.encoding)
    print(f"書き出しました: {args.out}（コード付け {n:,} 件）")
    return 0


def add_parsers(sub) -> None:
    s = sub.add_parser("codebook", help="コードブック: 一覧・追加・編集・移動・統合・削除・取り込み・書き出し（.qdc/.csv）・元に戻す")
    s.add_argument("project")
    s.add_argument("action", nargs="?", default="list",
                   choices=["list", "add", "edit", "move", "merge", "delete", "import", "export", "undo", "redo"])
    s.add_argument("args", nargs="*", help="add 名前 / edit コード / move コード 親|- / merge 残す 統合… / delete コード /"
                                            " import ファイル / export ファイル（コードは名前・「親/子」・ID）")
    s.add_argument("--parent", help="add: 親コード")
    s.add_argument("--name", help="edit: 新しい名前")
    s.add_argument("--color", help="色 #RRGGBB")
    s.add_argument("--description", help="説明")
    s.add_argument("--example", action="append", help="例（複数可）")
    s.add_argument("--rule", help="自動コーディングのルール（例: '(配送 | 届く) & pain'）")
    s.add_argument("--encoding", default="utf-8", help="CSV の文字コード（utf-8 は BOM 付き、または cp932）")
    s.set_defaults(func=cmd_codebook)

    s = sub.add_parser("tag", help="発言にコードを付ける（全体か --span の範囲）・外す、コーダーごと")
    s.add_argument("project")
    s.add_argument("verbatim", type=int, help="発言 ID")
    s.add_argument("code", nargs="?", help="コード（名前・「親/子」・ID）。省略: 該当なしとして確認済みにする")
    s.add_argument("--coder", required=True, help="コーダー名（一致率はコーダーごとに比べます）")
    s.add_argument("--span", help="範囲 開始:終了（文字位置、0 始まり）")
    s.add_argument("--remove", action="store_true", help="このコーダーのこのコード付けを外す")
    s.set_defaults(func=cmd_tag)

    s = sub.add_parser("memo", help="メモ（プロジェクト・コード・発言）を書く・読む・一覧")
    s.add_argument("project")
    s.add_argument("target", choices=["project", "code", "verbatim", "list"])
    s.add_argument("id", nargs="?", help="code: コード / verbatim: 発言 ID")
    s.add_argument("text", nargs="?", help="メモ（省略: 表示、空文字: 削除）")
    s.add_argument("--coder", help="コーダー名（省略: 共有メモ）")
    s.set_defaults(func=cmd_memo)

    s = sub.add_parser("autocode", help="ルールで自動コーディング（--rule でプレビュー、既定で適用）・確定・却下・トピックをコードに")
    s.add_argument("project")
    s.add_argument("--rule", help="このルールに当たる発言を数えて例を出す（保存しない）")
    s.add_argument("--sample", type=int, default=10, help="プレビューの例の数")
    s.add_argument("--code", action="append", help="このコードのルールだけ適用（複数可）")
    s.add_argument("--accept", metavar="CODE", help="このコードの未確認の自動コードをすべて確定")
    s.add_argument("--reject", metavar="CODE", help="このコードの未確認の自動コードをすべて却下")
    s.add_argument("--from-topic", type=int, metavar="TOPIC_ID", help="トピックをコードにする（回答は未確認の自動コード）")
    s.add_argument("--name", help="--from-topic: コード名（既定: トピック名）")
    s.add_argument("--by-example", action="store_true",
                   help="--code のコードをコーダーの付けた例（10 件以上）から学び、未確認の発言に提案（精度 80%% を目標）")
    s.add_argument("--coder", help="--by-example: 例を使うコーダー（既定: そのコードを最も多く付けた人）")
    s.add_argument("--dry-run", action="store_true", help="--by-example: 推定と件数だけ出し、保存しない")
    s.set_defaults(func=cmd_autocode)

    s = sub.add_parser("agreement", help="コーダー間の一致: コードごと・全体の一致率、Cohen の κ、Krippendorff の α、不一致一覧")
    s.add_argument("project")
    s.add_argument("coders", nargs="+", help="コーダー名（2 人以上）")
    s.add_argument("--disagreements", action="store_true", help="不一致の発言を一覧")
    s.add_argument("--include-pending", action="store_true", help="未確認の自動コードも数える")
    s.set_defaults(func=cmd_agreement)

    s = sub.add_parser("crosstab", help="コード × 属性のクロス集計（件数・割合・残差）、またはコードの共起")
    s.add_argument("project")
    s.add_argument("--by", default="polarity", help="polarity・stage・month・question・source・nps_group・rfm_segment・"
                   "segment、または属性名（例: 年代）")
    s.add_argument("--coder", help="このコーダーのコード付けだけ")
    s.add_argument("--cooccurrence", action="store_true", help="同じ発言に付いたコードの組を数える")
    s.set_defaults(func=cmd_crosstab)

    s = sub.add_parser("words", help="語の頻度（品詞・属性別）・KWIC・共起ネットワーク（語かコード、SVG）")
    s.add_argument("project")
    s.add_argument("view", choices=["freq", "kwic", "network"])
    s.add_argument("word", nargs="?", help="kwic: 語（見出し語で探します: 届く → 届い・届き）")
    s.add_argument("--pos", help="品詞で絞る（名詞・動詞・形容詞・形状詞・副詞）")
    s.add_argument("--by", help="freq: 属性ごとの文書数（例: 年代、polarity）")
    s.add_argument("--top", type=int, default=100)
    s.add_argument("--width", type=int, default=20, help="kwic: 前後の文字数")
    s.add_argument("--min-freq", type=int, default=5, help="network: 最小出現文書数")
    s.add_argument("--edges", type=int, default=60, help="network: 描くエッジの数（Jaccard の強い順）")
    s.add_argument("--codes", action="store_true", help="network: 語ではなくコードの共起")
    s.add_argument("--svg", help="network: SVG に書き出す")
    s.add_argument("--csv", metavar="FILE", help="表を CSV（UTF-8 BOM 付き）に書き出す: freq は word,attribute,value,count,docs"
                   "（--by の値ごと）、network はエッジ source,target,weight,count、kwic は行")
    s.set_defaults(func=cmd_words)

    s = sub.add_parser("coded", help="コード付けされた箇所を CSV に書き出す（1 行 1 箇所、--matrix: 1 行 1 発言 × コードの 0/1）")
    s.add_argument("project")
    s.add_argument("out")
    s.add_argument("--encoding", default="utf-8", help="utf-8（BOM 付き、既定）または cp932")
    s.add_argument("--matrix", action="store_true", help="1 行 1 発言、コードごとに 0/1 の列（見出しはコードのパス）")
    s.add_argument("--coder", help="--matrix: このコーダーのコード付けだけ")
    s.set_defaults(func=cmd_coded)
