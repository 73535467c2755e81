# 引用（model/src/citation.rs、/api/citation）、共有メニューの「この表示を引用」
# （app/src/controls.rs）、データ版を示すページのフッターとリンクトデータ
# （server/src/cite.rs）。

## 引用の書式（APA 第7版、シカゴ第17版）
cite-apa = { $author }（{ $year }）『{ $title }』（データ版 { $revision }）［データセット］。{ $accessed }閲覧、{ $url }
cite-apa-date = { $year }年{ $month }月{ $day }日
cite-chicago = { $author }「{ $title }」データセット、データ版 { $revision }。{ $author }、{ $year }年。{ $accessed }閲覧。{ $url }
cite-chicago-date = { $year }年{ $month }月{ $day }日
cite-note = データ版 { $revision }
cite-medium = インタラクティブ地図とデータセット

## 「この表示を引用」
cite-format = 引用の書式
cite-format-apa = APA
cite-format-chicago = シカゴ
cite-format-bibtex = BibTeX
cite-format-csl = CSL-JSON
cite-text = { $format }形式の引用
cite-loading = 引用を作成しています…
cite-failed = 引用を作成できませんでした：{ $detail }
cite-copy = { $format }をコピー

## ページのフッターとリンクトデータ
cite-footer = データ版 { $revision }
cite-footer-link = この版のデータ（JSON）
cite-keywords = 千島列島, クリル諸島, 北方領土, 北方四島, 日本, ロシア, 領土問題, 軍の配備, 地図
cite-map-name = 千島列島（クリル諸島）・北方領土をめぐる問題の地図

## ファクトチェックの評価（ClaimReview）
cite-rating-false = 誤り
cite-rating-mostly-false = 大部分が誤り
cite-rating-mixed = 正誤混在
cite-rating-mostly-true = 大部分が正確
cite-rating-true = 正確
