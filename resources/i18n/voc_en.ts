<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CodeAnalysisView</name>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="116"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="224"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="249"/>
        <source>コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="119"/>
        <source>例: (配送 | 届く) &amp; pain ・ &quot;箱が潰れ&quot; ・ 解約 &amp; !継続 ・ attr:年代=30代 ・ nps:0-6 ・ topic:12</source>
        <translation>e.g. (配送 | 届く) &amp; pain · &quot;箱が潰れ&quot; · 解約 &amp; !継続 · attr:年代=30代 · nps:0-6 · topic:12</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="121"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="123"/>
        <source>プレビュー (Enter)</source>
        <translation>Preview (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="124"/>
        <source>ルールを保存して自動コーディング</source>
        <translation>Save rule and auto-code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="125"/>
        <source>すべてのルールを適用</source>
        <translation>Apply all rules</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="126"/>
        <source>未確認を承認</source>
        <translation>Accept pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="127"/>
        <source>未確認を却下</source>
        <translation>Reject pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="128"/>
        <source>語は見出し語で照合します（届く → 届いた・届きました）。&amp; かつ、| または、! でない、&quot;…&quot; は文字列、pain / delight / churn / advocacy、stage:・kind:・question:・topic:・attr:・nps:・code: で条件を足せます。</source>
        <translation>Words match by dictionary form (届く → 届いた, 届きました). &amp; and, | or, ! not, &quot;…&quot; a literal string; add conditions with pain / delight / churn / advocacy, stage:, kind:, question:, topic:, attr:, nps:, code:.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="136"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="175"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="177"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="181"/>
        <source>自動コーディング</source>
        <translation>Auto-coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="151"/>
        <source>ルールのプレビュー</source>
        <translation>Rule preview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="156"/>
        <source>&lt;b&gt;{0:,}&lt;/b&gt; / {1:,} 件が該当（{2}）— 例を {3} 件表示</source>
        <translation>&lt;b&gt;{0:,}&lt;/b&gt; of {1:,} match ({2}) — showing {3} examples</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="169"/>
        <source>&lt;p&gt;該当なし&lt;/p&gt;</source>
        <translation>&lt;p&gt;No match&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="175"/>
        <source>コードを選び、ルールを書いてください</source>
        <translation>Choose a code and write a rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="187"/>
        <source>ルールのあるコードがありません</source>
        <translation>No code has a rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="188"/>
        <source>{0}: 該当 {1:,} 件（新規 {2:,}・外れた未確認 {3:,}）— 未確認として付けました。コーディング画面の「未確認の自動コードがある発言」で確認できます</source>
        <translation>{0}: {1:,} matches ({2:,} new, {3:,} pending removed) — added as pending. Review them in Coding under &quot;Verbatims with pending auto-codes&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="195"/>
        <source>自動コードの確認</source>
        <translation>Review auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="196"/>
        <source>{0:,} 件を{1}しました</source>
        <translation>{1}: {0:,} done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="197"/>
        <source>承認</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="197"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="204"/>
        <source>比べるコーダー（2 人以上）</source>
        <translation>Coders to compare (2 or more)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="209"/>
        <source>一致率を計算</source>
        <translation>Compute agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="222"/>
        <source>不一致（ダブルクリックで発言を開く）</source>
        <translation>Disagreements (double-click to open the verbatim)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="224"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="249"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="224"/>
        <source>付けた</source>
        <translation>Coded</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="224"/>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="228"/>
        <source>不一致</source>
        <translation>Disagreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="231"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="237"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="239"/>
        <source>一致率</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="237"/>
        <source>コーダーを 2 人以上選んでください</source>
        <translation>Choose at least 2 coders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="246"/>
        <source>共通に確認した発言 {0:,} 件 ・ 全体の一致率 {1} % ・ Cohen の κ {2} ・ Krippendorff の α {3}（発言ごとに各コードの有無で比較。κ は 2 人のとき）</source>
        <translation>{0:,} verbatims coded by all · overall agreement {1} % · Cohen&apos;s κ {2} · Krippendorff&apos;s α {3} (presence of each code per verbatim; κ for 2 coders)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="249"/>
        <source>一致率%</source>
        <translation>Agreement %</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="272"/>
        <source>コード ×</source>
        <translation>Code ×</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="278"/>
        <source>集計</source>
        <translation>Tabulate</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="280"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="292"/>
        <source>クロス集計</source>
        <translation>Cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="290"/>
        <source>件数（列の回答に占める割合）。色: 調整済み残差 &gt; 1.96 は多い（赤）、&lt; −1.96 は少ない（青）。セルをダブルクリックでその発言を開く</source>
        <translation>Count (share of the column&apos;s answers). Colour: adjusted residual &gt; 1.96 more than expected (red), &lt; −1.96 fewer (blue). Double-click a cell to open its verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="303"/>
        <source>計</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="314"/>
        <source>調整済み残差 {0:.2f}</source>
        <translation>Adjusted residual {0:.2f}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="325"/>
        <source>発言を開く</source>
        <translation>Open verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="334"/>
        <source>品詞: すべて</source>
        <translation>Part of speech: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="339"/>
        <source>属性別: なし</source>
        <translation>By attribute: none</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="343"/>
        <source>頻度</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="345"/>
        <source>語の頻度</source>
        <translation>Word frequency</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="349"/>
        <source>KWIC の語（例: 届く）</source>
        <translation>KWIC word (e.g. 届く)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="352"/>
        <source>最小出現</source>
        <translation>Min. count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="357"/>
        <source>エッジ数</source>
        <translation>Edges</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="362"/>
        <source>コードの共起</source>
        <translation>Code co-occurrence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="364"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="366"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="384"/>
        <source>共起ネットワーク</source>
        <translation>Co-occurrence network</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="370"/>
        <source>画像を保存…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="390"/>
        <location filename="../../voc_app/gui/code_analysis.py" line="394"/>
        <source>語</source>
        <translation>Words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="394"/>
        <source>品詞</source>
        <translation>POS</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="394"/>
        <source>出現</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="394"/>
        <source>文書</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="408"/>
        <source>KWIC</source>
        <translation>KWIC</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="414"/>
        <source>&lt;p&gt;{0:,} 行&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0:,} lines&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="424"/>
        <source>ネットワークを保存</source>
        <translation>Save network</translation>
    </message>
