<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="72"/>
        <source>読めません（壊れているかもしれません）</source>
        <translation>Unreadable (it may be damaged)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="74"/>
        <source>変更なし</source>
        <translation>No changes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="86"/>
        <location filename="../../voc_app/gui/backups_dialog.py" line="152"/>
        <source>バックアップ</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="100"/>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="100"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="100"/>
        <source>大きさ</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="100"/>
        <source>その後の変更</source>
        <translation>Changed since</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="101"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="116"/>
        <source>バックアップの一覧</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="124"/>
        <source>今すぐバックアップ</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="126"/>
        <source>いまのプロジェクトをバックアップの一覧に加えます</source>
        <translation>Adds the project as it is now to the backups</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="129"/>
        <source>この時点に戻す…</source>
        <translation>Restore this point…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="131"/>
        <source>選んだバックアップの状態にプロジェクトを戻します。いまの状態は先にバックアップします</source>
        <translation>Puts the project back to the selected backup. The current state is backed up first</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="134"/>
        <source>フォルダを開く</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="139"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="169"/>
        <source>保存先: {0}
自動で取るとき: 形式の更新・学習し直し・コードブックの取り込み・統合の前と、編集のあと（10 分に 1 回まで）。新しい 10 件と、14 日間は各日の最新を残します。</source>
        <translation>Saved in: {0}
Taken automatically before a format upgrade, a refit, a codebook import or a merge, and after edits (at most once every 10 minutes). The newest 10 are kept, and the newest of each day for 14 days.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="188"/>
        <source>まだバックアップはありません</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="192"/>
        <source>この時点 → いま</source>
        <translation>Then → now</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="196"/>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="213"/>
        <source>バックアップしました: {0}</source>
        <translation>Backed up: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="223"/>
        <source>{0}（{1}）の状態に戻しますか？

いまの状態は先にバックアップします（あとでこの一覧から戻せます）。プロジェクトをいったん閉じ、戻したあと開き直します。</source>
        <translation>Restore the project as it was at {0} ({1})?

