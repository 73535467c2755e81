# 地図まわりの画面：ヘッダー、操作、凡例、共有、リンクの注意、地図、記号、年表、エラー。

## ヘッダー
shell-title = クリル・アトラス
shell-language = 言語
shell-read-article = 記事を読む
shell-loading-map = 地図を読み込んでいます…
shell-map-failed = 地図を読み込めませんでした：{ $error }
shell-try-again = 再試行
shell-skip-links = スキップリンク
shell-skip-map = 地図へ移動
shell-skip-timeline = 年表へ移動
shell-skip-panel = パネルへ移動
shell-skip-list = 島の一覧へ移動
shell-site-links = この地図について
shell-about = 領土問題について
shell-methodology = 出典の扱い方

## ヘッダーの注記：表示中の地名、地図の日付に島々を管轄していた国
shell-names-note-both = 地名：日本の呼称／ロシアの呼称。
shell-names-note-ja = 地名：日本の呼称のみ。
shell-names-note-ru = 地名：ロシアの呼称のみ。
shell-held-japan = この日付の時点で、島々は日本の施政下にありました。
shell-held-occupying = この日付の時点で、ソ連軍が島々を順次占領していました。
shell-held-soviet = この日付の時点で、島々はソ連が管轄し、日本が領有権を主張していました。
shell-held-russia = 島々は、ロシアが管轄し、日本が領有権を主張している地域です。
shell-masthead-note = { $names }{ $held }

## リンクの注意
shell-ignored-intro = このリンクの一部は無視されました。残りの部分を表示しています：
shell-ignored-item = { $parameter }：{ $reason }
shell-dismiss = この注意を閉じる
shell-reason-unknown-parameter = 不明なパラメーター
shell-reason-repeated = パラメーターが重複しています（最初のものを適用）
shell-reason-expected-view = ズーム/緯度/経度の形式ではありません
shell-reason-not-a-number = 数値ではありません
shell-reason-zoom-out-of-range = ズームが範囲外です
shell-reason-outside-map-area = 地図の範囲外です
shell-reason-invalid-id = 有効なIDではありません
shell-reason-expected-date = 日付はYYYY-MM-DDの形式で指定してください
shell-reason-invalid-date = 有効な日付ではありません
shell-reason-outside-timeline = 年表の範囲外です（1855年以降）
shell-reason-expected-excerpt = 抜粋の番号は1以上で指定してください
shell-reason-unknown-layer = 不明なレイヤー
shell-reason-no-known-layer = 既知のレイヤーがありません
shell-reason-expected-names = ja、ru、bothのいずれかを指定してください
shell-reason-expected-lang = en、ja、ruのいずれかを指定してください
shell-reason-expected-embed = 1または0を指定してください
shell-reason-needs-article = 記事の指定が必要です
shell-reason-future = { $date }は未来の日付です。地図には今日（{ $today }）を表示しています
shell-reason-no-article = 「{ $id }」という記事はありません
shell-reason-no-excerpt = 抜粋{ $number }はありません。この記事の抜粋は{ $count ->
    [0] ありません
   *[other] { $count }件です
}

## 操作
shell-options = 地図の設定
shell-layers-toggle = 地図の表示項目と凡例
shell-names = 地名
shell-names-both = 両方
shell-names-ja = 日本の呼称
shell-names-ru = ロシアの呼称
shell-layers = 表示項目
shell-layer-islands = 島名
shell-layer-lines = 条約線・主張線
shell-layer-places = 地点
shell-layer-deployments = 配備
shell-layer-events = 出来事
shell-island-list = 島の一覧

## 凡例
shell-legend = 凡例
shell-symbols = 地図の記号
shell-category-missile = 地対艦ミサイル
shell-category-air-defence = 防空
shell-category-aircraft = 航空機
shell-category-ground = 地上部隊
shell-category-border = 国境警備
shell-category-infrastructure = インフラ
shell-legend-approximate = 破線：位置が公表されていないもの（島の上に表示）
shell-legend-event = ひし形：地図の日付までの1年間の出来事
shell-legend-japanese = 淡い色・破線の島：地図の日付の時点で日本の施政下にあった島（1945年の上陸以前）。

