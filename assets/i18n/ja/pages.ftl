# Atomフィード（model/src/feed.rs）と出来事のページ /events/{id}
# （server/src/event_page/）：サーバーで描画し、JavaScriptなしで読める。

## フィード
feed-title = Kuril Atlas：出来事
feed-title-island = Kuril Atlas：{ $island }の出来事
feed-subtitle = 千島列島（クリル諸島）・北方領土をめぐる問題の出来事。新しく追加・更新されたものから順に、いずれも出典とともに
feed-summary = { $date }。{ $summary }
feed-link = Kuril Atlas：追加・更新された出来事（Atom）
feed-link-island = Kuril Atlas：{ $island }の追加・更新された出来事（Atom）

## 出来事のページ
event-page-link = 出来事のページ（引用・共有用）
event-page-site = サイト
event-page-map = ← 地図に戻る
event-page-kind = 種類
event-page-when = 時期
event-page-span = { $from }〜{ $until }
event-page-where = 場所
event-page-islands = 島
event-page-confidence = 確度
event-page-list-separator = 、
event-page-translation = { record-quote-translation }：「{ $text }」
event-page-sources = 情報源
event-page-source-about = { $outlet }、{ $kind }、言語：{ $language }
event-page-source-published = { $date }公開
event-page-excerpts = 情報源からの引用
event-page-quoted-from = 出典：{ $source }
event-page-deployments = この出来事で確認される配備
event-page-deployment = { $unit }（{ $island }）：{ $status }
event-page-open-map = 地図で開く
event-page-nearby = 前後の出来事
event-page-previous = 前の出来事：{ $title }
event-page-next = 次の出来事：{ $title }
event-page-record = { $added }に掲載、最終更新は{ $updated }。
event-page-feed = 追加・更新された出来事をフィードで受け取る（Atom）
event-page-json = この記録のJSON
event-page-description = { $date }：{ $summary }
event-page-not-found-title = 出来事が見つかりません
event-page-not-found = このアドレスが示す出来事（「{ $id }」）は、この地図にはありません。
event-page-not-found-map = 地図ですべての出来事を見る
