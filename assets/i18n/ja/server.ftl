# サーバーの文言：ページのタイトルと説明（server/src/page.rs）、リンクの
# プレビュー画像と最初の描画（model/src/og.rs）、見出しの注記
# （Islands::masthead_note、アプリと共通）。
server-site-name = Kuril Atlas
server-page-title = { $headline } · Kuril Atlas
server-headline-dispute = 千島列島（クリル諸島）・北方領土をめぐる問題
server-headline-date = 係争中の島々（{ $date }時点）
server-headline-island-date = { $island }（{ $date }時点）
server-headline-event = { $title }（{ $date }）
server-headline-deployment = { $unit }、{ $island }、{ $period }
# $precision は day、month、year。$year、$month、$day は日付。
server-period-since = { $precision ->
    [day] { date-day }
    [month] { date-month }
   *[year] { date-year }
}から
# $from：期限つきの日付（「2020年12月までに」）。
server-period-there-by = { $from }配備
server-period-span = { $from }～{ $until }
server-description-default = 千島列島（クリル諸島）・北方領土をめぐる日本とロシアの問題をインタラクティブな地図で。両国の名称で示す島々、軍の配備、条約の境界線を、いずれも出典とともに
server-description-deployment = { $headline }：千島列島（クリル諸島）・北方領土をめぐる問題における軍の配備。経緯と出典をインタラクティブな地図で
server-description-event = { $headline }：千島列島（クリル諸島）・北方領土をめぐる問題の出来事。経緯と出典をインタラクティブな地図で
# $island：リンクの名称による島名。$names：日本語とロシア語の名称（それぞれの文字で）。
server-description-island-japan = { $island }（{ $names }）：日本が管轄。配備の歴史を出典とともに
server-description-island-soviet = { $island }（{ $names }）：ソ連が管轄し、日本が領有権を主張。配備の歴史を出典とともに
server-description-island-russia = { $island }（{ $names }）：ロシアが管轄し、日本が領有権を主張している。配備の歴史を出典とともに
server-description-as-of = { $text }（{ $date }時点）。
server-description-end = { $text }。
server-map-loading = 係争中の島々の地図（読み込み中）
