# 地図の日付と別の日付の対照（app/src/compare.rs）：年表の操作、変化の一覧、地図上の印の凡例。

## 年表の操作
compare-with = 別の日付との違い…
compare-comparing = { $date }との違いを表示中
compare-stop = 違いの表示をやめる
compare-field = 地図の日付との違いを見る日付（YYYY、YYYY-MM、YYYY-MM-DD）

## 変化の一覧
compare-title = { $from }から{ $to }までの変化
compare-none = この期間に新たな配備、撤収、状況の変化はありません。
compare-added = 新たな配備（{ $count }件）
compare-withdrawn = 撤収（{ $count }件）
compare-changed = 状況の変化（{ $count }件）
compare-status = { $from } → { $to }
compare-status-none = なし

## 地図上の印の凡例
compare-key = 地図上の変化の凡例
compare-key-added = 新たな配備：{ $to }にはあり、{ $from }にはない
compare-key-withdrawn = 撤収：{ $from }にはあり、{ $to }にはない（元の場所に表示）
compare-key-changed = 状況の変化：両方の日付にあり、状況が異なる