</context>
<context>
    <name>CodePalette</name>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="163"/>
        <source>コードを選ぶ</source>
        <translation>Choose a code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="167"/>
        <source>コード名の一部（↑↓で選んで Enter）</source>
        <translation>Part of a code name (↑↓ to choose, Enter)</translation>
    </message>
</context>
<context>
    <name>CodingView</name>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="217"/>
        <source>コーダー:</source>
        <translation>Coder:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="226"/>
        <source>他のコーダーのコードを隠す（ブラインド）</source>
        <translation>Hide other coders&apos; codes (blind)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="233"/>
        <source>すべての発言</source>
        <translation>All verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="233"/>
        <source>自分が未コードの発言</source>
        <translation>Not yet coded by me</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="234"/>
        <source>未確認の自動コードがある発言</source>
        <translation>Verbatims with pending auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="234"/>
        <source>選んだコードの発言</source>
        <translation>Verbatims of the selected code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="239"/>
        <source>発言を検索（Enter）</source>
        <translation>Search verbatims (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="252"/>
        <source>コード（数字キー）</source>
        <translation>Codes (number keys)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="252"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="257"/>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="257"/>
        <source>下位に追加</source>
        <translation>Add child</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="258"/>
        <source>名前</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="258"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="259"/>
        <source>移動</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="259"/>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="260"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="265"/>
        <source>コードの説明（定義・含める／含めない例）</source>
        <translation>Code description (definition, examples to include / exclude)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="266"/>
        <source>説明を保存</source>
        <translation>Save description</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="271"/>
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
        <location filename="../../voc_app/gui/coding_view.py" line="322"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="382"/>
        <source>左の一覧から発言を選んでください</source>
        <translation>Choose a verbatim from the list on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="395"/>
        <source>元に戻す: {0}</source>
        <translation>Undo: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="431"/>
        <source>（発言全体）</source>
        <translation>(whole verbatim)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="454"/>
        <source>左でコードを選んでください</source>
        <translation>Choose a code on the left</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="463"/>
        <source>{0:,}+ 件</source>
        <translation>{0:,}+ items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="493"/>
        <source>&lt;br&gt;ルール: &lt;code&gt;{0}&lt;/code&gt;</source>
        <translation>&lt;br&gt;Rule: &lt;code&gt;{0}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="494"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1:,} 件）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1:,} items)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="565"/>
        <source>コードを追加</source>
        <translation>Add code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="565"/>
        <source>コード名:</source>
        <translation>Code name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="577"/>
        <source>名前を変更</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="577"/>
        <source>新しい名前:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="587"/>
        <source>コードを統合</source>
        <translation>Merge codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="588"/>
        <source>選んだコードをどのコードに統合しますか（コード付けを移して削除）</source>
        <translation>Merge the selected code into which code? (its codings move there, then it is deleted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="598"/>
        <source>（最上位）</source>
        <translation>(top level)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="600"/>
        <source>コードを移動</source>
        <translation>Move code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="600"/>
        <source>移動先（親コード）:</source>
        <translation>Move under (parent code):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="608"/>
        <source>メモ（共有）:</source>
        <translation>Memo (shared):</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="617"/>
        <source>コード「{0}」のメモ</source>
        <translation>Memo on code &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="620"/>
        <source>プロジェクトのメモ</source>
        <translation>Project memo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="628"/>
        <source>コードを削除</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="629"/>
        <source>「{0}」と下位コード、そのコード付け {1:,} 件を削除します（Ctrl+Z で戻せます）</source>
        <translation>Delete &quot;{0}&quot;, its child codes and their {1:,} codings (Ctrl+Z brings them back)</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="547"/>
        <source>アンバサダー候補</source>
        <translation>Ambassador candidates</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="547"/>
        <source>解約リスク</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="548"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="548"/>
        <source>スコア</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="548"/>
        <location filename="../../voc_app/gui/views.py" line="554"/>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="548"/>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="565"/>
        <source>メモ（確認の理由、連絡の内容）</source>
        <translation>Note (why, what was said when contacted)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="554"/>
        <location filename="../../voc_app/gui/views.py" line="589"/>
        <location filename="../../voc_app/gui/views.py" line="612"/>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="613"/>
        <source>&lt;h3&gt;{0}&#x3000;スコア {1:.0f}&lt;/h3&gt;&lt;p&gt;確認: {2}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} — score {1:.0f}&lt;/h3&gt;&lt;p&gt;Review: {2}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="615"/>
        <source>&lt;p&gt;&lt;b&gt;時系列&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Timeline&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="211"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="215"/>
        <source>VoC_サマリー.xlsx</source>
        <translation>VoC_summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="217"/>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="221"/>
        <source>ファイル（.xlsx / .csv）</source>
        <translation>File (.xlsx / .csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="222"/>
        <source>個人情報を伏せる（メール・電話・住所・氏名、顧客 ID は仮名）</source>
        <translation>Mask personal data (e-mail, phone, address, names; pseudonymous customer IDs)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="233"/>
        <source>期間（空欄は全期間）</source>
        <translation>Period (empty: all)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="240"/>
        <source>書き出し先</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="241"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="64"/>
        <source>取り込み: {0}</source>
        <translation>Import: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="75"/>
        <source>形式: &lt;b&gt;{0}&lt;/b&gt;（確度 {1:.0%}）— {2}&lt;br&gt;文字コード: {3}</source>
        <translation>Format: &lt;b&gt;{0}&lt;/b&gt; (confidence {1:.0%}) — {2}&lt;br&gt;Encoding: {3}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="77"/>
        <source>（Excel / Word ファイル）</source>
        <translation>(Excel / Word file)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="81"/>
        <source>列の役割（変更すると件数を数え直します）、その理由と先頭の行:</source>
        <translation>Column roles (changing one counts again), why each was chosen, and the first rows:</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="86"/>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="86"/>
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="108"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="110"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="134"/>
        <source>&lt;p&gt;&lt;b&gt;件数を数え直しています…&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Counting again…&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="166"/>
        <source>&lt;p style=&apos;color:#B00020&apos;&gt;&lt;b&gt;この役割では取り込めません&lt;/b&gt;: {0}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B00020&apos;&gt;&lt;b&gt;Cannot import with these roles&lt;/b&gt;: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="182"/>
        <source>&lt;p&gt;&lt;b&gt;取り込むと&lt;/b&gt;: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Importing adds&lt;/b&gt;: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="184"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;同じファイルを取り込み済みです（バッチ {0}）。重複は取り込まれません。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;This file was already imported (batch {0}). Duplicates will not be imported.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="187"/>
        <source>飛ばす行: </source>
        <translation>Rows skipped: </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="189"/>
        <source>&lt;p style=&apos;color:#B45F06&apos;&gt;注意 {0:,}:&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#B45F06&apos;&gt;Warnings {0:,}:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="635"/>
        <source>ファイルを取り込む…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="639"/>
        <source>ファイルをウィンドウにドラッグしても取り込めます</source>
        <translation>You can also drag a file onto the window</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="642"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="642"/>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="642"/>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="642"/>
        <source>回答</source>
        <translation>Responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="642"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="643"/>
        <source>チケット</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="643"/>
        <source>重複スキップ</source>
        <translation>Duplicates skipped</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="643"/>
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
        <location filename="../../voc_app/gui/app.py" line="169"/>
        <source>VoC Analyzer — {0}</source>
        <translation>VoC Analyzer — {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="180"/>
        <location filename="../../voc_app/gui/app.py" line="251"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="180"/>
        <location filename="../../voc_app/gui/app.py" line="251"/>
        <source>発言</source>
        <translation>Verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="181"/>
        <location filename="../../voc_app/gui/app.py" line="251"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="181"/>
        <location filename="../../voc_app/gui/app.py" line="251"/>
        <source>顧客</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="182"/>
        <location filename="../../voc_app/gui/app.py" line="252"/>
        <source>コーディング</source>
        <translation>Coding</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="182"/>
        <location filename="../../voc_app/gui/app.py" line="252"/>
        <source>コード分析</source>
        <translation>Code analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="183"/>
        <location filename="../../voc_app/gui/app.py" line="252"/>
        <location filename="../../voc_app/gui/app.py" line="444"/>
        <source>取り込み</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="195"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="197"/>
        <source>トピックをコードに</source>
        <translation>Topic to code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="202"/>
        <source>確認を保存</source>
        <translation>Save review</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="229"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="230"/>
        <source>開く…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="231"/>
        <source>新規プロジェクト…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="232"/>
        <source>最近使ったプロジェクト</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="234"/>
        <source>取り込み…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="235"/>
        <source>書き出し（Excel / CSV）…</source>
        <translation>Export (Excel / CSV)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="237"/>
        <source>コードブックを取り込み（.qdc / .csv）…</source>
        <translation>Import codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="238"/>
        <source>コードブックを書き出し（.qdc / .csv）…</source>
        <translation>Export codebook (.qdc / .csv)…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="239"/>
        <source>コード付けを CSV に書き出し…</source>
        <translation>Export codings to CSV…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="241"/>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="242"/>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="243"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="244"/>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="245"/>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="246"/>
        <source>プロジェクトのメモ…</source>
        <translation>Project memo…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="247"/>
        <source>分析(&amp;A)</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="248"/>
        <source>分析を更新（新しい発言・評価・トピック）</source>
        <translation>Update analysis (new verbatims, scores, topics)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="248"/>
        <source>分析</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="250"/>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="255"/>
        <source>言語 / Language</source>
        <translation>Language / 言語</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="302"/>
        <source>「{0}」の実行中です。終わるまでお待ちください。</source>
        <translation>&quot;{0}&quot; is running. Please wait until it finishes.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="294"/>
        <source>{0}をキャンセルしました。プロジェクトは変更されていません。</source>
        <translation>{0} cancelled. The project was not changed.</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="134"/>
        <source>{0} を新しい形式に更新しています…</source>
        <translation>Updating {0} to the new format…</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="334"/>
        <source>{0}: 完了</source>
        <translation>{0}: done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="387"/>
        <source>トピックの編集</source>
        <translation>Topic edit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="389"/>
        <source>元に戻しました: {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="390"/>
        <source>元に戻す編集はありません</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="391"/>
        <source>やり直しました: {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="392"/>
        <source>やり直す編集はありません</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="393"/>
        <source>トピックを編集しました（Ctrl+Z で元に戻す）</source>
        <translation>Topic edited (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="424"/>
        <source>トピック「{0}」の発言（検索・絞り込みを変えると解除）</source>
        <translation>Verbatims of topic &quot;{0}&quot; (cleared when the search or filters change)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="428"/>
        <source>取り込むファイル</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="429"/>
        <source>アンケート・サポート・インタビュー・顧客データ (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;すべて (*)</source>
        <translation>Surveys, support, interviews, customer data (*.csv *.tsv *.txt *.xlsx *.xlsm *.json *.jsonl *.md *.docx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="438"/>
        <source>数え直し</source>
        <translation>Counting again</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="447"/>
        <source>ファイルを確認</source>
        <translation>Check file</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="452"/>
        <source>{0}: 取り込みました（バッチ {1}、発言 {2:,}、重複スキップ {3:,}）— 分析も更新しました</source>
        <translation>{0}: imported (batch {1}, {2:,} verbatims, {3:,} duplicates skipped) — analysis updated</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="462"/>
        <source>書き出し</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="463"/>
        <location filename="../../voc_app/gui/app.py" line="480"/>
        <source>書き出しました: {0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="466"/>
        <location filename="../../voc_app/gui/app.py" line="469"/>
        <source>コードブックを取り込み</source>
        <translation>Import codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="467"/>
        <source>コードブック (*.qdc *.csv);;すべて (*)</source>
        <translation>Codebook (*.qdc *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="471"/>
        <source>コードブックを取り込みました: 追加 {0}、更新 {1}（Ctrl+Z で元に戻す）</source>
        <translation>Codebook imported: {0} added, {1} updated (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="475"/>
        <location filename="../../voc_app/gui/app.py" line="479"/>
        <source>コードブックを書き出し</source>
        <translation>Export codebook</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="477"/>
        <source>REFI-QDA コードブック (*.qdc);;CSV (*.csv)</source>
        <translation>REFI-QDA codebook (*.qdc);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="483"/>
        <location filename="../../voc_app/gui/app.py" line="487"/>
        <source>コード付けを書き出し</source>
        <translation>Export codings</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="484"/>
        <source>_コード付け.csv</source>
        <translation>_codings.csv</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="488"/>
        <source>{0:,} 件を書き出しました</source>
        <translation>{0:,} rows exported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="491"/>
        <source>プロジェクトを開く</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="492"/>
        <source>VoC プロジェクト (*.voc);;すべて (*)</source>
        <translation>VoC project (*.voc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="499"/>
        <source>新規プロジェクト</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/app.py" line="500"/>
        <source>VoC プロジェクト (*.voc)</source>
        <translation>VoC project (*.voc)</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="133"/>
        <source>発言 {0:,}（無回答 {1:,}） ・ 顧客 {2:,} ・ 回答 {3:,} ・ チケット {4:,} ・ 取り込み {5}</source>
        <translation>Verbatims {0:,} (non-answers {1:,}) · customers {2:,} · responses {3:,} · tickets {4:,} · imports {5}</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="140"/>
        <source>種類: </source>
        <translation>Sources: </translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="144"/>
        <source>NPS の分布（NPS {0:+.1f}、{1:,} 件）</source>
        <translation>NPS distribution (NPS {0:+.1f}, {1:,} answers)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="147"/>
        <source>NPS の回答はありません</source>
        <translation>No NPS answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="152"/>
        <source>月別の喜び（青）と不満（赤）</source>
        <translation>Delight (blue) and pain (red) by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="158"/>
        <source>ロイヤルティ区分（前回から移動 {0} 人）</source>
        <translation>Loyalty segments ({0} moved since last time)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="160"/>
        <source>喜びのトピック上位</source>
        <translation>Top delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="161"/>
        <source>不満のトピック上位</source>
        <translation>Top pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="167"/>
        <source>まだありません（トピック画面で推定します）</source>
        <translation>None yet (fit them in the Topics view)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="169"/>
        <source>{0}&#x3000;&lt;b&gt;{1:,}&lt;/b&gt; 件（{2:.0f}%）</source>
        <translation>{0}  &lt;b&gt;{1:,}&lt;/b&gt; ({2:.0f}%)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="174"/>
        <source>前回の評価からの変化</source>
        <translation>Changes since the last scoring</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="177"/>
        <source>前回の評価はまだありません（取り込みのたびに比べます）</source>
        <translation>No earlier scoring yet (compared at each import)</translation>
    </message>
</context>
<context>
    <name>TopicsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="385"/>
        <source>喜びのトピック</source>
        <translation>Delight topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="385"/>
        <source>不満のトピック</source>
        <translation>Pain topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="391"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="391"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="391"/>
        <location filename="../../voc_app/gui/views.py" line="422"/>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="391"/>
        <source>割合</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="403"/>
        <source>名前</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="403"/>
        <source>統合</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="403"/>
        <source>分割</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="404"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="404"/>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="405"/>
        <source>推定し直す</source>
        <translation>Refit</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="405"/>
        <location filename="../../voc_app/gui/views.py" line="517"/>
        <source>まれな声</source>
        <translation>Rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="406"/>
        <source>コードに</source>
        <translation>To code</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="422"/>
        <source>トピック間マップ</source>
        <translation>Intertopic map</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="422"/>
        <source>月別の推移</source>
        <translation>Trend by month</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="444"/>
        <source>回答 {0:,} 件 ・ トピック {1} ・ まれな声 {2:,} 件</source>
        <translation>{0:,} answers · {1} topics · {2:,} rare voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="446"/>
        <source>まだ推定していません — 「推定し直す」で推定します</source>
        <translation>Not fitted yet — press &quot;Refit&quot;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="489"/>
        <source>&lt;p&gt;シード語: {0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seed words: {0}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="492"/>
        <source>&lt;p&gt;{0:,} 件（{1:.1f}%） ・ 自動ラベル: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;語&lt;/b&gt;: {3}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{0:,} answers ({1:.1f}%) · automatic label: {2}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Words&lt;/b&gt;: {3}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="494"/>
        <source>&lt;p&gt;&lt;b&gt;代表的な声&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Representative voices&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="495"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;ダブルクリックでこのトピックの発言を一覧&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Double-click to list this topic&apos;s verbatims&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="522"/>
        <source>トピックの名前</source>
        <translation>Topic name</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="522"/>
        <source>名前:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>VerbatimModel</name>
    <message>
        <location filename="../../voc_app/gui/models.py" line="178"/>
        <source>解約</source>
        <translation>Churn</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="178"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
</context>
<context>
    <name>VerbatimsView</name>
    <message>
        <location filename="../../voc_app/gui/views.py" line="196"/>
        <source>検索（例: 配送、解約）— Enter で検索</source>
        <translation>Search (e.g. 配送, 解約) — Enter to search</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="201"/>
        <source>種類</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="201"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="202"/>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="203"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="203"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="203"/>
        <source>推奨・紹介</source>
        <translation>Advocacy / referral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="206"/>
        <source>{0}: すべて</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="213"/>
        <source>顧客 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="225"/>
        <source>設問・チャネル: すべて</source>
        <translation>Question / channel: all</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="230"/>
        <source>開始日 2025-01-01</source>
        <translation>From 2025-01-01</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="231"/>
        <source>終了日 2025-06-30</source>
        <translation>To 2025-06-30</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="240"/>
        <source>属性 例: 年代=30代（Enter）</source>
        <translation>Attribute e.g. 年代=30代 (Enter)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="258"/>
        <source>発言と根拠</source>
        <translation>Verbatim and evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="259"/>
        <source>KWIC（検索語の前後）</source>
        <translation>KWIC (context of the search term)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="294"/>
        <source>日付が読めません: {0}（例 2025-04-01）</source>
        <translation>Cannot read the date: {0} (e.g. 2025-04-01)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="301"/>
        <source>属性は 名前=値 の形で（例 年代=30代）</source>
        <translation>Write the attribute as name=value (e.g. 年代=30代)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="313"/>
        <source>{0:,}+ 件（数えています…）</source>
        <translation>{0:,}+ (counting…)</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="318"/>
        <source>{0:,} 件</source>
        <translation>{0:,} items</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="337"/>
        <source>根拠</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="342"/>
        <source>確からしさ</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="352"/>
        <source>&lt;p style=&apos;color:#777&apos;&gt;検索語を入れると、その前後の文脈を一覧します。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Enter a search term to list its contexts.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>counts</name>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="44"/>
        <source>回答</source>
        <translation>responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="44"/>
        <source>発言</source>
        <translation>verbatims</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="45"/>
        <source>無回答</source>
        <translation>non-answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="45"/>
        <source>チケット</source>
        <translation>tickets</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="46"/>
        <source>インタビュー</source>
        <translation>interviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="46"/>
        <source>新規顧客</source>
        <translation>new customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="47"/>
        <source>重複行</source>
        <translation>duplicate rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="47"/>
        <source>取り込み済み</source>
        <translation>already imported</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="48"/>
        <source>途中回答</source>
        <translation>partial responses</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="49"/>
        <source>重複送信</source>
        <translation>duplicate submissions</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="50"/>
        <source>顧客リストの行</source>
        <translation>customer list rows</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="50"/>
        <source>注文</source>
        <translation>orders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="51"/>
        <source>紹介</source>
        <translation>referrals</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="53"/>
        <source>手作業</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="53"/>
        <source>ルール</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="54"/>
        <source>トピック</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="55"/>
        <source>確定</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="55"/>
        <source>未確認</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/coding_view.py" line="56"/>
        <source>却下</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <location filename="../../voc_app/gui/views.py" line="38"/>
        <source>極性</source>
        <translation>Polarity</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/code_analysis.py" line="45"/>
        <location filename="../../voc_app/gui/models.py" line="71"/>
        <location filename="../../voc_app/gui/views.py" line="39"/>
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
        <location filename="../../voc_app/gui/models.py" line="69"/>
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
        <location filename="../../voc_app/gui/dialogs.py" line="31"/>
        <source>回答 ID</source>
        <translation>Response ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="31"/>
        <source>顧客 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="32"/>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <source>日時</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="32"/>
        <source>評価</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="33"/>
        <source>自由記述</source>
        <translation>Free text</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="33"/>
        <source>選択肢</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="34"/>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="35"/>
        <source>使わない</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="35"/>
        <source>メール</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="36"/>
        <source>登録日</source>
        <translation>Signed up</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="36"/>
        <source>最終利用日</source>
        <translation>Last active</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="37"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="37"/>
        <source>累計金額</source>
        <translation>Total spent</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="38"/>
        <source>累計回数</source>
        <translation>Total orders</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="38"/>
        <source>注文番号</source>
        <translation>Order ID</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="39"/>
        <source>顧客メール</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="39"/>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="40"/>
        <source>商品</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="40"/>
        <source>紹介者</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="41"/>
        <source>被紹介者</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/dialogs.py" line="41"/>
        <source>被紹介者メール</source>
        <translation>Referred e-mail</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="71"/>
        <source>発言</source>
        <translation>Verbatim</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="21"/>
        <source>インタビュー</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="20"/>
        <source>アンケート</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="20"/>
        <source>サポート</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="22"/>
        <source>喜び</source>
        <translation>Delight</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="22"/>
        <source>不満</source>
        <translation>Pain</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="23"/>
        <source>中立</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="23"/>
        <source>混在</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="24"/>
        <source>初回体験</source>
        <translation>First experience</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="24"/>
        <source>活用</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="25"/>
        <source>推奨</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="69"/>
        <source>設問・チャネル</source>
        <translation>Question / channel</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="70"/>
        <source>顧客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/models.py" line="71"/>
        <source>兆し</source>
        <translation>Signals</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="38"/>
        <source>解約の兆し</source>
        <translation>Churn signal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="39"/>
        <source>推奨・紹介</source>
        <translation>Advocacy / referral</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="40"/>
        <source>アンバサダー</source>
        <translation>Ambassador</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="40"/>
        <source>ロイヤル</source>
        <translation>Loyal</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="41"/>
        <source>解約リスク</source>
        <translation>Churn risk</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="41"/>
        <source>休眠</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="42"/>
        <source>不明</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="43"/>
        <source>確認済み</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="43"/>
        <source>対象外</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/views.py" line="44"/>
        <source>連絡済み</source>
        <translation>Contacted</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="102"/>
        <source>新しい回答を単語に分解</source>
        <translation>Tokenising new answers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="102"/>
        <source>単語に分解</source>
        <translation>Tokenising</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="103"/>
        <source>検索索引を更新しています</source>
        <translation>updating the search index</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="104"/>
        <source>顧客ごとの行動を集計しています</source>
        <translation>summarising behaviour per customer</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="104"/>
        <source>ルールを評価中</source>
        <translation>Evaluating rules</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="105"/>
        <source>自動コードを保存中</source>
        <translation>Saving auto-codes</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="105"/>
        <source>クラスタリングとラベル</source>
        <translation>Clustering and labels</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="106"/>
        <source>特徴量</source>
        <translation>Features</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="106"/>
        <source>代表的な声</source>
        <translation>Representative voices</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="107"/>
        <source>トピックを推定</source>
        <translation>Fit topics</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="107"/>
        <source>顧客を評価</source>
        <translation>Scoring customers</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="108"/>
        <source>一致率を計算</source>
        <translation>Compute agreement</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="108"/>
        <source>クロス集計</source>
        <translation>Cross-tab</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="109"/>
        <source>語を数えています</source>
        <translation>Counting words</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="109"/>
        <source>発言一覧</source>
        <translation>Verbatim list</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="110"/>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="110"/>
        <source>保存</source>
        <translation>Saving</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="110"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../voc_app/gui/i18n.py" line="111"/>
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
