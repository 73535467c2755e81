//! Pointer gestures on the map: one pointer drags, two pointers pinch-zoom
//! and pan together, as on Leaflet and MapLibre touch maps.

use crate::viewport::View;

/// Screen position relative to the map's top-left corner.
pub type ScreenPoint = (f64, f64);

/// The pointers down on the map and the view when the gesture (re)started.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    /// `(pointer id, where it went down, where it is now)`.
    pointers: Vec<(i32, ScreenPoint, ScreenPoint)>,
    start: Option<View>,
}

impl Gesture {
    /// A pointer went down; the gesture restarts from the current view, so
    /// adding a second finger mid-drag does not jump.
    pub fn down(&mut self, id: i32, at: ScreenPoint, view: View) {
        self.pointers.retain(|(p, _, _)| *p != id);
        for (_, start, now) in &mut self.pointers {
            *start = *now;
        }
        self.pointers.push((id, at, at));
        self.start = Some(view);
    }

    /// A pointer went up or was cancelled; the others continue from `view`.
    pub fn up(&mut self, id: i32, view: View) {
        self.pointers.retain(|(p, _, _)| *p != id);
        for (_, start, now) in &mut self.pointers {
            *start = *now;
        }
        self.start = (!self.pointers.is_empty()).then_some(view);
    }

    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// How far the pointers have moved since the gesture started, in pixels.
    pub fn travel(&self) -> f64 {
        self.pointers
            .iter()
            .map(|(_, s, n)| crate::math::hypot(n.0 - s.0, n.1 - s.1))
            .fold(0.0, f64::max)
    }

    /// A pointer moved: the view the gesture implies, if it is one we track.
    pub fn moved(&mut self, id: i32, at: ScreenPoint, width: f64, height: f64) -> Option<View> {
        let start_view = self.start?;
        let entry = self.pointers.iter_mut().find(|(p, _, _)| *p == id)?;
        entry.2 = at;
        match self.pointers.as_slice() {
            [(_, s, n)] => Some(start_view.panned(n.0 - s.0, n.1 - s.1)),
            [(_, s1, n1), (_, s2, n2), ..] => {
                let d0 = crate::math::hypot(s1.0 - s2.0, s1.1 - s2.1).max(1.0);
                let d1 = crate::math::hypot(n1.0 - n2.0, n1.1 - n2.1).max(1.0);
                let m0 = ((s1.0 + s2.0) / 2.0, (s1.1 + s2.1) / 2.0);
                let m1 = ((n1.0 + n2.0) / 2.0, (n1.1 + n2.1) / 2.0);
                let zoomed =
                    start_view.zoomed_about(crate::math::log2(d1 / d0), m0.0, m0.1, width, height);
                Some(zoomed.panned(m1.0 - m0.0, m1.1 - m0.1))
            }
            [] => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: View = View {
        zoom: 8.0,
        lat: 44.0,
        lon: 146.5,
    };

    #[test]
    fn one_pointer_pans() {
        let mut g = Gesture::default();
        g.down(1, (100.0, 100.0), VIEW);
        let v = g.moved(1, (150.0, 100.0), 800.0, 600.0).expect("tracked");
        assert_eq!(v, VIEW.panned(50.0, 0.0));
        assert_eq!(g.travel(), 50.0);
    }

    #[test]
    fn spreading_two_fingers_to_twice_the_distance_zooms_in_one_level() {
        let mut g = Gesture::default();
        g.down(1, (300.0, 300.0), VIEW);
        g.down(2, (500.0, 300.0), VIEW);
        g.moved(1, (200.0, 300.0), 800.0, 600.0);
        let v = g.moved(2, (600.0, 300.0), 800.0, 600.0).expect("tracked");
        assert!((v.zoom - 9.0).abs() < 1e-9, "{v:?}");
        // The midpoint stayed put, so the point under it did too.
        let before = VIEW.transform(800.0, 600.0).invert(400.0, 300.0);
        let (x, y) = v.transform(800.0, 600.0).apply(before);
        assert!((x - 400.0).abs() < 1e-6 && (y - 300.0).abs() < 1e-6);
    }

    #[test]
    fn lifting_a_finger_continues_without_a_jump() {
        let mut g = Gesture::default();
        g.down(1, (300.0, 300.0), VIEW);
        g.down(2, (500.0, 300.0), VIEW);
        let pinched = g.moved(2, (700.0, 300.0), 800.0, 600.0).expect("tracked");
        g.up(2, pinched);
        assert_eq!(g.moved(1, (300.0, 300.0), 800.0, 600.0), Some(pinched));
        g.up(1, pinched);
        assert!(!g.active());
        assert_eq!(g.moved(1, (0.0, 0.0), 800.0, 600.0), None);
    }
}
