# 配備年表（model/src/chart.rs）：島のパネルと /deployments。
chart-name = 配備年表（{ $from }年～{ $to }年）：{ $count }件の配備
chart-today = 現在
chart-cursor = 地図の日付：{ $date }
chart-period = { $from }から{ $until }まで{ $status }
chart-bar = { $name }（{ $category }）：{ $periods }。出典付きのカードを開きます。
chart-overview-name = 4島に配備されていた部隊・装備の数（{ $from }年～{ $to }年、各年末、種類別の積み上げ）。最大{ $peak }件。
chart-page-title = 係争中の島々への配備（1945年～現在）
chart-page-lede = 係争中の4島に軍と国境警備隊が置いてきたもの（出典が示す時期による）。上は各年末に配備されていた数を種類別に、下は島ごとの個々の配備を示す。各バーから出典付きで地図上の配備を開けます。
chart-page-islands = 島ごと
chart-page-table = 年ごとの数
chart-page-year = 年
chart-key-status = バー：塗りつぶしは稼働中、淡色は報道のみ、枠線のみは計画。
chart-heading = 配備の推移
chart-page-link = 全島の配備
