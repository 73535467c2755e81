//! The transcendental functions the model uses (projection, zoom, distances),
//! in one place so that the app can take them from the browser.
//!
//! With the `js-math` feature on wasm they are JavaScript's `Math.*`
//! (imports through `js-sys`), not Rust's libm compiled into the module:
//! that took the app's compressed wasm from 200,403 to 194,768 B
//! (bench/README.md, "Wasm size"). Everywhere else (the server, tests,
//! xtask) they are the standard library's. Both are correctly rounded to
//! within an ulp, far below the hundredths of a pixel the map draws in.
//!
//! ```
//! assert!((model::math::hypot(3.0, 4.0) - 5.0).abs() < 1e-12);
//! ```

#[cfg(all(feature = "js-math", target_arch = "wasm32"))]
mod imp {
    use js_sys::Math;
    pub fn sin(x: f64) -> f64 {
        Math::sin(x)
    }
    pub fn cos(x: f64) -> f64 {
        Math::cos(x)
    }
    pub fn tan(x: f64) -> f64 {
        Math::tan(x)
    }
    pub fn asin(x: f64) -> f64 {
        Math::asin(x)
    }
    pub fn atan(x: f64) -> f64 {
        Math::atan(x)
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        Math::atan2(y, x)
    }
    pub fn sinh(x: f64) -> f64 {
        Math::sinh(x)
    }
    pub fn exp(x: f64) -> f64 {
        Math::exp(x)
    }
    pub fn ln(x: f64) -> f64 {
        Math::log(x)
    }
    pub fn log2(x: f64) -> f64 {
        Math::log2(x)
    }
    pub fn log10(x: f64) -> f64 {
        Math::log10(x)
    }
    pub fn powf(x: f64, y: f64) -> f64 {
        Math::pow(x, y)
    }
    pub fn hypot(x: f64, y: f64) -> f64 {
        Math::hypot(x, y)
    }
}

#[cfg(not(all(feature = "js-math", target_arch = "wasm32")))]
mod imp {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn tan(x: f64) -> f64 {
        x.tan()
    }
    pub fn asin(x: f64) -> f64 {
        x.asin()
    }
    pub fn atan(x: f64) -> f64 {
        x.atan()
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    pub fn sinh(x: f64) -> f64 {
        x.sinh()
    }
    pub fn exp(x: f64) -> f64 {
        x.exp()
    }
    pub fn ln(x: f64) -> f64 {
        x.ln()
    }
    pub fn log2(x: f64) -> f64 {
        x.log2()
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
    pub fn powf(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
    pub fn hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }
}

pub use imp::{asin, atan, atan2, cos, exp, hypot, ln, log2, log10, powf, sin, sinh, tan};
