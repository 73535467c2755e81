# 島のパネル、島の歴史、配備カード、記事リーダー（app/src/panel.rs、story.rs、
# deployment_card.rs、reader.rs）と、記録の種類の表示名（model/src/events/types.rs、
# model/src/islands.rs、model/src/story.rs）。

## 出来事の種類（EventKind）
kind-deployment = 配備
kind-withdrawal = 撤収
kind-exercise = 演習
kind-construction = 建設
kind-diplomacy = 外交
kind-treaty = 条約
kind-visit = 訪問
kind-occupation = 占領
kind-incident = 事案
kind-statement = 声明

## 配備の分類・状況、確度
category-coastal-missile = 地対艦ミサイル
category-air-defence = 防空
category-aircraft = 航空機
category-ground-forces = 地上部隊
category-border-guard = 国境警備
category-infrastructure = インフラ
status-reported = 報道・報告あり
status-active = 配備中
status-withdrawn = 撤収
status-planned = 計画
confidence-high = 高
confidence-medium = 中

## 情報源の種類（SourceKind）
source-kind-official = 公式
source-kind-intergovernmental = 国際機関
source-kind-wire = 通信社
source-kind-newspaper = 新聞
source-kind-broadcaster = 放送局
source-kind-research = 研究機関
source-kind-reference = 百科事典
source-kind-blog = ブログ
source-kind-aggregator = 転載サイト

## 引用への注記（AnnotationKind）
annotation-fact-check = ファクトチェック
annotation-context = 背景
annotation-translation = 翻訳について

## 島を管轄していた国（Administration）
admin-japan = 日本
admin-soviet-union = ソ連
admin-russia = ロシア
admin-by-japan = 日本が管轄
admin-by-soviet-union = ソ連が管轄
admin-by-russia = ロシアが管轄

## 読者の言語での記録
record-translation-note = 当プロジェクト（Kuril Atlas）による翻訳
record-quote-translation = 当プロジェクトによる翻訳

## 島のパネル
panel-unknown-island = このリンクの島（「{ $id }」）は地図にありません。
panel-unknown-event = このリンクの出来事（「{ $id }」）は地図にありません。
panel-dismiss = この通知を閉じる
panel-close-island = 島のパネルを閉じる
panel-close-event = 出来事を閉じる
panel-loading = 読み込んでいます…
panel-failed = このパネルを読み込めませんでした：{ $error }
panel-try-again = 再試行
panel-sources = 情報源
panel-read-in = { $outlet }で読む（引用{ $n }）
panel-japanese = 日本語
panel-russian = ロシア語
panel-group = 群島
panel-islands = 島々
panel-administered-on = 管轄（{ $date }時点）
panel-claimed-by = 領有権を主張
panel-positions = 両国の立場
panel-positions-link = 両国の立場（出典付き）
panel-positions-line = 日本：{ $japan } · ロシア：{ $russia }
panel-area = 面積（日本政府公表）
panel-area-value = { $area } km²
panel-area-source = { $publisher }（{ $year }年時点の面積）、出典：{ $url }
panel-population = 人口
panel-population-as-of = { $date }時点
panel-outline = 輪郭
panel-where = 場所：{ $place }
panel-confidence = 確度：{ $level }
panel-quotes = 引用

## 島の歴史
story-title = 歴史
story-show = 表示
story-all = すべて
strand-diplomacy = 条約・外交・声明
strand-visit = 訪問
strand-incident = 事案
strand-military = 軍事関連
strand-deployment-change = 配備の変化
story-period-until = { $end }年まで
story-period-onward = { $from }年以降
story-period-year = { $year }年
story-period-years = { $from }〜{ $to }年
story-period-all = 全期間
story-period-held = { $years }・{ $held }
story-count = { $period }（{ $count }件）
story-map-date = 地図の日付
story-none = この期間の記録は、当プロジェクトの情報源にはありません。
story-period-entries = この期間の記録を表示
story-sources = 情報源{ $count }件
story-excerpts = 引用あり

## 配備カード
card-unknown = このリンクの配備（「{ $id }」）は地図にありません。
card-close = 配備を閉じる
card-site-unpublished = { $island }（正確な場所は公表されていません）
card-where = 場所
card-when = 時期
card-confidence = 確度
card-status-over-time = 状況の推移
card-events = 出来事
card-whole-story = { $island }の歴史全体
card-since = { $from }から
card-there-by = { $from }には配備済み
card-range = { $from }〜{ $until }

## 記事リーダー
reader-label = 記事リーダー
reader-close = 記事を閉じる
reader-loading = 記事を読み込んでいます…
reader-failed = 記事を読み込めませんでした：{ $error }
reader-source-page = 元のページ
reader-hint = 印の付いた箇所は引用です。選ぶと注記が表示され、地図がその場所に移動します。
reader-notes-title = 引用{ $n }（全{ $total }件）への注記
reader-linked-events = 関連する出来事
reader-quotes-title = すべての情報源からの引用
reader-filter-island = 島
reader-filter-event = 出来事
reader-all = すべて
reader-quote-count = 引用{ $count }件