The current state is backed up first (you can restore it from this list later). The project is closed, restored and opened again.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="226"/>
        <source>その後の変更（{0}）は、戻したプロジェクトには含まれません。</source>
        <translation>What changed since ({0}) will not be in the restored project.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="227"/>
        <location filename="../../voc_app/gui/backups_dialog.py" line="300"/>
        <location filename="../../voc_app/gui/backups_dialog.py" line="308"/>
        <source>この時点に戻す</source>
        <translation>Restore this point</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="270"/>
        <source>{0} を閉じて、バックアップから戻しています…</source>
        <translation>Closing {0} and restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="294"/>
        <source>復元が終わりませんでした</source>
        <translation>The restore did not finish</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="301"/>
        <source>戻せませんでした（プロジェクトは変わっていません）: {0}</source>
        <translation>Could not restore (the project is unchanged): {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="304"/>
        <source>バックアップ {0} の状態に戻しました。</source>
        <translation>Restored the backup {0}.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/backups_dialog.py" line="306"/>
        <source>戻す前の状態は {0} に保存しました（バックアップの一覧からいつでも戻せます）。</source>
        <translation>The state before the restore was saved to {0} (you can restore it from the backups at any time).</translation>
    </message>
</context>
<context>
    <name>CodeAnalysisView</name>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="117"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="231"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="256"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="120"/>
        <source>例: (配送 | 届く) &amp; pain ・ &quot;箱が潰れ&quot; ・ 解約 &amp; !継続 ・ attr:年代=30代 ・ nps:0-6 ・ topic:12</source>
        <translation>e.g. (配送 | 届く) &amp; pain · &quot;箱が潰れ&quot; · 解約 &amp; !継続 · attr:年代=30代 · nps:0-6 · topic:12</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="122"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="124"/>
        <source>プレビュー (Enter)</source>
        <translation>Preview (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="125"/>
        <source>ルールを保存して自動コーディング</source>
        <translation>Save rule and auto-code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="126"/>
        <source>すべてのルールを適用</source>
        <translation>Apply all rules</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="127"/>
        <source>未確認を承認</source>
        <translation>Accept pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="128"/>
        <source>未確認を却下</source>
        <translation>Reject pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="129"/>
        <source>語は見出し語で照合します（届く → 届いた・届きました）。&amp; かつ、| または、! でない、&quot;…&quot; は文字列、pain / delight / churn / advocacy、stage:・kind:・question:・topic:・attr:・nps:・code: で条件を足せます。</source>
        <translation>Words match by dictionary form (届く → 届いた, 届きました). &amp; and, | or, ! not, &quot;…&quot; a literal string; add conditions with pain / delight / churn / advocacy, stage:, kind:, question:, topic:, attr:, nps:, code:.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="143"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="182"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="184"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="188"/>
        <source>自動コーディング</source>
        <translation>Auto-coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="158"/>
        <source>ルールのプレビュー</source>
        <translation>Rule preview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="163"/>
        <source>&lt;b&gt;{0:,}&lt;/b&gt; / {1:,} 件が該当（{2}）— 例を {3} 件表示</source>
        <translation>&lt;b&gt;{0:,}&lt;/b&gt; of {1:,} match ({2}) — showing {3} examples</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="176"/>
        <source>&lt;p&gt;該当なし&lt;/p&gt;</source>
        <translation>&lt;p&gt;No match&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="182"/>
        <source>コードを選び、ルールを書いてください</source>
        <translation>Choose a code and write a rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="194"/>
        <source>ルールのあるコードがありません</source>
        <translation>No code has a rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="195"/>
        <source>{0}: 該当 {1:,} 件（新規 {2:,}・外れた未確認 {3:,}）— 未確認として付けました。コーディング画面の「未確認の自動コードがある発言」で確認できます</source>
        <translation>{0}: {1:,} matches ({2:,} new, {3:,} pending removed) — added as pending. Review them in Coding under &quot;Verbatims with pending auto-codes&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="202"/>
        <source>自動コードの確認</source>
        <translation>Review auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="203"/>
        <source>{0:,} 件を{1}しました</source>
        <translation>{1}: {0:,} done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="204"/>
        <source>承認</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="204"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="211"/>
        <source>比べるコーダー（2 人以上）</source>
        <translation>Coders to compare (2 or more)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="216"/>
        <source>一致率を計算</source>
        <translation>Compute agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="229"/>
        <source>不一致（ダブルクリックで発言を開く）</source>
        <translation>Disagreements (double-click to open the verbatim)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="231"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="256"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="231"/>
        <source>付けた</source>
        <translation>Coded</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="231"/>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="235"/>
        <source>不一致</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="238"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="244"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="246"/>
        <source>一致率</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="244"/>
        <source>コーダーを 2 人以上選んでください</source>
        <translation>Choose at least 2 coders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="253"/>
        <source>共通に確認した発言 {0:,} 件 ・ 全体の一致率 {1} % ・ Cohen の κ {2} ・ Krippendorff の α {3}（発言ごとに各コードの有無で比較。κ は 2 人のとき）</source>
        <translation>{0:,} verbatims coded by all · overall agreement {1} % · Cohen&apos;s κ {2} · Krippendorff&apos;s α {3} (presence of each code per verbatim; κ for 2 coders)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="256"/>
        <source>一致率%</source>
        <translation>Agreement %</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="279"/>
        <source>コード ×</source>
        <translation>Code ×</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="285"/>
        <source>集計</source>
        <translation>Tabulate</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="287"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="299"/>
        <source>クロス集計</source>
        <translation>Cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="297"/>
        <source>件数（列の回答に占める割合）。色: 調整済み残差 &gt; 1.96 は多い（赤）、&lt; −1.96 は少ない（青）。セルをダブルクリックでその発言を開く</source>
        <translation>Count (share of the column&apos;s answers). Colour: adjusted residual &gt; 1.96 more than expected (red), &lt; −1.96 fewer (blue). Double-click a cell to open its verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="307"/>
        <source>計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="309"/>
        <source>{0}（子を含む）</source>
        <translation>{0} (with sub-codes)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="319"/>
        <source>調整済み残差 {0:.2f}</source>
        <translation>Adjusted residual {0:.2f}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="330"/>
        <source>発言を開く</source>
        <translation>Open verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="339"/>
        <source>品詞: すべて</source>
        <translation>Part of speech: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="344"/>
        <source>属性別: なし</source>
        <translation>By attribute: none</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="348"/>
        <source>頻度</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="358"/>
        <source>共起ネットワーク:</source>
        <translation>Co-occurrence network:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="359"/>
        <source>語の数</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="364"/>
        <source>出現の多い順にこの数の語（コード）だけを描きます</source>
        <translation>Draw only this many of the most frequent words (codes)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="374"/>
        <source>描く</source>
        <translation>Draw</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="376"/>
        <source>よく一緒に出てくる語を線で結びます（線の太さは Jaccard 係数、色はまとまり）</source>
        <translation>Joins words that often occur together (line width: Jaccard coefficient, colour: cluster)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="432"/>
        <source>語の頻度</source>
        <translation>Word frequency</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="353"/>
        <source>KWIC の語（例: 届く）</source>
        <translation>KWIC word (e.g. 届く)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="367"/>
        <source>最小出現</source>
        <translation>Min. count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="372"/>
        <source>コードの共起</source>
        <translation>Code co-occurrence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="394"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="437"/>
        <source>共起ネットワーク</source>
        <translation>Co-occurrence network</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="379"/>
        <source>画像を保存…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="400"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="405"/>
        <source>語</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="405"/>
        <source>品詞</source>
        <translation>POS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="405"/>
        <source>出現</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="405"/>
        <source>文書</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="421"/>
        <source>KWIC</source>
        <translation>KWIC</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="427"/>
        <source>&lt;p&gt;{0:,} 行&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0:,} lines&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="452"/>
        <source>ネットワークを保存</source>
        <translation>Save network</translation>
    </message>
</context>
<context>
    <name>CodePalette</name>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="157"/>
        <source>コードを選ぶ</source>
        <translation>Choose a code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="161"/>
        <source>コード名の一部（↑↓で選んで Enter）</source>
        <translation>Part of a code name (↑↓ to choose, Enter)</translation>
    </message>
</context>
<context>
    <name>CodingView</name>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="212"/>
        <source>コーダー:</source>
        <translation>Coder:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="221"/>
        <source>他のコーダーのコードを隠す（ブラインド）</source>
        <translation>Hide other coders&apos; codes (blind)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="228"/>
        <source>すべての発言</source>
        <translation>All verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="228"/>
        <source>自分が未コードの発言</source>
        <translation>Not yet coded by me</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="229"/>
        <source>未確認の自動コードがある発言</source>
        <translation>Verbatims with pending auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="229"/>
        <source>選んだコードの発言</source>
        <translation>Verbatims of the selected code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="234"/>
        <source>発言を検索（Enter）</source>
        <translation>Search verbatims (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="247"/>
        <source>コード（数字キー）</source>
        <translation>Codes (number keys)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="247"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="254"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="254"/>
        <source>下位に追加</source>
        <translation>Add child</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="255"/>
        <source>名前</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="255"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="256"/>
        <source>移動</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="256"/>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="257"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="262"/>
        <source>コードの説明（定義・含める／含めない例）</source>
        <translation>Code description (definition, examples to include / exclude)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="263"/>
        <source>説明を保存</source>
        <translation>Save description</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="268"/>
        <source>{0:,} 件</source>
        <translation>{0:,} items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="293"/>
        <source>範囲を選んで 1〜9（選ばなければ発言全体）・Ctrl+K: コードを検索・0/Space: 該当なしで次へ・N/P: 次/前の未コード・Ctrl+Z / Ctrl+Shift+Z: 元に戻す／やり直し</source>
        <translation>Select a span and press 1–9 (no selection: the whole verbatim) · Ctrl+K: find a code · 0/Space: no code applies, next · N/P: next/previous uncoded · Ctrl+Z / Ctrl+Shift+Z: undo / redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="300"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="300"/>
        <source>コーダー</source>
        <translation>Coder</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="300"/>
        <source>箇所</source>
        <translation>Span</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="300"/>
        <source>由来</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="300"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="308"/>
        <source>外す (Del)</source>
        <translation>Remove (Del)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="309"/>
        <source>承認</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="310"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="311"/>
        <source>この発言のメモ</source>
        <translation>Memo on this verbatim</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="311"/>
        <source>メモを保存</source>
        <translation>Save memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="337"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="376"/>
        <source>{0:,}（子を含む）</source>
        <translation>Σ {0:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="382"/>
        <source>このコード {0:,} 件、下位コードを含めると {1:,} 件（同じ発言は 1 回と数えます）</source>
        <translation>This code {0:,}; with its sub-codes {1:,} (a verbatim counts once)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="403"/>
        <source>左の一覧から発言を選んでください</source>
        <translation>Choose a verbatim from the list on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="416"/>
        <source>元に戻す: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="452"/>
        <source>（発言全体）</source>
        <translation>(whole verbatim)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="475"/>
        <source>左でコードを選んでください</source>
        <translation>Choose a code on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="484"/>
        <source>{0:,}+ 件</source>
        <translation>{0:,}+ items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="514"/>
        <source>&lt;br&gt;ルール: &lt;code&gt;{0}&lt;/code&gt;</source>
        <translation>&lt;br&gt;Rule: &lt;code&gt;{0}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="515"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1:,} 件、下位コードを含めて {2:,} 件）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1:,}; {2:,} with sub-codes)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="516"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1:,} 件）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1:,} items)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="588"/>
        <source>コードを追加</source>
        <translation>Add code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="588"/>
        <source>コード名:</source>
        <translation>Code name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="600"/>
        <source>名前を変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="600"/>
        <source>新しい名前:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="610"/>
        <source>コードを統合</source>
        <translation>Merge codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="611"/>
        <source>選んだコードをどのコードに統合しますか（コード付けを移して削除）</source>
        <translation>Merge the selected code into which code? (its codings move there, then it is deleted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="621"/>
        <source>（最上位）</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="623"/>
        <source>コードを移動</source>
        <translation>Move code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="623"/>
        <source>移動先（親コード）:</source>
        <translation>Move under (parent code):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="631"/>
        <source>メモ（共有）:</source>
        <translation>Memo (shared):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="640"/>
        <source>コード「{0}」のメモ</source>
        <translation>Memo on code &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="643"/>
        <source>プロジェクトのメモ</source>
        <translation>Project memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="651"/>
        <source>コードを削除</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="652"/>
        <source>「{0}」と下位コード、そのコード付け {1:,} 件を削除します（Ctrl+Z で戻せます）</source>
        <translation>Delete &quot;{0}&quot;, its child codes and their {1:,} codings (Ctrl+Z brings them back)</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="82"/>
        <location filename="../../voc_app/gui/corrections_ui.py" line="84"/>
        <source>{0}（切り替え）</source>
        <translation>{0} (toggle)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="86"/>
        <source>{0}（順に切り替え）</source>
        <translation>{0} (next)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="94"/>
        <source>Ctrl+Z 元に戻す</source>
        <translation>Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="95"/>
        <source>Ctrl+Shift+Z やり直し</source>
        <translation>Ctrl+Shift+Z redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="96"/>
        <location filename="../../voc_app/gui/corrections_ui.py" line="177"/>
        <source>ラベルの修正</source>
        <translation>Label corrections</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="104"/>
        <source>✎ キー: 1–4 極性 ・ C 解約 ・ A 推奨 ・ S 段階 ・ Ctrl+Z 元に戻す</source>
        <translation>✎ Keys: 1–4 polarity · C churn · A advocacy · S stage · Ctrl+Z undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="190"/>
        <source>✎ ラベルを修正しました（{0}）— Ctrl+Z で元に戻す</source>
        <translation>✎ Label corrected ({0}) — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="192"/>
        <source>ラベルの修正を元に戻しました</source>
        <translation>Label correction undone</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="192"/>
        <source>元に戻す修正はありません</source>
        <translation>No correction to undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="194"/>
        <source>ラベルの修正をやり直しました</source>
        <translation>Label correction redone</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="194"/>
        <source>やり直す修正はありません</source>
        <translation>No correction to redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="198"/>
        <source>あり</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/corrections_ui.py" line="198"/>
        <location filename="../../voc_app/gui/corrections_ui.py" line="200"/>
        <source>なし</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="427"/>
        <source>確認待ち</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="451"/>
        <source>学習する（ラベルの修正から）</source>
        <translation>Learn (from label corrections)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="453"/>
        <source>出荷時のモデルに戻す…</source>
        <translation>Back to the shipped model…</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="907"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="907"/>
        <source>解約リスク</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="908"/>
        <source>すべての顧客</source>
        <translation>All customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="910"/>
        <location filename="../../voc_app/gui/views.py" line="918"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="910"/>
        <source>区分</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="910"/>
        <location filename="../../voc_app/gui/views.py" line="918"/>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="910"/>
        <location filename="../../voc_app/gui/views.py" line="918"/>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="910"/>
        <source>解約</source>
        <translation>Churn</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="911"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="911"/>
        <location filename="../../voc_app/gui/views.py" line="919"/>
        <source>失う売上（年）</source>
        <translation>Revenue at risk (year)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="918"/>
        <source>スコア</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="918"/>
        <location filename="../../voc_app/gui/views.py" line="922"/>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="911"/>
        <location filename="../../voc_app/gui/views.py" line="919"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="943"/>
        <source>メモ（確認の理由、連絡の内容）</source>
        <translation>Note (why, what was said when contacted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="922"/>
        <location filename="../../voc_app/gui/views.py" line="988"/>
        <location filename="../../voc_app/gui/views.py" line="1068"/>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="859"/>
        <source>{0:,} 円</source>
        <translation>¥{0:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="970"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1032"/>
        <source>&lt;p&gt;&lt;b&gt;解約スコアを動かした要因&lt;/b&gt;（点: + は上げ、− は下げた）&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;What moved the churn score&lt;/b&gt; (points: + raised it, − lowered it)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1033"/>
        <source>&lt;p&gt;&lt;b&gt;推奨スコアを動かした要因&lt;/b&gt;（点: + は上げ、− は下げた）&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;What moved the ambassador score&lt;/b&gt; (points: + raised it, − lowered it)&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1053"/>
        <source>区分: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Segment: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1055"/>
        <source> — {0}</source>
        <translation> — {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1056"/>
        <source>&lt;p&gt;{0}&lt;br&gt;段階: {1} ・ NPS: {2}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0}&lt;br&gt;Stage: {1} · NPS: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1059"/>
        <source>&lt;p&gt;失う売上（年）: &lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Revenue at risk (year): &lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1061"/>
        <source>&lt;p&gt;年間の売上: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Yearly revenue: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1063"/>
        <source>&lt;h3&gt;{0}&#x3000;解約 {1:.0f} ・ 推奨 {2:.0f}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;{0}  churn {1:.0f} · ambassador {2:.0f}&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1069"/>
        <source>&lt;h3&gt;{0}&#x3000;スコア {1:.0f}&lt;/h3&gt;&lt;p&gt;確認: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} — score {1:.0f}&lt;/h3&gt;&lt;p&gt;Review: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1073"/>
        <source>&lt;p&gt;&lt;b&gt;時系列&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Timeline&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../voc_app/gui/empty_state.py" line="74"/>
        <source>このプロジェクトにはまだ声がありません</source>
        <translation>This project has no customer voices yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/empty_state.py" line="79"/>
        <source>アンケート・サポート履歴・インタビュー記録のファイル（CSV / Excel / JSON / テキスト / Word）をここにドロップすると、取り込みウィザードが開きます。</source>
        <translation>Drop a survey, support history or interview file (CSV / Excel / JSON / text / Word) here to open the import wizard.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/empty_state.py" line="88"/>
        <source>ファイルを取り込む</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/empty_state.py" line="96"/>
        <source>サンプルを開く</source>
        <translation>Open the sample</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/empty_state.py" line="97"/>
        <source>（寝具の通販の声 220 件で、できることを見る）</source>
        <translation>(220 voices of a bedding shop: see what the app does)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="267"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="275"/>
        <source>VoC_サマリー.xlsx</source>
        <translation>VoC_summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="277"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="281"/>
        <source>ファイル（.xlsx / .csv）</source>
        <translation>File (.xlsx / .csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="282"/>
        <source>個人情報を伏せる（メール・電話・住所・氏名、顧客 ID は仮名）</source>
        <translation>Mask personal data (e-mail, phone, address, names; pseudonymous customer IDs)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="300"/>
        <source>期間（YYYY-MM-DD、空欄は全期間）</source>
        <translation>Period (YYYY-MM-DD; empty: all)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="307"/>
        <source>書き出す</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="332"/>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="332"/>
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="342"/>
        <source>{0}「{1}」は日付として読めません。YYYY-MM-DD の形で入力してください（例 2025-04-01）</source>
        <translation>{0} “{1}” is not a date. Enter it as YYYY-MM-DD (e.g. 2025-04-01)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="346"/>
        <source>開始日 {0} が終了日 {1} より後です</source>
        <translation>The start date {0} is after the end date {1}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="354"/>
        <source>ファイル名は .xlsx か .csv で終わるようにしてください</source>
        <translation>The file name must end in .xlsx or .csv</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="363"/>
        <source>該当する発言を数えています…</source>
        <translation>Counting the matching verbatims…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="381"/>
        <source>書き出す発言: {0:,} 件</source>
        <translation>Verbatims to export: {0:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="383"/>
        <source>この期間に該当する発言はありません — 書き出すものがないので、ファイルは作りません</source>
        <translation>No verbatims in this period — there is nothing to export, so no file is written</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="319"/>
        <source>書き出し先</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="320"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="86"/>
        <source>取り込み: {0}</source>
        <translation>Import: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="98"/>
        <source>形式: &lt;b&gt;{0}&lt;/b&gt;（確度 {1:.0%}）— {2}&lt;br&gt;文字コード: {3}</source>
        <translation>Format: &lt;b&gt;{0}&lt;/b&gt; (confidence {1:.0%}) — {2}&lt;br&gt;Encoding: {3}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="100"/>
        <source>（Excel / Word ファイル）</source>
        <translation>(Excel / Word file)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="104"/>
        <source>列の役割（変更すると件数を数え直します）、その理由と先頭の行（列の幅は見出しの境目をドラッグで変えられます。省略された文字はマウスを重ねると全文）:</source>
        <translation>Column roles (changing one counts again), why each was chosen, and the first rows (drag a header border to resize a column; hover over shortened text to read all of it):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="122"/>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="122"/>
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="154"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="156"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="180"/>
        <source>&lt;p&gt;&lt;b&gt;件数を数え直しています…&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Counting again…&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="212"/>
        <source>&lt;p style=&apos;color:#B00020&apos;&gt;&lt;b&gt;この役割では取り込めません&lt;/b&gt;: {0}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B00020&apos;&gt;&lt;b&gt;Cannot import with these roles&lt;/b&gt;: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="228"/>
        <source>&lt;p&gt;&lt;b&gt;取り込むと&lt;/b&gt;: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Importing adds&lt;/b&gt;: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="230"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;同じファイルを取り込み済みです（バッチ {0}）。重複は取り込まれません。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;This file was already imported (batch {0}). Duplicates will not be imported.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="233"/>
        <source>飛ばす行: </source>
        <translation>Rows skipped: </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="236"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;注意 {0:,}:&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;Warnings {0:,}:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1093"/>
        <source>ファイルを取り込む…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1097"/>
        <source>ファイルをウィンドウにドラッグしても取り込めます</source>
        <translation>You can also drag a file onto the window</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1100"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1100"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1100"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1100"/>
        <source>回答</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1100"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1101"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1101"/>
        <source>チケット</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1101"/>
        <source>重複スキップ</source>
        <translation>Duplicates skipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1101"/>
        <source>飛ばした行</source>
        <translation>Rows skipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="1102"/>
        <source>取り込み日時</source>
        <translation>Imported at</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../voc_app/gui/jobs.py" line="103"/>
        <source>処理が異常終了しました（終了コード {0}）。プロジェクトは変更されていません。</source>
        <translation>The job ended abnormally (exit code {0}). The project was not changed.</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../voc_app/gui/jobs.py" line="234"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/jobs.py" line="272"/>
        <source>キャンセルしています…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../voc_app/gui/app.py" line="233"/>
        <source>VoC Analyzer — {0}</source>
        <translation>VoC Analyzer — {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="243"/>
        <location filename="../../voc_app/gui/app.py" line="321"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="243"/>
        <location filename="../../voc_app/gui/app.py" line="321"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="244"/>
        <location filename="../../voc_app/gui/app.py" line="321"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="244"/>
        <location filename="../../voc_app/gui/app.py" line="321"/>
        <source>顧客</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="245"/>
        <location filename="../../voc_app/gui/app.py" line="322"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="245"/>
        <location filename="../../voc_app/gui/app.py" line="322"/>
        <source>コード分析</source>
        <translation>Code analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="246"/>
        <location filename="../../voc_app/gui/app.py" line="322"/>
        <location filename="../../voc_app/gui/app.py" line="554"/>
        <source>取り込み</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="258"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="261"/>
        <source>トピックをコードに</source>
        <translation>Topic to code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="266"/>
        <source>確認を保存</source>
        <translation>Save review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="298"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="299"/>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="300"/>
        <source>新規プロジェクト…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="301"/>
        <source>最近使ったプロジェクト</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="303"/>
        <source>取り込み…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="304"/>
        <source>書き出し（Excel / CSV）…</source>
        <translation>Export (Excel / CSV)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="306"/>
        <source>コードブックを取り込み（.qdc / .csv）…</source>
        <translation>Import codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="307"/>
        <source>コードブックを書き出し（.qdc / .csv）…</source>
        <translation>Export codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="308"/>
        <source>コード付けを CSV に書き出し…</source>
        <translation>Export codings to CSV…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="310"/>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="311"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="312"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="313"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="314"/>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="315"/>
        <source>プロジェクトのメモ…</source>
        <translation>Project memo…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="316"/>
        <source>分析(&amp;A)</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="318"/>
        <source>分析を更新（新しい発言・評価・トピック）</source>
        <translation>Update analysis (new verbatims, scores, topics)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="318"/>
        <source>分析</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="320"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="325"/>
        <source>言語 / Language</source>
        <translation>Language / 言語</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="363"/>
        <source>{0}（見つかりません）</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="369"/>
        <source>履歴を消去</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="405"/>
        <source>「{0}」の実行中です。終わるまでお待ちください。</source>
        <translation>&quot;{0}&quot; is running. Please wait until it finishes.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="622"/>
        <source>サンプルを用意</source>
        <translation>Preparing the sample</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="652"/>
        <source>{0} を開けません: {1}</source>
        <translation>Cannot open {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="800"/>
        <source>4月1日</source>
        <translation>April 1</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="397"/>
        <source>{0}をキャンセルしました。プロジェクトは変更されていません。</source>
        <translation>{0} cancelled. The project was not changed.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="117"/>
        <source>条件に合う発言がないので、何も書き出していません</source>
        <translation>No verbatims match the filter: nothing was exported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="198"/>
        <source>{0} を新しい形式に更新しています…</source>
        <translation>Updating {0} to the new format…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="437"/>
        <source>{0}: 完了</source>
        <translation>{0}: done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="491"/>
        <source>トピックの編集</source>
        <translation>Topic edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="493"/>
        <source>元に戻しました: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="494"/>
        <source>元に戻す編集はありません</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="495"/>
        <source>やり直しました: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="496"/>
        <source>やり直す編集はありません</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="497"/>
        <source>トピックを編集しました（Ctrl+Z で元に戻す）</source>
        <translation>Topic edited (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="534"/>
        <source>トピック「{0}」の発言（検索・絞り込みを変えると解除）</source>
        <translation>Verbatims of topic &quot;{0}&quot; (cleared when the search or filters change)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="538"/>
        <location filename="../../voc_app/gui/app.py" line="812"/>
        <source>取り込むファイル</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="539"/>
        <source>アンケート・サポート・インタビュー・顧客データ (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;すべて (*)</source>
        <translation>Surveys, support, interviews, customer data (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="548"/>
        <source>数え直し</source>
        <translation>Counting again</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="557"/>
        <source>ファイルを確認</source>
        <translation>Check file</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="562"/>
        <source>{0}: 取り込みました（バッチ {1}、発言 {2:,}、重複スキップ {3:,}）— 分析も更新しました</source>
        <translation>{0}: imported (batch {1}, {2:,} verbatims, {3:,} duplicates skipped) — analysis updated</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="570"/>
        <source>該当する発言を数える</source>
        <translation>Count the matching verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="575"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="576"/>
        <location filename="../../voc_app/gui/app.py" line="593"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="579"/>
        <location filename="../../voc_app/gui/app.py" line="582"/>
        <source>コードブックを取り込み</source>
        <translation>Import codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="580"/>
        <source>コードブック (*.qdc *.csv);;すべて (*)</source>
        <translation>Codebook (*.qdc *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="584"/>
        <source>コードブックを取り込みました: 追加 {0}、更新 {1}（Ctrl+Z で元に戻す）</source>
        <translation>Codebook imported: {0} added, {1} updated (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="588"/>
        <location filename="../../voc_app/gui/app.py" line="592"/>
        <source>コードブックを書き出し</source>
        <translation>Export codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="590"/>
        <source>REFI-QDA コードブック (*.qdc);;CSV (*.csv)</source>
        <translation>REFI-QDA codebook (*.qdc);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="596"/>
        <location filename="../../voc_app/gui/app.py" line="600"/>
        <source>コード付けを書き出し</source>
        <translation>Export codings</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="597"/>
        <source>_コード付け.csv</source>
        <translation>_codings.csv</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="601"/>
        <source>{0:,} 件を書き出しました</source>
        <translation>{0:,} rows exported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="604"/>
        <source>プロジェクトを開く</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="605"/>
        <location filename="../../voc_app/gui/app.py" line="813"/>
        <source>VoC プロジェクト (*.voc);;すべて (*)</source>
        <translation>VoC project (*.voc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="612"/>
        <source>新規プロジェクト</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="613"/>
        <source>VoC プロジェクト (*.voc)</source>
        <translation>VoC project (*.voc)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="80"/>
        <source>別のコピーを統合</source>
        <translation>Merge another copy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="85"/>
        <source>同じファイルを取り込んだプロジェクトのコピー（別の人がコーディングしたもの）から、こちらにないコード・コード付け・メモ・ラベル修正・顧客の確認・表記ゆれを加えます。まず何が加わるかを確かめ、それから統合します。判断が食い違うところ（競合）は、こちらの判断を残して一覧にします。</source>
        <translation>Adds what another copy of this project (same imported files, coded by someone else) holds and this one lacks: codes, codings, memos, label corrections, customer reviews and spelling variants. First check what would be added, then merge. Where the same judgement differs (a conflict), this project&apos;s judgement stays and the conflict is listed.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="92"/>
        <source>統合するコピー:</source>
        <translation>Copy to merge:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="95"/>
        <source>別のコピー（.voc）を選んでください</source>
        <translation>Choose the other copy (.voc)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="98"/>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="102"/>
        <source>確かめる</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="104"/>
        <source>何が加わるか、どこが食い違うかを数えます（プロジェクトは変わりません）</source>
        <translation>Counts what would be added and what conflicts (the project is not changed)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="118"/>
        <location filename="../../voc_app/gui/merge_dialog.py" line="296"/>
        <source>加わるもの</source>
        <translation>Would be added</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="123"/>
        <location filename="../../voc_app/gui/merge_dialog.py" line="135"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="123"/>
        <location filename="../../voc_app/gui/merge_dialog.py" line="135"/>
        <source>コーダー</source>
        <translation>Coder</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="123"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="123"/>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="130"/>
        <location filename="../../voc_app/gui/merge_dialog.py" line="299"/>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="135"/>
        <source>対象</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="136"/>
        <source>こちら（残る）</source>
        <translation>This copy (kept)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="136"/>
        <source>相手</source>
        <translation>Other copy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="152"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="158"/>
        <source>統合する</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="160"/>
        <source>確かめた内容をこのプロジェクトに加えます（先にバックアップを取ります）</source>
        <translation>Adds what was checked to this project (a backup is taken first)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="164"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="184"/>
        <source>統合の競合</source>
        <translation>Merge conflicts</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="184"/>
        <source>統合で加わるもの</source>
        <translation>Added by the merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="191"/>
        <source>統合するコピーを選ぶ</source>
        <translation>Choose the copy to merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="192"/>
        <source>VoC プロジェクト (*.voc);;すべて (*)</source>
        <translation>VoC project (*.voc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="209"/>
        <source>統合を確かめています</source>
        <translation>Checking the merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="209"/>
        <source>統合しています</source>
        <translation>Merging</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="212"/>
        <source>キャンセルしました。プロジェクトは変わっていません。</source>
        <translation>Cancelled. The project is unchanged.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="247"/>
        <source>統合できません: {0}</source>
        <translation>Cannot merge: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="262"/>
        <source>新しいコーダー</source>
        <translation>New coder</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="268"/>
        <source>コーディング済みの印</source>
        <translation>Marked as coded</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="269"/>
        <source>コーダーが目を通した発言（該当なしを含む）</source>
        <translation>Verbatims a coder went through (including “no code applies”)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="296"/>
        <source>加わったもの</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="298"/>
        <source>競合 {0} 件 — こちらの判断を残します。相手の判断は加えません</source>
        <translation>{0} conflicts — this project&apos;s judgement stays; the other copy&apos;s is not added</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="303"/>
        <source>コピーを選ぶと、統合する前に何が加わるかを確かめます。</source>
        <translation>Choose a copy: what it would add is checked before anything is merged.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="306"/>
        <source>（こちらにない発言・顧客への判断 {0} 件は加えません）</source>
        <translation> ({0} judgements on verbatims or customers this project does not have are left out)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="308"/>
        <source>{0} から {1:,} 件が加わります。競合 {2} 件。まだ何も変えていません — よければ「統合する」を押してください。</source>
        <translation>{0} would add {1:,} items; {2} conflicts. Nothing has been changed yet — press “Merge” to go ahead.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="310"/>
        <source>{0} には、こちらにないものはありません（競合 {1} 件）。統合の必要はありません。</source>
        <translation>{0} holds nothing this project lacks ({1} conflicts). There is nothing to merge.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="312"/>
        <source>統合しました: {0} から {1:,} 件を加えました。統合前の状態は {2} に保存しました（コードとコード付けは Ctrl+Z で戻せます）。</source>
        <translation>Merged: added {1:,} items from {0}. The state before the merge was saved to {2} (codes and codings can be undone with Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/merge_dialog.py" line="314"/>
        <source>{0} から加えるものはありませんでした。</source>
        <translation>Nothing to add from {0}.</translation>
    </message>
</context>
<context>
    <name>MoveAnswersDialog</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="422"/>
        <source>回答を移動: {0}</source>
        <translation>Move answers: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="425"/>
        <source>移す回答にチェックを付けてください（移した回答は推定し直しても動きません）</source>
        <translation>Tick the answers to move (moved answers stay where you put them when topics are fitted again)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="438"/>
        <source>移動先:</source>
        <translation>Move to:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="443"/>
        <source>（まれな声へ）</source>
        <translation>(to the rare voices)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="447"/>
        <source>移動</source>
        <translation>Move</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../voc_app/gui/network.py" line="160"/>
        <source>共起する語がありません（最小出現を下げてみてください）</source>
        <translation>No words occur together (try a lower minimum frequency)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/network.py" line="202"/>
        <source>{0}: {1:,} 件</source>
        <translation>{0}: {1:,}</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="223"/>
        <source>発言 {0:,}（無回答 {1:,}） ・ 顧客 {2:,} ・ 回答 {3:,} ・ チケット {4:,} ・ 取り込み {5}</source>
        <translation>Verbatims {0:,} (non-answers {1:,}) · customers {2:,} · responses {3:,} · tickets {4:,} · imports {5}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="231"/>
        <source>種類: </source>
        <translation>Sources: </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="235"/>
        <source>NPS の分布（NPS {0:+.1f}、{1:,} 件）</source>
        <translation>NPS distribution (NPS {0:+.1f}, {1:,} answers)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="238"/>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="238"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="241"/>
        <source>批判者 0–6</source>
        <translation>Detractors 0–6</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="241"/>
        <source>中立者 7–8</source>
        <translation>Passives 7–8</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="242"/>
        <source>推奨者 9–10</source>
        <translation>Promoters 9–10</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="244"/>
        <source>NPS の回答はありません</source>
        <translation>No NPS answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="250"/>
        <source>月別の喜びと不満</source>
        <translation>Delight and pain by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="253"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="259"/>
        <source>日付のある喜び・不満の声はまだありません（分析を更新すると数えます）</source>
        <translation>No dated delight or pain voices yet (updating the analysis counts them)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="265"/>
        <source>ロイヤルティ区分（前回から移動 {0} 人）</source>
        <translation>Loyalty segments ({0} moved since last time)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="268"/>
        <source>区分</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="268"/>
        <source>人数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="268"/>
        <source>前回</source>
        <translation>Previous scoring</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="272"/>
        <source>{0} {1:,} → {2:,}</source>
        <translation>{0} {1:,} → {2:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="274"/>
        <source>前回の評価から: {0}</source>
        <translation>Since the previous scoring: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="282"/>
        <source>顧客の評価はまだありません（分析を更新すると評価します）</source>
        <translation>No customers scored yet (updating the analysis scores them)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="283"/>
        <source>喜びのトピック上位</source>
        <translation>Top delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="284"/>
        <source>不満のトピック上位</source>
        <translation>Top pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="290"/>
        <source>まだありません（トピック画面で推定します）</source>
        <translation>None yet (fit them in the Topics view)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="292"/>
        <source>{0}&#x3000;&lt;b&gt;{1:,}&lt;/b&gt; 件（{2:.0f}%）</source>
        <translation>{0}  &lt;b&gt;{1:,}&lt;/b&gt; ({2:.0f}%)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="275"/>
        <source>前回の評価はまだありません（取り込みのたびに比べます）</source>
        <translation>No earlier scoring yet (compared at each import)</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="62"/>
        <source>{0} あり</source>
        <translation>{0}: yes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="62"/>
        <source>{0} なし</source>
        <translation>{0}: no</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="64"/>
        <source>段階なし</source>
        <translation>No stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="72"/>
        <source>{0}の判定が境目（確率 {1:.2f}）</source>
        <translation>{0} is borderline (probability {1:.2f})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="75"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="76"/>
        <source>{0}が不確か（{1}）</source>
        <translation>{0} is unsure ({1})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="78"/>
        <source>。直すと顧客の解約リスク判定が変わりうる</source>
        <translation>; a correction may change the customer&apos;s churn-risk flag</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="79"/>
        <source>。直すと顧客のアンバサダー判定が変わりうる</source>
        <translation>; a correction may change the customer&apos;s ambassador flag</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="81"/>
        <source>。似た未確認の回答 約{0:,}件</source>
        <translation>; about {0:,} similar unreviewed answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="88"/>
        <source>確認</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="88"/>
        <source>今のラベル</source>
        <translation>Label now</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="89"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="89"/>
        <source>発言</source>
        <translation>Verbatim</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="161"/>
        <source>確認するラベル: {0}</source>
        <translation>Label to check: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="166"/>
        <source>出どころ: すべて</source>
        <translation>Source: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="170"/>
        <source>ラベル: {0}</source>
        <translation>Labels: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="177"/>
        <source>次を読み込む</source>
        <translation>Load next</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="179"/>
        <source>確認が済んだ回答を除いて、次に見るべき回答を読み込みます</source>
        <translation>Loads the answers to check next, leaving out those already reviewed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="216"/>
        <source>プロジェクトのモデル</source>
        <translation>Project model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="226"/>
        <location filename="../../voc_app/gui/queue_view.py" line="370"/>
        <source>学習する</source>
        <translation>Learn</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="228"/>
        <source>人が直したラベルから、このプロジェクトのモデルを学習し直します。直していない回答のラベルが変わることがあります</source>
        <translation>Refits this project&apos;s model on the labels people corrected. Labels of answers nobody corrected may change</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="231"/>
        <source>出荷時のモデルに戻す…</source>
        <translation>Back to the shipped model…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="233"/>
        <source>学習したモデルを使わず、出荷時のモデルのラベルに戻します（人の修正は残ります）</source>
        <translation>Stops using the learned model and returns to the shipped model&apos;s labels (people&apos;s corrections stay)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="250"/>
        <source>今のラベル: すべて</source>
        <translation>Label now: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="273"/>
        <source>読み込んでいます…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="274"/>
        <source>確認待ち</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="281"/>
        <source>モデルの状態</source>
        <translation>Model status</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="301"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;確認待ちの回答はありません。ラベルや出どころの絞り込みを変えると、ほかの回答が出ます。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;No answers to review. Change the label or source filter to see other answers.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="308"/>
        <source>確認済み {0:,} ・ 残り {1:,}</source>
        <translation>Reviewed {0:,} · left {1:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="313"/>
        <source>人の修正 {0:,} 件で学習: 修正との一致 &lt;b&gt;{1:.0%}&lt;/b&gt;（出荷時のモデル {2:.0%}、交差検証）</source>
        <translation>Learned from {0:,} corrections: agrees with them &lt;b&gt;{1:.0%}&lt;/b&gt; (shipped model {2:.0%}, cross-validated)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="315"/>
        <source>いまのラベル: 学習したモデル</source>
        <translation>Labels now: the learned model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="315"/>
        <source>いまのラベル: 出荷時のモデル</source>
        <translation>Labels now: the shipped model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="317"/>
        <source>まだ学習していません。いまのラベル: 出荷時のモデル</source>
        <translation>Not learned yet. Labels now: the shipped model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="318"/>
        <source>修正した回答 {0:,} 件</source>
        <translation>{0:,} corrected answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="320"/>
        <source>学習のあとに修正が変わりました（「学習する」で反映）</source>
        <translation>corrections changed since learning (Learn applies them)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="363"/>
        <source>ID {0}</source>
        <translation>ID {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="373"/>
        <source>学習しました: 人の修正 {0:,} 件、ラベルが変わった回答 {1:,} 件</source>
        <translation>Learned: {0:,} corrections, {1:,} answers relabelled</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="375"/>
        <source>（修正との一致 {0:.0%}、出荷時のモデル {1:.0%}）</source>
        <translation> (agreement with the corrections {0:.0%}, shipped model {1:.0%})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="389"/>
        <location filename="../../voc_app/gui/queue_view.py" line="394"/>
        <source>出荷時のモデルに戻す</source>
        <translation>Back to the shipped model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="390"/>
        <source>学習したモデルを使うのをやめ、直していない回答のラベルを出荷時のモデルのものに戻します。人が直したラベルはそのまま残ります。「学習する」でいつでも学習したモデルに戻せます。

戻しますか？</source>
        <translation>Stop using the learned model and give the answers nobody corrected the shipped model&apos;s labels again? Labels people corrected stay as they are. Learn switches the learned model back on at any time.

Go back?</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/queue_view.py" line="397"/>
        <source>出荷時のモデルに戻しました（ラベルが変わった回答 {0:,} 件）</source>
        <translation>Back to the shipped model ({0:,} answers relabelled)</translation>
    </message>
</context>
<context>
    <name>SynonymsDialog</name>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="76"/>
        <source>表記ゆれ — 同じ語の別の書き方をまとめる</source>
        <translation>Spelling variants — count the spellings of a word as one</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="83"/>
        <source>まとめた語は、語の頻度・KWIC・共起ネットワーク・ワードクラウド・トピックの語・コーディングルールで代表形の 1 語として数えます。発言の本文は変わりません。</source>
        <translation>Grouped spellings count as their canonical form in word frequencies, KWIC, co-occurrence networks, word clouds, topic words and coding rules. The verbatims&apos; text does not change.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="89"/>
        <source>同梱の表記ゆれを使う（送り仮名・長音・かな漢字）</source>
        <translation>Use the shipped spelling variants (okurigana, long vowels, kana/kanji)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="91"/>
        <source>申込み／申し込み、サーバ／サーバー、綺麗／きれい など、同じ語の書き方の違いだけをまとめた一覧です。意味の近い別の語（料金／価格）はまとめません</source>
        <translation>A list of different spellings of the same word only (申込み / 申し込み, サーバ / サーバー, 綺麗 / きれい). Different words of related meaning (料金 / 価格) are never grouped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="98"/>
        <source>語で絞り込む</source>
        <translation>Filter by word</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="115"/>
        <source>代表形</source>
        <translation>Canonical form</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="115"/>
        <source>まとめる書き方</source>
        <translation>Spellings grouped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="115"/>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="152"/>
        <source>出どころ</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="128"/>
        <source>新しいグループ</source>
        <translation>New group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="132"/>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="308"/>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="325"/>
        <source>グループを削除</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="140"/>
        <source>グループ</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="145"/>
        <source>例: 問い合わせ</source>
        <translation>e.g. 問い合わせ</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="147"/>
        <source>代表形（表示する形）</source>
        <translation>Canonical form (shown)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="154"/>
        <source>代表形として数える書き方</source>
        <translation>Spellings counted as the canonical form</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="163"/>
        <source>書き方を追加（例: 問合せ）— Enter</source>
        <translation>Add a spelling (e.g. 問合せ) — Enter</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="167"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="172"/>
        <source>選んだ書き方を外す</source>
        <translation>Remove selected spellings</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="187"/>
        <source>CSV を取り込む…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="189"/>
        <source>word,canonical の 2 列の CSV（UTF-8、BOM 付きでも可）を取り込みます。読めない行があれば、行と列を示して何も書き込みません</source>
        <translation>Imports a two-column word,canonical CSV (UTF-8, with or without BOM). A bad row is reported with its row and column, and nothing is written</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="193"/>
        <source>CSV に書き出す…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="195"/>
        <source>このプロジェクトのグループを word,canonical の CSV（UTF-8、BOM 付き）に書き出します</source>
        <translation>Writes this project&apos;s groups as a word,canonical CSV (UTF-8 with BOM)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="198"/>
        <source>同梱の分も含める</source>
        <translation>Include the shipped ones</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="202"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="217"/>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="236"/>
        <source>表記ゆれ</source>
        <translation>Spelling variants</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="255"/>
        <source>このプロジェクトのグループ {0}・同梱のグループ {1}{2}</source>
        <translation>This project&apos;s groups: {0} · shipped groups: {1}{2}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="256"/>
        <source>（同梱は使わない設定）</source>
        <translation> (shipped list switched off)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="301"/>
        <source>新しいグループ: 代表形を書き、まとめる書き方を追加してください</source>
        <translation>New group: write the canonical form, then add the spellings to group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="306"/>
        <source>このプロジェクトのグループ</source>
        <translation>This project&apos;s group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="307"/>
        <source>同梱のグループ（変えるとこのプロジェクトのグループになります）</source>
        <translation>Shipped group (editing it makes it this project&apos;s own)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="309"/>
        <source>このプロジェクトでは使わない</source>
        <translation>Don&apos;t use in this project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="352"/>
        <source>「{0}」を「{1}」として数えます</source>
        <translation>“{0}” now counts as “{1}”</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="359"/>
        <source>外しました: {0}</source>
        <translation>Removed: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="376"/>
        <source>グループ「{0}」を削除しました</source>
        <translation>Deleted the group “{0}”</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="379"/>
        <source>同梱のグループ「{0}」をこのプロジェクトでは使いません</source>
        <translation>The shipped group “{0}” is no longer used in this project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="383"/>
        <source>同梱の表記ゆれを使います</source>
        <translation>The shipped spelling variants are used</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="383"/>
        <source>同梱の表記ゆれを使いません</source>
        <translation>The shipped spelling variants are not used</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="387"/>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="391"/>
        <source>表記ゆれの CSV を取り込む</source>
        <translation>Import spelling variants CSV</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="388"/>
        <source>CSV (*.csv);;すべて (*)</source>
        <translation>CSV (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="392"/>
        <source>{0} の組をこのプロジェクトのグループに加えますか、それともいまのグループと置き換えますか？</source>
        <translation>Add the pairs of {0} to this project&apos;s groups, or replace the current groups with them?</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="394"/>
        <source>加える</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="395"/>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="406"/>
        <source>取り込みました: {0} 組（新しい書き方 {1}、代表形が変わった {2}、同じ {3}）</source>
        <translation>Imported {0} pairs ({1} new spellings, {2} with a new canonical form, {3} unchanged)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="410"/>
        <source>_表記ゆれ.csv</source>
        <translation>_spelling_variants.csv</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="411"/>
        <source>表記ゆれを CSV に書き出す</source>
        <translation>Export spelling variants as CSV</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/synonyms_dialog.py" line="419"/>
        <source>{0} 行を書き出しました: {1}</source>
        <translation>Wrote {0} rows: {1}</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="192"/>
        <source>書き出しています</source>
        <translation>Writing</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="299"/>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="300"/>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="333"/>
        <source>表を書き出す（CSV / Excel）…</source>
        <translation>Export table (CSV / Excel)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="335"/>
        <source>この表を CSV（UTF-8、BOM 付き）か Excel のファイルに保存します</source>
        <translation>Saves this table as CSV (UTF-8 with BOM) or as an Excel file</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="377"/>
        <location filename="../../voc_app/gui/table_export.py" line="403"/>
        <location filename="../../voc_app/gui/table_export.py" line="410"/>
        <location filename="../../voc_app/gui/table_export.py" line="426"/>
        <location filename="../../voc_app/gui/table_export.py" line="495"/>
        <location filename="../../voc_app/gui/table_export.py" line="503"/>
        <source>表を書き出す</source>
        <translation>Export table</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="378"/>
        <source>「{0}」にはまだ書き出す行がありません</source>
        <translation>“{0}” has no rows to export yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="382"/>
        <source>表を書き出す: {0}</source>
        <translation>Export table: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="383"/>
        <source>CSV（UTF-8、BOM 付き） (*.csv)</source>
        <translation>CSV (UTF-8 with BOM) (*.csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="422"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="496"/>
        <source>この画面には書き出せる表がまだありません（集計や表示をしてから選んでください）</source>
        <translation>This view has no table to export yet (run or show one first)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/table_export.py" line="503"/>
        <source>書き出す表</source>
        <translation>Table to export</translation>
    </message>
</context>
<context>
    <name>TeamTools</name>
    <message>
        <location filename="../../voc_app/gui/team.py" line="52"/>
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="56"/>
        <source>表記ゆれ…</source>
        <translation>Spelling variants…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="57"/>
        <source>同じ語の別の書き方（問合せ／問い合わせ、サーバ／サーバー）を 1 語として数えるグループを編集します</source>
        <translation>Edit the groups that count the spellings of one word (問合せ / 問い合わせ, サーバ / サーバー) as one</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="60"/>
        <source>別のコピーを統合…</source>
        <translation>Merge another copy…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="61"/>
        <source>別の人がコーディングしたこのプロジェクトのコピーから、こちらにないコード付け・メモなどを加えます</source>
        <translation>Add the codings, memos and more that a copy of this project coded by someone else holds and this one lacks</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="63"/>
        <source>バックアップ…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="64"/>
        <source>バックアップの一覧: 今すぐバックアップ、以前の状態に戻す</source>
        <translation>The backups: back up now, restore an earlier state</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="66"/>
        <source>表を書き出す（CSV / Excel）…</source>
        <translation>Export table (CSV / Excel)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="67"/>
        <source>いまの画面の表やグラフのもとの表を CSV（UTF-8、BOM 付き）か Excel に保存します（表やグラフの右クリックからも）</source>
        <translation>Saves a table of this view, or the table behind a chart, as CSV (UTF-8 with BOM) or Excel (also from a right-click on a table or chart)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="125"/>
        <source>別のコピーを統合しました（Ctrl+Z でコード付けの統合を元に戻せます）</source>
        <translation>Merged another copy (Ctrl+Z undoes the merged codings)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="188"/>
        <source>喜びのトピック</source>
        <translation>Delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="188"/>
        <source>不満のトピック</source>
        <translation>Pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="192"/>
        <source>トピックの件数</source>
        <translation>Topic sizes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="193"/>
        <source>トピック間マップ</source>
        <translation>Intertopic map</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="194"/>
        <source>トピックの月別推移</source>
        <translation>Topic by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="195"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="195"/>
        <source>解約リスク</source>
        <translation>Churn risks</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="196"/>
        <source>すべての顧客</source>
        <translation>All customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="198"/>
        <source>取り込み</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="200"/>
        <source>コーダー間の一致率</source>
        <translation>Inter-coder agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="201"/>
        <source>コーダー間の不一致</source>
        <translation>Coder disagreements</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="202"/>
        <source>コードのクロス集計</source>
        <translation>Code cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="202"/>
        <location filename="../../voc_app/gui/team.py" line="226"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="203"/>
        <source>語の頻度</source>
        <translation>Word frequency</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="204"/>
        <source>KWIC</source>
        <translation>KWIC</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="205"/>
        <source>共起ネットワーク</source>
        <translation>Co-occurrence network</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="207"/>
        <source>コードブック</source>
        <translation>Codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="208"/>
        <source>この発言のコード付け</source>
        <translation>Codings of this verbatim</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="209"/>
        <source>発言 × コードの表</source>
        <translation>Coded matrix (verbatims × codes)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="226"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="226"/>
        <source>色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="226"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="226"/>
        <source>説明</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="235"/>
        <source>語</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="252"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="252"/>
        <source>トピック</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="252"/>
        <location filename="../../voc_app/gui/team.py" line="258"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="252"/>
        <source>割合 %</source>
        <translation>Share %</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="258"/>
        <location filename="../../voc_app/gui/team.py" line="261"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="344"/>
        <source>佐藤</source>
        <translation>Sato</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/team.py" line="351"/>
        <source>配送の遅れの話として読んだ</source>
        <translation>Read as a delivery delay</translation>
    </message>
</context>
<context>
    <name>TopicMapView</name>
    <message>
        <location filename="../../voc_app/gui/network.py" line="132"/>
        <source>{0}: {1:,} 件</source>
        <translation>{0}: {1:,}</translation>
    </message>
</context>
<context>
    <name>TopicsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="552"/>
        <source>喜びのトピック</source>
        <translation>Delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="552"/>
        <source>不満のトピック</source>
        <translation>Pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <location filename="../../voc_app/gui/views.py" line="600"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="647"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="648"/>
        <source>分割</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="650"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="652"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="655"/>
        <source>推定し直す</source>
        <translation>Refit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="656"/>
        <location filename="../../voc_app/gui/views.py" line="808"/>
        <source>まれな声</source>
        <translation>Rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="600"/>
        <source>トピック間マップ</source>
        <translation>Intertopic map</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="600"/>
        <source>月別の推移</source>
        <translation>Trend by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="606"/>
        <source>トピック一覧</source>
        <translation>Topic maps</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="611"/>
        <source>NPS への影響</source>
        <translation>What drives NPS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="613"/>
        <source>ワードクラウド</source>
        <translation>Word clouds</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="631"/>
        <source>トピックを分割</source>
        <translation>Split topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="632"/>
        <source>「{0}」には 2 つの話題が混ざっているようです。2 つのトピックに分割しますか？（Ctrl+Z で元に戻せます）</source>
        <translation>“{0}” seems to mix two themes. Split it into two topics? (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="646"/>
        <source>名前を変更…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="646"/>
        <source>選んだトピックの名前を変えます（F2）</source>
        <translation>Rename the selected topic (F2)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="647"/>
        <source>選んだ 2 つ以上のトピックを 1 つにまとめます（Ctrl / Shift + クリックで複数選択）</source>
        <translation>Merge the two or more selected topics into one (Ctrl / Shift + click selects several)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="648"/>
        <source>選んだトピックの回答を 2 つのトピックに分け直します</source>
        <translation>Split the selected topic’s answers into two topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="649"/>
        <source>回答を移動…</source>
        <translation>Move answers…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="649"/>
        <source>選んだトピックの回答の一部を、別のトピックかまれな声へ移します</source>
        <translation>Move some of the selected topic’s answers to another topic or to the rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="650"/>
        <source>選んだトピックを削除します。回答はまれな声になります（Del）</source>
        <translation>Delete the selected topic; its answers become rare voices (Del)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="652"/>
        <source>このマップの最後の編集を取り消します（Ctrl+Z）</source>
        <translation>Undo the last edit of this map (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="653"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="653"/>
        <source>取り消した編集をやり直します（Ctrl+Shift+Z）</source>
        <translation>Redo the edit you undid (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="655"/>
        <source>このマップのトピックを最初から推定し直します（名前を付けたトピックと移した回答は残ります）</source>
        <translation>Fit this map’s topics again from scratch (named topics and moved answers are kept)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="656"/>
        <source>どのトピックにも入らなかった少数の声を一覧します</source>
        <translation>List the few voices that fit no topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="658"/>
        <source>コードにする</source>
        <translation>Make a code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="658"/>
        <source>選んだトピックをコードブックのコードにし、その回答に未確認の自動コードとして付けます（コーディング画面で承認・却下できます）</source>
        <translation>Add the selected topic to the codebook as a code and tag its answers with it as pending auto-codes (accept or reject them in the Coding view)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="730"/>
        <source>回答 {0:,} 件 ・ トピック {1} ・ まれな声 {2:,} 件</source>
        <translation>{0:,} answers · {1} topics · {2:,} rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="732"/>
        <source>まだ推定していません — 「推定し直す」で推定します</source>
        <translation>Not fitted yet — press &quot;Refit&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="736"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;トピックはまだありません。発言を取り込んで分析を更新（F5）すると、喜びと不満の声がトピックにまとまります。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;No topics yet. Import verbatims and update the analysis (F5): delight and pain voices are grouped into topics.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="739"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;トピックを選ぶと、語・代表的な声・件数と推移を表示します。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Select a topic to see its words, typical voices, size and trend.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="777"/>
        <source>&lt;p&gt;シード語: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seed words: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="778"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;2 つの話題が混ざっているようです — &lt;a href=&apos;split:{0}:{1}&apos;&gt;2 つに分割する…&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;This topic seems to mix two themes — &lt;a href=&apos;split:{0}:{1}&apos;&gt;split it in two…&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="782"/>
        <source>&lt;p&gt;{0:,} 件（{1:.1f}%） ・ 自動ラベル: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;語&lt;/b&gt;: {3}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0:,} answers ({1:.1f}%) · automatic label: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Words&lt;/b&gt;: {3}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="785"/>
        <source>&lt;p&gt;&lt;b&gt;代表的な声&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Representative voices&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="786"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;ダブルクリックでこのトピックの発言を一覧&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Double-click to list this topic&apos;s verbatims&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="813"/>
        <source>トピックの名前</source>
        <translation>Topic name</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="813"/>
        <source>名前:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>VerbatimModel</name>
    <message>
        <location filename="../../voc_app/gui/models.py" line="197"/>
        <source>解約</source>
        <translation>Churn</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="197"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
</context>
<context>
    <name>VerbatimsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="324"/>
        <source>一覧</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="330"/>
        <source>検索（例: 配送、解約）— Enter で検索</source>
        <translation>Search (e.g. 配送, 解約) — Enter to search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="335"/>
        <source>種類</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="335"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="336"/>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="337"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="337"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="337"/>
        <source>推奨・紹介</source>
        <translation>Advocacy / referral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="340"/>
        <source>{0}: すべて</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="347"/>
        <source>顧客 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="359"/>
        <source>設問・チャネル: すべて</source>
        <translation>Question / channel: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="365"/>
        <source>開始日 2025-01-01</source>
        <translation>From 2025-01-01</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="366"/>
        <source>終了日 2025-06-30</source>
        <translation>To 2025-06-30</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="377"/>
        <source>属性 例: 年代=30代（Enter）</source>
        <translation>Attribute e.g. 年代=30代 (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="395"/>
        <source>発言と根拠</source>
        <translation>Verbatim and evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="396"/>
        <source>KWIC（検索語の前後）</source>
        <translation>KWIC (context of the search term)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="431"/>
        <source>日付が読めません: {0}（例 2025-04-01）</source>
        <translation>Cannot read the date: {0} (e.g. 2025-04-01)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="438"/>
        <source>属性は 名前=値 の形で（例 年代=30代）</source>
        <translation>Write the attribute as name=value (e.g. 年代=30代)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="450"/>
        <source>{0:,}+ 件（数えています…）</source>
        <translation>{0:,}+ (counting…)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="455"/>
        <source>{0:,} 件</source>
        <translation>{0:,} items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="479"/>
        <source>根拠</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="484"/>
        <source>確からしさ</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="500"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;検索語を入れると、その前後の文脈を一覧します。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Enter a search term to list its contexts.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WordCloudView</name>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="56"/>
        <source>喜びの声の語</source>
        <translation>Words of delight</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="56"/>
        <source>不満の声の語</source>
        <translation>Words of pain</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="78"/>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="130"/>
        <source>ワードクラウドを描いています…</source>
        <translation>Drawing the word cloud…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="122"/>
        <source>ワードクラウド</source>
        <translation>Word clouds</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="163"/>
        <source>喜び</source>
        <translation>delight</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="163"/>
        <source>不満</source>
        <translation>pain</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="170"/>
        <source>{0}の回答でよく使われる語。大きいほど多くの回答が使っています（動詞・形容詞は基本形）</source>
        <translation>Words often used in {0} answers. The larger, the more answers use it (verbs and adjectives in dictionary form).</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/wordcloud_view.py" line="176"/>
        <source>語が少なすぎます — {0}の回答がまだ少ないか、分析していません</source>
        <translation>Too few words — there are few {0} answers yet, or they are not analysed</translation>
    </message>
</context>
<context>
    <name>counts</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="52"/>
        <source>回答</source>
        <translation>responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="52"/>
        <source>発言</source>
        <translation>verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="53"/>
        <source>無回答</source>
        <translation>non-answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="53"/>
        <source>チケット</source>
        <translation>tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="54"/>
        <source>インタビュー</source>
        <translation>interviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="54"/>
        <source>新規顧客</source>
        <translation>new customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="55"/>
        <source>重複行</source>
        <translation>duplicate rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="55"/>
        <source>取り込み済み</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="56"/>
        <source>途中回答</source>
        <translation>partial responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="57"/>
        <source>重複送信</source>
        <translation>duplicate submissions</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="58"/>
        <source>顧客リストの行</source>
        <translation>customer list rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="58"/>
        <source>注文</source>
        <translation>orders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="59"/>
        <source>紹介</source>
        <translation>referrals</translation>
    </message>
</context>
<context>
    <name>drivers</name>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="50"/>
        <source>NPS の点数がある回答がありません</source>
        <translation>No survey answer has an NPS score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="51"/>
        <source>不満・喜びのトピックがまだありません</source>
        <translation>There are no pain or delight topics yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="52"/>
        <source>不満のトピックがまだありません</source>
        <translation>There are no pain topics yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="53"/>
        <source>喜びのトピックがまだありません</source>
        <translation>There are no delight topics yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="71"/>
        <source>NPS への影響はまだ出せません: {0}</source>
        <translation>What drives NPS cannot be shown yet: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="86"/>
        <source>{0}〜{1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="90"/>
        <source>まず直すべき不満</source>
        <translation>Pain to fix first</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="90"/>
        <source>守るべき喜び</source>
        <translation>Delight to protect</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="104"/>
        <source>{0}
言及 {1} 人: 比べるには言及あり・なしとも {2} 人以上が必要です（件数不足）</source>
        <translation>{0}
Mentioned by {1}: a comparison needs at least {2} respondents both mentioning it and not (too few)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="106"/>
        <source>有意（95%信頼区間が 0 をまたがない）</source>
        <translation>significant (the 95% CI excludes 0)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="106"/>
        <source>有意ではない（95%信頼区間が 0 をまたぐ）</source>
        <translation>not significant (the 95% CI includes 0)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="107"/>
        <source>{0}
言及あり {1} 人の NPS {2}、なし {3} 人の NPS {4}
差 {5}（95%信頼区間 {6}）: {7}
全体 NPS への影響 {8}（言及した人がほかの人と同じ点をつけていたら全体 NPS は {9}）</source>
        <translation>{0}
NPS of the {1} who mention it {2}, of the {3} who do not {4}
Difference {5} (95% CI {6}): {7}
Effect on the overall NPS {8} (had they scored like the others, the overall NPS would be {9})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="157"/>
        <source>件数不足</source>
        <translation>Too few</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="193"/>
        <source>全体</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="195"/>
        <source>差（95%CI）</source>
        <translation>Diff. (95% CI)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="196"/>
        <source>順位</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="197"/>
        <source>トピック</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="198"/>
        <source>言及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="199"/>
        <source>NPS
あり</source>
        <translation>NPS
with</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="200"/>
        <source>NPS
なし</source>
        <translation>NPS
without</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="201"/>
        <source>差（95%信頼区間）</source>
        <translation>Difference (95% CI)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="202"/>
        <source>全体への
影響</source>
        <translation>Effect on
NPS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="204"/>
        <source>全体 NPS への影響の大きい順</source>
        <translation>By effect on the overall NPS, largest first</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="204"/>
        <source>トピック（ダブルクリックで発言を一覧）</source>
        <translation>Topic (double-click to list its verbatims)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="205"/>
        <source>このトピックに触れた回答者の数</source>
        <translation>Respondents who mention this topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="205"/>
        <source>このトピックに触れた回答者の NPS</source>
        <translation>NPS of the respondents who mention this topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="206"/>
        <source>このトピックに触れていない回答者の NPS</source>
        <translation>NPS of the respondents who do not mention it</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="207"/>
        <source>触れた人の NPS − 触れていない人の NPS（点）。線は 95% 信頼区間、塗った点は有意（区間が 0 をまたがない）</source>
        <translation>NPS of those who mention it − NPS of those who do not (points). The line is the 95% confidence interval; a filled dot is significant (the interval excludes 0)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="209"/>
        <source>差 × 触れた人の割合: 全体の NPS がこのトピックで何点動いているか（並びの順）</source>
        <translation>Difference × share of respondents who mention it: how many points of the overall NPS this topic moves (the order of the table)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="288"/>
        <source>NPS への影響（{0}）</source>
        <translation>NPS drivers ({0})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="339"/>
        <source>まだトピックがありません（「トピック一覧」で推定すると表示します）</source>
        <translation>No topics yet (they appear once the topics are estimated under “Topic maps”)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="342"/>
        <source>トピックはありますが、NPS のある回答者が触れたものはありません</source>
        <translation>There are topics, but no respondent with an NPS score mentions any of them</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="413"/>
        <source>NPS {0}（回答者 {1:,} 人: 推奨者 {2:,}・中立者 {3:,}・批判者 {4:,}）。差 = トピックに触れた人の NPS − 触れていない人の NPS。全体への影響 = 差 × 触れた人の割合で、この順に並べています。</source>
        <translation>NPS {0} ({1:,} respondents: {2:,} promoters, {3:,} passives, {4:,} detractors). Difference = NPS of those who mention a topic − NPS of those who do not. Effect on NPS = difference × share who mention it; the tables are in this order.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="419"/>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; 有意に下げる&#x3000;&lt;span style=&apos;color:{1}&apos;&gt;●&lt;/span&gt; 有意に上げる&#x3000;&lt;span style=&apos;color:{2}&apos;&gt;○&lt;/span&gt; 有意ではない（線は 95% 信頼区間）&#x3000;&lt;span style=&apos;color:{3}&apos;&gt;灰色&lt;/span&gt;: 件数不足（言及 {4} 人未満）&#x3000;ダブルクリックで発言を一覧</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; significantly lowers  &lt;span style=&apos;color:{1}&apos;&gt;●&lt;/span&gt; significantly raises  &lt;span style=&apos;color:{2}&apos;&gt;○&lt;/span&gt; not significant (line: 95% CI)  &lt;span style=&apos;color:{3}&apos;&gt;grey&lt;/span&gt;: too few (fewer than {4} mentions)  Double-click to list the verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="434"/>
        <location filename="../../voc_app/gui/drivers_view.py" line="468"/>
        <source>NPS を動かすトピック</source>
        <translation>What drives NPS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="476"/>
        <source>NPS を動かすトピック（NPS {0}、回答者 {1:,} 人）</source>
        <translation>What drives NPS (NPS {0}, {1:,} respondents)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="489"/>
        <source>{0}: 言及 {1} 人以上のトピックはまだありません</source>
        <translation>{0}: no topic is mentioned by {1} or more respondents yet</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/drivers_view.py" line="491"/>
        <source>{0}: まだトピックがありません</source>
        <translation>{0}: no topics yet</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="73"/>
        <source>手作業</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="73"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="74"/>
        <location filename="../../voc_app/gui/labels.py" line="122"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="75"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="75"/>
        <source>未確認</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="76"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/labels.py" line="61"/>
        <location filename="../../voc_app/gui/labels.py" line="136"/>
        <location filename="../../voc_app/gui/models.py" line="69"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/labels.py" line="62"/>
        <location filename="../../voc_app/gui/labels.py" line="137"/>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="46"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="46"/>
        <source>設問</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="47"/>
        <location filename="../../voc_app/gui/models.py" line="68"/>
        <source>種類</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="47"/>
        <source>NPS 区分</source>
        <translation>NPS group</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="48"/>
        <source>ロイヤルティ区分</source>
        <translation>Loyalty segment</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="48"/>
        <source>RFM 区分</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="50"/>
        <source>名詞</source>
        <translation>Noun</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="50"/>
        <source>動詞</source>
        <translation>Verb</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="50"/>
        <source>形容詞</source>
        <translation>Adjective</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="51"/>
        <source>形状詞</source>
        <translation>Adjectival noun</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="51"/>
        <source>副詞</source>
        <translation>Adverb</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="39"/>
        <source>回答 ID</source>
        <translation>Response ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="39"/>
        <source>顧客 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="40"/>
        <location filename="../../voc_app/gui/models.py" line="69"/>
        <source>日時</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="40"/>
        <source>評価</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="41"/>
        <source>自由記述</source>
        <translation>Free text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="41"/>
        <source>選択肢</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="42"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="43"/>
        <source>使わない</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="43"/>
        <source>メール</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="44"/>
        <source>登録日</source>
        <translation>Signed up</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="44"/>
        <source>最終利用日</source>
        <translation>Last active</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="45"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="45"/>
        <source>累計金額</source>
        <translation>Total spent</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="46"/>
        <source>累計回数</source>
        <translation>Total orders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="46"/>
        <source>注文番号</source>
        <translation>Order ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="47"/>
        <source>顧客メール</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="47"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="48"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="48"/>
        <source>紹介者</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="49"/>
        <source>被紹介者</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="49"/>
        <source>被紹介者メール</source>
        <translation>Referred e-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="84"/>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <source>発言</source>
        <translation>Verbatim</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="16"/>
        <location filename="../../voc_app/gui/labels.py" line="19"/>
        <source>インタビュー</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="15"/>
        <location filename="../../voc_app/gui/labels.py" line="18"/>
        <source>アンケート</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="15"/>
        <location filename="../../voc_app/gui/labels.py" line="18"/>
        <source>サポート</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="20"/>
        <location filename="../../voc_app/gui/labels.py" line="104"/>
        <source>顧客リスト</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="21"/>
        <location filename="../../voc_app/gui/labels.py" line="105"/>
        <source>注文・利用履歴</source>
        <translation>Orders / usage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="22"/>
        <location filename="../../voc_app/gui/labels.py" line="105"/>
        <source>紹介ログ</source>
        <translation>Referral log</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="23"/>
        <location filename="../../voc_app/gui/labels.py" line="79"/>
        <source>喜び</source>
        <translation>Delight</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="23"/>
        <location filename="../../voc_app/gui/labels.py" line="79"/>
        <source>不満</source>
        <translation>Pain</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="24"/>
        <source>中立</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="24"/>
        <source>混在</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="25"/>
        <location filename="../../voc_app/gui/labels.py" line="35"/>
        <source>初回体験</source>
        <translation>First experience</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="25"/>
        <location filename="../../voc_app/gui/labels.py" line="36"/>
        <source>活用</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="26"/>
        <location filename="../../voc_app/gui/labels.py" line="36"/>
        <location filename="../../voc_app/gui/labels.py" line="70"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="37"/>
        <source>解約検討</source>
        <translation>Considering cancelling</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="39"/>
        <source>購入直後に</source>
        <translation>right after purchase</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="40"/>
        <source>活用期に</source>
        <translation>in full use</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="41"/>
        <source>推奨期に</source>
        <translation>after recommending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="43"/>
        <source>基準</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="44"/>
        <source>解約をほのめかす声</source>
        <translation>Says they may leave</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="45"/>
        <source>解約をほのめかす声の数</source>
        <translation>How often they say it</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="46"/>
        <source>不満の声</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="46"/>
        <source>喜びの声</source>
        <translation>Praise</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="47"/>
        <source>NPS の点数</source>
        <translation>NPS score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="48"/>
        <source>問い合わせの数（90 日）</source>
        <translation>Contacts (90 days)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="49"/>
        <source>未解決の問い合わせ</source>
        <translation>Unresolved tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="50"/>
        <source>解決までの日数</source>
        <translation>Slow resolution</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="51"/>
        <source>利用のない期間</source>
        <translation>Time without activity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="52"/>
        <source>推奨・紹介の声</source>
        <translation>Says they recommend</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="53"/>
        <source>推奨・紹介の声の数</source>
        <translation>How often they recommend</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="54"/>
        <source>紹介した人数</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="55"/>
        <source>紹介からの購入</source>
        <translation>Referrals who bought</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="56"/>
        <source>確からしさ</source>
        <translation>Strength of evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="59"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="63"/>
        <source>解約方法の問い合わせ</source>
        <translation>asks how to cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="64"/>
        <source>条件付きの解約</source>
        <translation>would cancel if…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="65"/>
        <source>乗り換え</source>
        <translation>switching</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="66"/>
        <source>もう利用しない</source>
        <translation>never again</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="67"/>
        <source>注文の取り消し</source>
        <translation>cancels an order</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="68"/>
        <source>解約の意思</source>
        <translation>wants to cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="69"/>
        <source>利用の減少</source>
        <translation>using it less</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="70"/>
        <source>紹介</source>
        <translation>referred someone</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="71"/>
        <source>贈り物</source>
        <translation>gift</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="71"/>
        <source>レビュー・投稿</source>
        <translation>review / post</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="72"/>
        <source>コミュニティ</source>
        <translation>community</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="74"/>
        <source>例から</source>
        <translation>From examples</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="77"/>
        <source>有効</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="77"/>
        <source>統合済み</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="78"/>
        <source>削除済み</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="78"/>
        <source>廃止</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="80"/>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="81"/>
        <source>担当者</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="83"/>
        <location filename="../../voc_app/gui/labels.py" line="130"/>
        <source>プロジェクト</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="83"/>
        <location filename="../../voc_app/gui/labels.py" line="124"/>
        <location filename="../../voc_app/gui/labels.py" line="126"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="86"/>
        <source>空欄の回答</source>
        <translation>empty answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="87"/>
        <source>本文のないメッセージ</source>
        <translation>messages without text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="88"/>
        <source>空の行</source>
        <translation>blank rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="88"/>
        <source>重複した行</source>
        <translation>duplicate rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="89"/>
        <source>取り込み済みの行</source>
        <translation>rows imported before</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="90"/>
        <source>スタンプ・定型文だけのメッセージ</source>
        <translation>stickers / canned messages only</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="91"/>
        <source>本文のない評価</source>
        <translation>ratings without text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="92"/>
        <source>顧客 ID のない行</source>
        <translation>rows without a customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="93"/>
        <source>紹介者 ID のない行</source>
        <translation>rows without a referrer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="95"/>
        <source>Excel の CSV</source>
        <translation>Excel CSV</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="96"/>
        <source>Google フォーム</source>
        <translation>Google Forms</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="98"/>
        <source>クエスタント</source>
        <translation>Questant</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="99"/>
        <source>一般的な表</source>
        <translation>Generic table</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="101"/>
        <source>LINE トーク履歴</source>
        <translation>LINE chat history</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="102"/>
        <source>アプリのレビュー</source>
        <translation>App reviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="103"/>
        <source>インタビュー記録</source>
        <translation>Interview notes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="108"/>
        <source>未回答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="109"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="112"/>
        <source>形式の更新の前</source>
        <translation>Before a format upgrade</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="113"/>
        <source>学習し直す前</source>
        <translation>Before a refit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="114"/>
        <source>コードブックの取り込みの前</source>
        <translation>Before a codebook import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="115"/>
        <source>統合の前</source>
        <translation>Before a merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="116"/>
        <source>編集（自動）</source>
        <translation>Edits (automatic)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="117"/>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="118"/>
        <source>復元の前</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="119"/>
        <source>復元の前（壊れたファイル）</source>
        <translation>Before a restore (damaged file)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="121"/>
        <location filename="../../voc_app/gui/labels.py" line="126"/>
        <source>コード付け</source>
        <translation>Codings</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="121"/>
        <location filename="../../voc_app/gui/labels.py" line="127"/>
        <source>メモ</source>
        <translation>Memos</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="123"/>
        <location filename="../../voc_app/gui/labels.py" line="127"/>
        <source>ラベル修正</source>
        <translation>Label corrections</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="124"/>
        <location filename="../../voc_app/gui/labels.py" line="128"/>
        <source>顧客の確認</source>
        <translation>Customer reviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="125"/>
        <location filename="../../voc_app/gui/labels.py" line="128"/>
        <source>表記ゆれ</source>
        <translation>Spelling variants</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="131"/>
        <source>同梱</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="133"/>
        <source>出荷時のモデル</source>
        <translation>shipped model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="134"/>
        <source>学習したモデル</source>
        <translation>learned model</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="135"/>
        <source>人が修正</source>
        <translation>corrected by a person</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="138"/>
        <source>どれでも</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="181"/>
        <location filename="../../voc_app/gui/labels.py" line="190"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="68"/>
        <source>設問・チャネル</source>
        <translation>Question / channel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="81"/>
        <location filename="../../voc_app/gui/models.py" line="69"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="61"/>
        <location filename="../../voc_app/gui/labels.py" line="136"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="62"/>
        <location filename="../../voc_app/gui/labels.py" line="137"/>
        <source>推奨・紹介</source>
        <translation>Advocacy / referral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="28"/>
        <source>アンバサダー</source>
        <translation>Ambassador</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="28"/>
        <source>ロイヤル</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="29"/>
        <location filename="../../voc_app/gui/labels.py" line="59"/>
        <source>解約リスク</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="29"/>
        <source>要注意</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="30"/>
        <source>休眠</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="30"/>
        <location filename="../../voc_app/gui/labels.py" line="82"/>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="31"/>
        <location filename="../../voc_app/gui/labels.py" line="107"/>
        <source>推奨者</source>
        <translation>Promoters</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="31"/>
        <location filename="../../voc_app/gui/labels.py" line="107"/>
        <source>中立者</source>
        <translation>Passives</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="32"/>
        <location filename="../../voc_app/gui/labels.py" line="108"/>
        <source>批判者</source>
        <translation>Detractors</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="32"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="57"/>
        <source>確認済み</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="57"/>
        <source>対象外</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="58"/>
        <source>連絡済み</source>
        <translation>Contacted</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="162"/>
        <source>新しい回答を単語に分解</source>
        <translation>Tokenising new answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="162"/>
        <source>単語に分解</source>
        <translation>Tokenising</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="163"/>
        <source>検索索引を更新しています</source>
        <translation>updating the search index</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="164"/>
        <source>顧客ごとの行動を集計しています</source>
        <translation>summarising behaviour per customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="164"/>
        <source>ルールを評価中</source>
        <translation>Evaluating rules</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="165"/>
        <source>自動コードを保存中</source>
        <translation>Saving auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="165"/>
        <source>クラスタリングとラベル</source>
        <translation>Clustering and labels</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="166"/>
        <source>特徴量</source>
        <translation>Features</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="166"/>
        <source>代表的な声</source>
        <translation>Representative voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="167"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="167"/>
        <source>顧客を評価</source>
        <translation>Scoring customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="168"/>
        <source>一致率を計算</source>
        <translation>Compute agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="168"/>
        <source>クロス集計</source>
        <translation>Cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="169"/>
        <source>語を数えています</source>
        <translation>Counting words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="169"/>
        <source>発言一覧</source>
        <translation>Verbatim list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="170"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="170"/>
        <source>保存</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="170"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="171"/>
        <source>件</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="173"/>
        <source>相手のコピーを読んでいます</source>
        <translation>Reading the other copy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="173"/>
        <source>統合しています</source>
        <translation>Merging</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="174"/>
        <source>いまの状態をバックアップしています</source>
        <translation>Backing up the current state</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="175"/>
        <source>バックアップしています</source>
        <translation>Backing up</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="175"/>
        <source>復元しています</source>
        <translation>Restoring</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <location filename="../../voc_app/gui/runtime.py" line="107"/>
        <source>予期しないエラーが起きました: {0}: {1}

詳細はログに保存しました（送っていただければ調べます）:
{2}</source>
        <translation>An unexpected error occurred: {0}: {1}

The details were saved to a log (send it to us and we will look into it):
{2}</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <location filename="../../voc_app/gui/topic_widgets.py" line="21"/>
        <source>2 つの話題が混ざっているようです。分割できます</source>
        <translation>This topic seems to mix two themes. It can be split</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/topic_widgets.py" line="25"/>
        <source>混在</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/topic_widgets.py" line="57"/>
        <source>語: {0}</source>
        <translation>Words: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/topic_widgets.py" line="145"/>
        <source>（クリックで分割）</source>
        <translation> (click to split)</translation>
    </message>
</context>
</TS>
