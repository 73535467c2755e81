# The measure tool (model/src/measure.rs).
measure-distance = { $km } km（{ $nmi } 海里）
measure-known = よく知られた距離
measure-nearest = { $name }（最も近い地点）
measure-published = 公表値：{ $km } km
measure-button = 距離を測る
measure-hint = 地図上の2点をクリックするか、矢印キーで地図を動かし、Enterキーで十字の位置に点を置きます。Escapeキーで消去します。
measure-second = 1点目を置きました。2点目を置いてください。
measure-result = 距離：{ $distance }
overview-label = 広域図：北海道、サハリン、カムチャツカの間の本地図の範囲。現在の表示範囲を枠で示します。点をクリックするか矢印キーで地図をそこへ移動します。
overview-toggle = 広域図