## 共有と埋め込み
shell-copy-link = リンクをコピー
shell-cite = この表示を引用
shell-embed = 埋め込み
shell-link-copied = リンクをコピーしました
shell-citation-copied = 引用をコピーしました
shell-embed-copied = 埋め込みコードをコピーしました
shell-copy-blocked = ここではコピーできません。下のテキストを選択してコピーしてください。
shell-embed-code = 埋め込みコード
shell-copy-embed = 埋め込みコードをコピー
shell-iframe-title = クリル・アトラス：千島列島（クリル諸島）・北方領土問題の地図
shell-embed-date = 地図の日付：{ $date }
shell-open-full = クリル・アトラスで開く

## 地図
shell-map-label = 係争中の島々の地図。矢印キーで移動、プラスとマイナスで拡大・縮小、Tabキーで島から島へ移動します。
shell-zoom-in = 拡大
shell-zoom-out = 縮小
shell-ctrl-hint = 地図を拡大・縮小するには、Ctrlキーを押しながらスクロールしてください
shell-attribution = 海岸線：GSHHG（LGPL）· © OpenStreetMap contributors（ODbL）
shell-scale-km = { $distance } km
shell-scale-m = { $distance } m
shell-coords = 北緯{ $lat }° 東経{ $lon }° · ズーム{ $zoom }

## 記号と線（スクリーンリーダーの読み上げとツールチップ）
shell-line-title = { $name }（{ $since }{ $ended ->
    [yes] ～{ $until }
   *[no] から
}{ $schematic ->
    [yes] 、線の位置は模式的
   *[no] { "" }
}）
shell-site-name = { $unit }、{ $island }、{ $period }
shell-badge-name = { $island }の{ $category }：{ $count }か所（個別に表示）
shell-site-unpublished = { $name }、位置は公表されていません
shell-event-name = { $title }（{ $date }）
shell-period-since = { $precision ->
    [year] { $year }年
    [month] { date-month }
   *[day] { date-day }
}から
shell-period-there-by = { $date }配備
shell-period-range = { $from }～{ $until }

## 年表
shell-timeline = 年表
shell-play = 出来事を順に再生
shell-pause = 年表の再生を一時停止
shell-date-slider = 地図に表示する日付
shell-today-date = 今日（{ $date }）
shell-previous = 前の出来事
shell-previous-key = 前の出来事（キー：,）
shell-next = 次の出来事
shell-next-key = 次の出来事（キー：.）
shell-speed = 速度
shell-goto = 日付へ移動（YYYY、YYYY-MM、YYYY-MM-DD）
shell-goto-placeholder = YYYY-MM-DD
shell-today = 今日
shell-caption = { $when }：{ $title }
shell-caption-more = { $when }：{ $title }（ほか{ $more }件）
shell-played-to-end = 最後まで再生しました。地図には今日を表示しています。
shell-date-malformed = 日付はYYYY、YYYY-MM、YYYY-MM-DDの形式で入力してください（例：1956-10-19）。
shell-date-too-early = 年表は{ $start }から始まります。
shell-date-future = 年表は本日{ $today }までです。

## エラー
shell-error-unreachable = サーバーに接続できませんでした（{ $detail }）
shell-error-status = サーバーが{ $url }に対して{ $status }を返しました
shell-error-incomplete = { $url }の応答を最後まで受信できませんでした（{ $detail }）
shell-error-malformed = { $url }の応答の形式が正しくありません：{ $detail }
shell-error-map-data = 地図データの形式が正しくありません：{ $detail }
shell-error-overlays = 地点と線のデータの形式が正しくありません：{ $detail }
shell-error-mixed = アプリが2つの応答を取り違えました
