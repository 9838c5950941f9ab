<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../../voc_app/gui/coding_view.py" line="211"/>
        <source>コーダー:</source>
        <translation>Coder:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="220"/>
        <source>他のコーダーのコードを隠す（ブラインド）</source>
        <translation>Hide other coders&apos; codes (blind)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="227"/>
        <source>すべての発言</source>
        <translation>All verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="227"/>
        <source>自分が未コードの発言</source>
        <translation>Not yet coded by me</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="228"/>
        <source>未確認の自動コードがある発言</source>
        <translation>Verbatims with pending auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="228"/>
        <source>選んだコードの発言</source>
        <translation>Verbatims of the selected code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="233"/>
        <source>発言を検索（Enter）</source>
        <translation>Search verbatims (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="246"/>
        <source>コード（数字キー）</source>
        <translation>Codes (number keys)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="246"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="253"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="253"/>
        <source>下位に追加</source>
        <translation>Add child</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="254"/>
        <source>名前</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="254"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="255"/>
        <source>移動</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="255"/>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="256"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="261"/>
        <source>コードの説明（定義・含める／含めない例）</source>
        <translation>Code description (definition, examples to include / exclude)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="262"/>
        <source>説明を保存</source>
        <translation>Save description</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="267"/>
        <source>{0:,} 件</source>
        <translation>{0:,} items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="292"/>
        <source>範囲を選んで 1〜9（選ばなければ発言全体）・Ctrl+K: コードを検索・0/Space: 該当なしで次へ・N/P: 次/前の未コード・Ctrl+Z / Ctrl+Shift+Z: 元に戻す／やり直し</source>
        <translation>Select a span and press 1–9 (no selection: the whole verbatim) · Ctrl+K: find a code · 0/Space: no code applies, next · N/P: next/previous uncoded · Ctrl+Z / Ctrl+Shift+Z: undo / redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="299"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="299"/>
        <source>コーダー</source>
        <translation>Coder</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="299"/>
        <source>箇所</source>
        <translation>Span</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="299"/>
        <source>由来</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="299"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="307"/>
        <source>外す (Del)</source>
        <translation>Remove (Del)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="308"/>
        <source>承認</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="309"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="310"/>
        <source>この発言のメモ</source>
        <translation>Memo on this verbatim</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="310"/>
        <source>メモを保存</source>
        <translation>Save memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="336"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="374"/>
        <source>{0:,}（子を含む）</source>
        <translation>Σ {0:,}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="380"/>
        <source>このコード {0:,} 件、下位コードを含めると {1:,} 件（同じ発言は 1 回と数えます）</source>
        <translation>This code {0:,}; with its sub-codes {1:,} (a verbatim counts once)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="401"/>
        <source>左の一覧から発言を選んでください</source>
        <translation>Choose a verbatim from the list on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="414"/>
        <source>元に戻す: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="450"/>
        <source>（発言全体）</source>
        <translation>(whole verbatim)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="473"/>
        <source>左でコードを選んでください</source>
        <translation>Choose a code on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="482"/>
        <source>{0:,}+ 件</source>
        <translation>{0:,}+ items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="512"/>
        <source>&lt;br&gt;ルール: &lt;code&gt;{0}&lt;/code&gt;</source>
        <translation>&lt;br&gt;Rule: &lt;code&gt;{0}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="513"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1:,} 件、下位コードを含めて {2:,} 件）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1:,}; {2:,} with sub-codes)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="514"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1:,} 件）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1:,} items)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="586"/>
        <source>コードを追加</source>
        <translation>Add code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="586"/>
        <source>コード名:</source>
        <translation>Code name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="598"/>
        <source>名前を変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="598"/>
        <source>新しい名前:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="608"/>
        <source>コードを統合</source>
        <translation>Merge codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="609"/>
        <source>選んだコードをどのコードに統合しますか（コード付けを移して削除）</source>
        <translation>Merge the selected code into which code? (its codings move there, then it is deleted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="619"/>
        <source>（最上位）</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="621"/>
        <source>コードを移動</source>
        <translation>Move code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="621"/>
        <source>移動先（親コード）:</source>
        <translation>Move under (parent code):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="629"/>
        <source>メモ（共有）:</source>
        <translation>Memo (shared):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="638"/>
        <source>コード「{0}」のメモ</source>
        <translation>Memo on code &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="641"/>
        <source>プロジェクトのメモ</source>
        <translation>Project memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="649"/>
        <source>コードを削除</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="650"/>
        <source>「{0}」と下位コード、そのコード付け {1:,} 件を削除します（Ctrl+Z で戻せます）</source>
        <translation>Delete &quot;{0}&quot;, its child codes and their {1:,} codings (Ctrl+Z brings them back)</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="766"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="766"/>
        <source>解約リスク</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="767"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="767"/>
        <source>スコア</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="767"/>
        <location filename="../../voc_app/gui/views.py" line="773"/>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="767"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="784"/>
        <source>メモ（確認の理由、連絡の内容）</source>
        <translation>Note (why, what was said when contacted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="773"/>
        <location filename="../../voc_app/gui/views.py" line="808"/>
        <location filename="../../voc_app/gui/views.py" line="831"/>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="832"/>
        <source>&lt;h3&gt;{0}&#x3000;スコア {1:.0f}&lt;/h3&gt;&lt;p&gt;確認: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} — score {1:.0f}&lt;/h3&gt;&lt;p&gt;Review: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="834"/>
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
        <location filename="../../voc_app/gui/views.py" line="854"/>
        <source>ファイルを取り込む…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="858"/>
        <source>ファイルをウィンドウにドラッグしても取り込めます</source>
        <translation>You can also drag a file onto the window</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="861"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="861"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="861"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="861"/>
        <source>回答</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="861"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="862"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="862"/>
        <source>チケット</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="862"/>
        <source>重複スキップ</source>
        <translation>Duplicates skipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="862"/>
        <source>飛ばした行</source>
        <translation>Rows skipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="863"/>
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
        <location filename="../../voc_app/gui/app.py" line="317"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="243"/>
        <location filename="../../voc_app/gui/app.py" line="317"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="244"/>
        <location filename="../../voc_app/gui/app.py" line="317"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="244"/>
        <location filename="../../voc_app/gui/app.py" line="317"/>
        <source>顧客</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="245"/>
        <location filename="../../voc_app/gui/app.py" line="318"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="245"/>
        <location filename="../../voc_app/gui/app.py" line="318"/>
        <source>コード分析</source>
        <translation>Code analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="246"/>
        <location filename="../../voc_app/gui/app.py" line="318"/>
        <location filename="../../voc_app/gui/app.py" line="542"/>
        <source>取り込み</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="258"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="260"/>
        <source>トピックをコードに</source>
        <translation>Topic to code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="265"/>
        <source>確認を保存</source>
        <translation>Save review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="295"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="296"/>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="297"/>
        <source>新規プロジェクト…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="298"/>
        <source>最近使ったプロジェクト</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="300"/>
        <source>取り込み…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="301"/>
        <source>書き出し（Excel / CSV）…</source>
        <translation>Export (Excel / CSV)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="303"/>
        <source>コードブックを取り込み（.qdc / .csv）…</source>
        <translation>Import codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="304"/>
        <source>コードブックを書き出し（.qdc / .csv）…</source>
        <translation>Export codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="305"/>
        <source>コード付けを CSV に書き出し…</source>
        <translation>Export codings to CSV…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="307"/>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="308"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="309"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="310"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="311"/>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="312"/>
        <source>プロジェクトのメモ…</source>
        <translation>Project memo…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="313"/>
        <source>分析(&amp;A)</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="314"/>
        <source>分析を更新（新しい発言・評価・トピック）</source>
        <translation>Update analysis (new verbatims, scores, topics)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="314"/>
        <source>分析</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="316"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="321"/>
        <source>言語 / Language</source>
        <translation>Language / 言語</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="359"/>
        <source>{0}（見つかりません）</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="365"/>
        <source>履歴を消去</source>
        <translation>Clear the list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="400"/>
        <source>「{0}」の実行中です。終わるまでお待ちください。</source>
        <translation>&quot;{0}&quot; is running. Please wait until it finishes.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="610"/>
        <source>サンプルを用意</source>
        <translation>Preparing the sample</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="640"/>
        <source>{0} を開けません: {1}</source>
        <translation>Cannot open {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="753"/>
        <source>4月1日</source>
        <translation>April 1</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="392"/>
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
        <location filename="../../voc_app/gui/app.py" line="432"/>
        <source>{0}: 完了</source>
        <translation>{0}: done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="485"/>
        <source>トピックの編集</source>
        <translation>Topic edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="487"/>
        <source>元に戻しました: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="488"/>
        <source>元に戻す編集はありません</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="489"/>
        <source>やり直しました: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="490"/>
        <source>やり直す編集はありません</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="491"/>
        <source>トピックを編集しました（Ctrl+Z で元に戻す）</source>
        <translation>Topic edited (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="522"/>
        <source>トピック「{0}」の発言（検索・絞り込みを変えると解除）</source>
        <translation>Verbatims of topic &quot;{0}&quot; (cleared when the search or filters change)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="526"/>
        <location filename="../../voc_app/gui/app.py" line="765"/>
        <source>取り込むファイル</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="527"/>
        <source>アンケート・サポート・インタビュー・顧客データ (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;すべて (*)</source>
        <translation>Surveys, support, interviews, customer data (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="536"/>
        <source>数え直し</source>
        <translation>Counting again</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="545"/>
        <source>ファイルを確認</source>
        <translation>Check file</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="550"/>
        <source>{0}: 取り込みました（バッチ {1}、発言 {2:,}、重複スキップ {3:,}）— 分析も更新しました</source>
        <translation>{0}: imported (batch {1}, {2:,} verbatims, {3:,} duplicates skipped) — analysis updated</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="558"/>
        <source>該当する発言を数える</source>
        <translation>Count the matching verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="563"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="564"/>
        <location filename="../../voc_app/gui/app.py" line="581"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="567"/>
        <location filename="../../voc_app/gui/app.py" line="570"/>
        <source>コードブックを取り込み</source>
        <translation>Import codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="568"/>
        <source>コードブック (*.qdc *.csv);;すべて (*)</source>
        <translation>Codebook (*.qdc *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="572"/>
        <source>コードブックを取り込みました: 追加 {0}、更新 {1}（Ctrl+Z で元に戻す）</source>
        <translation>Codebook imported: {0} added, {1} updated (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="576"/>
        <location filename="../../voc_app/gui/app.py" line="580"/>
        <source>コードブックを書き出し</source>
        <translation>Export codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="578"/>
        <source>REFI-QDA コードブック (*.qdc);;CSV (*.csv)</source>
        <translation>REFI-QDA codebook (*.qdc);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="584"/>
        <location filename="../../voc_app/gui/app.py" line="588"/>
        <source>コード付けを書き出し</source>
        <translation>Export codings</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="585"/>
        <source>_コード付け.csv</source>
        <translation>_codings.csv</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="589"/>
        <source>{0:,} 件を書き出しました</source>
        <translation>{0:,} rows exported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="592"/>
        <source>プロジェクトを開く</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="593"/>
        <location filename="../../voc_app/gui/app.py" line="766"/>
        <source>VoC プロジェクト (*.voc);;すべて (*)</source>
        <translation>VoC project (*.voc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="600"/>
        <source>新規プロジェクト</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="601"/>
        <source>VoC プロジェクト (*.voc)</source>
        <translation>VoC project (*.voc)</translation>
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
        <location filename="../../voc_app/gui/views.py" line="211"/>
        <source>発言 {0:,}（無回答 {1:,}） ・ 顧客 {2:,} ・ 回答 {3:,} ・ チケット {4:,} ・ 取り込み {5}</source>
        <translation>Verbatims {0:,} (non-answers {1:,}) · customers {2:,} · responses {3:,} · tickets {4:,} · imports {5}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="219"/>
        <source>種類: </source>
        <translation>Sources: </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="223"/>
        <source>NPS の分布（NPS {0:+.1f}、{1:,} 件）</source>
        <translation>NPS distribution (NPS {0:+.1f}, {1:,} answers)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="228"/>
        <source>批判者 0–6</source>
        <translation>Detractors 0–6</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="228"/>
        <source>中立者 7–8</source>
        <translation>Passives 7–8</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="229"/>
        <source>推奨者 9–10</source>
        <translation>Promoters 9–10</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="231"/>
        <source>NPS の回答はありません</source>
        <translation>No NPS answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="237"/>
        <source>月別の喜びと不満</source>
        <translation>Delight and pain by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="244"/>
        <source>日付のある喜び・不満の声はまだありません（分析を更新すると数えます）</source>
        <translation>No dated delight or pain voices yet (updating the analysis counts them)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="250"/>
        <source>ロイヤルティ区分（前回から移動 {0} 人）</source>
        <translation>Loyalty segments ({0} moved since last time)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="256"/>
        <source>顧客の評価はまだありません（分析を更新すると評価します）</source>
        <translation>No customers scored yet (updating the analysis scores them)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="257"/>
        <source>喜びのトピック上位</source>
        <translation>Top delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="258"/>
        <source>不満のトピック上位</source>
        <translation>Top pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="264"/>
        <source>まだありません（トピック画面で推定します）</source>
        <translation>None yet (fit them in the Topics view)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="266"/>
        <source>{0}&#x3000;&lt;b&gt;{1:,}&lt;/b&gt; 件（{2:.0f}%）</source>
        <translation>{0}  &lt;b&gt;{1:,}&lt;/b&gt; ({2:.0f}%)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="272"/>
        <source>前回の評価からの変化</source>
        <translation>Changes since the last scoring</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="275"/>
        <source>前回の評価はまだありません（取り込みのたびに比べます）</source>
        <translation>No earlier scoring yet (compared at each import)</translation>
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
        <location filename="../../voc_app/gui/views.py" line="499"/>
        <source>喜びのトピック</source>
        <translation>Delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="499"/>
        <source>不満のトピック</source>
        <translation>Pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="506"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="506"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="506"/>
        <location filename="../../voc_app/gui/views.py" line="539"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="506"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="553"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="554"/>
        <source>分割</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="556"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="558"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="561"/>
        <source>推定し直す</source>
        <translation>Refit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="562"/>
        <location filename="../../voc_app/gui/views.py" line="709"/>
        <source>まれな声</source>
        <translation>Rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="539"/>
        <source>トピック間マップ</source>
        <translation>Intertopic map</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="539"/>
        <source>月別の推移</source>
        <translation>Trend by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="552"/>
        <source>名前を変更…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="552"/>
        <source>選んだトピックの名前を変えます（F2）</source>
        <translation>Rename the selected topic (F2)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="553"/>
        <source>選んだ 2 つ以上のトピックを 1 つにまとめます（Ctrl / Shift + クリックで複数選択）</source>
        <translation>Merge the two or more selected topics into one (Ctrl / Shift + click selects several)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="554"/>
        <source>選んだトピックの回答を 2 つのトピックに分け直します</source>
        <translation>Split the selected topic’s answers into two topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="555"/>
        <source>回答を移動…</source>
        <translation>Move answers…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="555"/>
        <source>選んだトピックの回答の一部を、別のトピックかまれな声へ移します</source>
        <translation>Move some of the selected topic’s answers to another topic or to the rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="556"/>
        <source>選んだトピックを削除します。回答はまれな声になります（Del）</source>
        <translation>Delete the selected topic; its answers become rare voices (Del)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="558"/>
        <source>このマップの最後の編集を取り消します（Ctrl+Z）</source>
        <translation>Undo the last edit of this map (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="559"/>
        <source>取り消した編集をやり直します（Ctrl+Shift+Z）</source>
        <translation>Redo the edit you undid (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="561"/>
        <source>このマップのトピックを最初から推定し直します（名前を付けたトピックと移した回答は残ります）</source>
        <translation>Fit this map’s topics again from scratch (named topics and moved answers are kept)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="562"/>
        <source>どのトピックにも入らなかった少数の声を一覧します</source>
        <translation>List the few voices that fit no topic</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="564"/>
        <source>コードにする</source>
        <translation>Make a code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="564"/>
        <source>選んだトピックをコードブックのコードにし、その回答に未確認の自動コードとして付けます（コーディング画面で承認・却下できます）</source>
        <translation>Add the selected topic to the codebook as a code and tag its answers with it as pending auto-codes (accept or reject them in the Coding view)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="631"/>
        <source>回答 {0:,} 件 ・ トピック {1} ・ まれな声 {2:,} 件</source>
        <translation>{0:,} answers · {1} topics · {2:,} rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="633"/>
        <source>まだ推定していません — 「推定し直す」で推定します</source>
        <translation>Not fitted yet — press &quot;Refit&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="637"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;トピックはまだありません。発言を取り込んで分析を更新（F5）すると、喜びと不満の声がトピックにまとまります。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;No topics yet. Import verbatims and update the analysis (F5): delight and pain voices are grouped into topics.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="640"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;トピックを選ぶと、語・代表的な声・件数と推移を表示します。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Select a topic to see its words, typical voices, size and trend.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="678"/>
        <source>&lt;p&gt;シード語: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seed words: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="679"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;2 つの話題が混ざっているようです — 「分割」で分けられます&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;This topic seems to mix two themes — “Split” separates them&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="683"/>
        <source>&lt;p&gt;{0:,} 件（{1:.1f}%） ・ 自動ラベル: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;語&lt;/b&gt;: {3}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0:,} answers ({1:.1f}%) · automatic label: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Words&lt;/b&gt;: {3}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="686"/>
        <source>&lt;p&gt;&lt;b&gt;代表的な声&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Representative voices&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="687"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;ダブルクリックでこのトピックの発言を一覧&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Double-click to list this topic&apos;s verbatims&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="714"/>
        <source>トピックの名前</source>
        <translation>Topic name</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="714"/>
        <source>名前:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>VerbatimModel</name>
    <message>
        <location filename="../../voc_app/gui/models.py" line="172"/>
        <source>解約</source>
        <translation>Churn</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="172"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
</context>
<context>
    <name>VerbatimsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="298"/>
        <source>検索（例: 配送、解約）— Enter で検索</source>
        <translation>Search (e.g. 配送, 解約) — Enter to search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="303"/>
        <source>種類</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="303"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="304"/>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="305"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="305"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="305"/>
        <source>推奨・紹介</source>
        <translation>Advocacy / referral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="308"/>
        <source>{0}: すべて</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="315"/>
        <source>顧客 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="327"/>
        <source>設問・チャネル: すべて</source>
        <translation>Question / channel: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="333"/>
        <source>開始日 2025-01-01</source>
        <translation>From 2025-01-01</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="334"/>
        <source>終了日 2025-06-30</source>
        <translation>To 2025-06-30</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="345"/>
        <source>属性 例: 年代=30代（Enter）</source>
        <translation>Attribute e.g. 年代=30代 (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="363"/>
        <source>発言と根拠</source>
        <translation>Verbatim and evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="364"/>
        <source>KWIC（検索語の前後）</source>
        <translation>KWIC (context of the search term)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="399"/>
        <source>日付が読めません: {0}（例 2025-04-01）</source>
        <translation>Cannot read the date: {0} (e.g. 2025-04-01)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="406"/>
        <source>属性は 名前=値 の形で（例 年代=30代）</source>
        <translation>Write the attribute as name=value (e.g. 年代=30代)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="418"/>
        <source>{0:,}+ 件（数えています…）</source>
        <translation>{0:,}+ (counting…)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="423"/>
        <source>{0:,} 件</source>
        <translation>{0:,} items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="447"/>
        <source>根拠</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="452"/>
        <source>確からしさ</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="462"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;検索語を入れると、その前後の文脈を一覧します。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Enter a search term to list its contexts.&lt;/p&gt;</translation>
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
    <name>labels</name>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="50"/>
        <source>手作業</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="50"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="51"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="52"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="52"/>
        <source>未確認</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="53"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/labels.py" line="38"/>
        <location filename="../../voc_app/gui/models.py" line="64"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/labels.py" line="39"/>
        <location filename="../../voc_app/gui/models.py" line="65"/>
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
        <location filename="../../voc_app/gui/models.py" line="63"/>
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
        <location filename="../../voc_app/gui/models.py" line="64"/>
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
        <location filename="../../voc_app/gui/labels.py" line="61"/>
        <location filename="../../voc_app/gui/models.py" line="65"/>
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
        <location filename="../../voc_app/gui/labels.py" line="81"/>
        <source>顧客リスト</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="21"/>
        <location filename="../../voc_app/gui/labels.py" line="82"/>
        <source>注文・利用履歴</source>
        <translation>Orders / usage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="22"/>
        <location filename="../../voc_app/gui/labels.py" line="82"/>
        <source>紹介ログ</source>
        <translation>Referral log</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="23"/>
        <location filename="../../voc_app/gui/labels.py" line="56"/>
        <source>喜び</source>
        <translation>Delight</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="23"/>
        <location filename="../../voc_app/gui/labels.py" line="56"/>
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
        <source>初回体験</source>
        <translation>First experience</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="25"/>
        <source>活用</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="26"/>
        <location filename="../../voc_app/gui/labels.py" line="47"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="36"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="40"/>
        <source>解約方法の問い合わせ</source>
        <translation>asks how to cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="41"/>
        <source>条件付きの解約</source>
        <translation>would cancel if…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="42"/>
        <source>乗り換え</source>
        <translation>switching</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="43"/>
        <source>もう利用しない</source>
        <translation>never again</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="44"/>
        <source>注文の取り消し</source>
        <translation>cancels an order</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="45"/>
        <source>解約の意思</source>
        <translation>wants to cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="46"/>
        <source>利用の減少</source>
        <translation>using it less</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="47"/>
        <source>紹介</source>
        <translation>referred someone</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="48"/>
        <source>贈り物</source>
        <translation>gift</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="48"/>
        <source>レビュー・投稿</source>
        <translation>review / post</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="49"/>
        <source>コミュニティ</source>
        <translation>community</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="54"/>
        <source>有効</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="54"/>
        <source>統合済み</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="55"/>
        <source>削除済み</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="55"/>
        <source>廃止</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="57"/>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="58"/>
        <source>担当者</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="60"/>
        <source>プロジェクト</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="60"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="63"/>
        <source>空欄の回答</source>
        <translation>empty answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="64"/>
        <source>本文のないメッセージ</source>
        <translation>messages without text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="65"/>
        <source>空の行</source>
        <translation>blank rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="65"/>
        <source>重複した行</source>
        <translation>duplicate rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="66"/>
        <source>取り込み済みの行</source>
        <translation>rows imported before</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="67"/>
        <source>スタンプ・定型文だけのメッセージ</source>
        <translation>stickers / canned messages only</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="68"/>
        <source>本文のない評価</source>
        <translation>ratings without text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="69"/>
        <source>顧客 ID のない行</source>
        <translation>rows without a customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="70"/>
        <source>紹介者 ID のない行</source>
        <translation>rows without a referrer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="72"/>
        <source>Excel の CSV</source>
        <translation>Excel CSV</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="73"/>
        <source>Google フォーム</source>
        <translation>Google Forms</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="75"/>
        <source>クエスタント</source>
        <translation>Questant</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="76"/>
        <source>一般的な表</source>
        <translation>Generic table</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="78"/>
        <source>LINE トーク履歴</source>
        <translation>LINE chat history</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="79"/>
        <source>アプリのレビュー</source>
        <translation>App reviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="80"/>
        <source>インタビュー記録</source>
        <translation>Interview notes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="85"/>
        <source>未回答</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="86"/>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="126"/>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="63"/>
        <source>設問・チャネル</source>
        <translation>Question / channel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="58"/>
        <location filename="../../voc_app/gui/models.py" line="64"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="65"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="38"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="39"/>
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
        <location filename="../../voc_app/gui/labels.py" line="36"/>
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
        <location filename="../../voc_app/gui/labels.py" line="59"/>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="31"/>
        <location filename="../../voc_app/gui/labels.py" line="84"/>
        <source>推奨者</source>
        <translation>Promoters</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="31"/>
        <location filename="../../voc_app/gui/labels.py" line="84"/>
        <source>中立者</source>
        <translation>Passives</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="32"/>
        <location filename="../../voc_app/gui/labels.py" line="85"/>
        <source>批判者</source>
        <translation>Detractors</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="32"/>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="34"/>
        <source>確認済み</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="34"/>
        <source>対象外</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/labels.py" line="35"/>
        <source>連絡済み</source>
        <translation>Contacted</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="161"/>
        <source>新しい回答を単語に分解</source>
        <translation>Tokenising new answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="161"/>
        <source>単語に分解</source>
        <translation>Tokenising</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="162"/>
        <source>検索索引を更新しています</source>
        <translation>updating the search index</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="163"/>
        <source>顧客ごとの行動を集計しています</source>
        <translation>summarising behaviour per customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="163"/>
        <source>ルールを評価中</source>
        <translation>Evaluating rules</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="164"/>
        <source>自動コードを保存中</source>
        <translation>Saving auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="164"/>
        <source>クラスタリングとラベル</source>
        <translation>Clustering and labels</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="165"/>
        <source>特徴量</source>
        <translation>Features</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="165"/>
        <source>代表的な声</source>
        <translation>Representative voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="166"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="166"/>
        <source>顧客を評価</source>
        <translation>Scoring customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="167"/>
        <source>一致率を計算</source>
        <translation>Compute agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="167"/>
        <source>クロス集計</source>
        <translation>Cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="168"/>
        <source>語を数えています</source>
        <translation>Counting words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="168"/>
        <source>発言一覧</source>
        <translation>Verbatim list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="169"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="169"/>
        <source>保存</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="169"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="170"/>
        <source>件</source>
        <translation>items</translation>
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
</TS>
