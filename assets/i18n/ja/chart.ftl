# 配備年表（model/src/chart.rs）：島のパネルと /deployments。
chart-name = 配備年表（{ $from }年～{ $to }年）：{ $count }件の配備
chart-today = 現在
chart-cursor = 地図の日付：{ $date }
chart-period = { $from }から{ $until }まで{ $status }
chart-bar = { $name }（{ $category }）：{ $periods }。出典付きのカードを開きます。
chart-overview-name = 4島に配備されていた部隊・装備の数（{ $from }年～{ $to }年、各年末、種類別の積み上げ）。最大{ $peak }件。
