# /about（両国政府の立場）と /methodology（出典の扱い方）：サーバーが描画するページ
# （server/src/about/）。JavaScriptなしで読める。タイトルとリンクは shell-about と
# shell-methodology、「← 地図に戻る」は event-page-map。$folder、$api、$readme、
# $licence はサーバーが書き込むマークアップ（コード名、リンク）。

## /about
about-lede = この地図で係争地として示す島々は、ロシアが管轄し、日本が領有権を主張しています。以下では、両国政府それぞれの立場を当プロジェクトの中立的な言葉でまとめ、各論点の根拠となる出典と、原文どおりに引用した短い発言を添えています。ロシア側の発言は、通信社・新聞・放送局が報じたものから引用しています。
about-translated = 両国の立場の原文は英語で書かれており、ここに掲載しているのは当プロジェクトによる翻訳です。発言は発せられた言語のまま引用し、当プロジェクトの翻訳を添えています。
about-position = { $government ->
    [japan] 日本の立場
   *[russia] ロシアの立場
}
about-arguments = 論拠
about-sources = 出典：
about-source-separator = ；
about-in-their-words = 当事者の言葉
about-said-by = — { $speaker }、{ $date }。
about-said-by-undated = — { $speaker }。
about-stated-by = 立場の主体：{ $name }
about-json = 同じデータのJSON：

## /methodology
methodology-lede = この地図の出来事、配備、島の基本情報、両国の立場は、すべて根拠となるページを出典として示しています。要約は当プロジェクト自身の言葉で書き、引用は短く原文どおりとし、読者の言語以外の引用には当プロジェクトの翻訳を添えています。
methodology-confidence = 確度
methodology-confidence-high = 出典のページが事実をはっきり述べている。確度「高」の記録には、政府、国際機関、通信社、新聞、放送局、研究機関のいずれかの出典が少なくとも一つあるか、互いに独立した二つの媒体の出典がある。
methodology-confidence-medium = 事実が推定によるもの、または弱い出典に基づくもの。その理由を記録の確度に関する注記で説明している。
methodology-kinds = 出典の種類
methodology-kinds-intro = 読者が重みを判断できるよう、各出典にはその種類を付けています。
methodology-kind-official = 政府、省庁、議会、軍
methodology-kind-intergovernmental = 国際機関
methodology-kind-wire = 通信社（共同通信、時事通信、タス通信、RIAノーボスチ、インタファクス、ロイター、AP、AFP）
methodology-kind-newspaper = 新聞
methodology-kind-broadcaster = ラジオ・テレビの放送局
methodology-kind-research = シンクタンク、大学、研究機関
methodology-kind-reference = 百科事典：上記の種類の出典と併せて引用する。百科事典に基づく数値には、その旨の注意書きを付ける
methodology-kind-blog = ブログ：上記の種類の出典と併せて引用する。ブログに基づく数値には、その旨の注意書きを付ける
methodology-kind-aggregator = 他者の報道のミラーや転載サイト：これだけに基づく記録はない
methodology-figures = 島の面積と人口には、公表元、時点、出典の種類を示しています。二次的な出典から取った数値には、その旨を記しています。
methodology-languages = 記録は英語で書き、当プロジェクトが日本語とロシア語に翻訳しています。地図、出来事のページ、そしてこれらのページでは、どの文章が翻訳かを示しています。引用は原文の言語のままです。
methodology-checks = 記録の検証方法
methodology-checks-text = データは、プロジェクトの { $folder } フォルダーにあるプレーンテキストのファイル（TOMLとGeoJSON）で、手作業で編集し、コードと同じようにレビューしています。サーバーは起動時にすべてのファイルを一度読み込んで検証し、問題があれば起動を拒否します。問題はいずれもファイル、行、フィールドを示して報告されます。検証では特に、すべての日付が実在する日付であり、出典が許す精度でのみ書かれていること、すべての出典が媒体名・言語・種類を備えたhttp(s)のリンクであること、確度「中」の記録がその理由を述べていること、記録が既知の島と地点だけを挙げていること、既知のミラーサイトやコンテンツファームが拒否されること、すべての記録が英語・日本語・ロシア語でそろっていること、各島の名称と公式面積が描画された海岸線と一致することを確かめています。両国政府の立場はそれぞれ一度だけ記述し、各論拠にはブログ、百科事典、ミラーだけではない出典を付け、各発言には他の言語への翻訳を付けなければなりません。
methodology-evidence = 現在の根拠の状況
methodology-evidence-text = 出来事は{ $events }件。そのうち{ $two }件（{ $two-percent }%）が互いに独立した二つ以上の媒体を出典とし、{ $single }件（{ $single-percent }%）が一つの媒体のみに基づき、{ $weak }件（{ $weak-percent }%）が百科事典、ブログ、ミラーのみに基づいています。出典の種類別の内訳：
methodology-report = 誤りの報告方法
methodology-report-text = プロジェクトのリポジトリのイシュートラッカーで、メンテナーにお知らせください。プロジェクトは、まだ別の連絡先を公開していません。記録（地図のリンクと{ $api }に示されるID）、誤っている点、それを示す出典をお書きください。訂正はデータファイルで行い、同じ検証プログラムで確認します。
methodology-api = JSON API
methodology-licences = データのライセンス
methodology-licence-coasts = 海岸線：GSHHG（LGPL-3.0-or-later）と © OpenStreetMap contributors（ODbL 1.0）。地物ごとに異なります。
methodology-licence-lines = 1855年の条約による国境、日本の主張の範囲、1945年の管轄線：LGPL-3.0-or-later（1945年の線はGSHHGの海岸線から算出）。
methodology-licence-ours = 地点、島の基本情報、出来事、両国の立場、当プロジェクトの要約と翻訳：MIT OR Apache-2.0（当プロジェクトによる編集物。すべての事実に出典を示しており、引用した文章にはその出典自身の条件が適用されます）。
methodology-licence-details = ファイルごとの詳細は、プロジェクトの { $readme } と { $licence } にあります。
