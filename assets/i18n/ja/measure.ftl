# The measure tool (model/src/measure.rs).
measure-distance = { $km } km（{ $nmi } 海里）
