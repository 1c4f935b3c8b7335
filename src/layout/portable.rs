//! Maths that gives the same bits on every machine. `f32::ln` calls the
//! platform's maths library, whose last bits differ between systems; the
//! layout must not, so it uses only IEEE-exact operations (+, -, *, /, sqrt).

/// `ln(1 + x)` for `x >= 0`, to about 1e-9 relative error, computed in f64
/// from the exponent bits and an atanh series.
pub fn ln_1p(x: f32) -> f32 {
    let y = 1.0 + f64::from(x.max(0.0));
    if !y.is_finite() {
        return f32::MAX;
    }
    let bits = y.to_bits();
    let mut exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    // Mantissa in [1, 2), moved into [sqrt(1/2), sqrt(2)) for a short series.
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        exponent += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let series = s
        * (2.0
            + s2 * (2.0 / 3.0
                + s2 * (2.0 / 5.0 + s2 * (2.0 / 7.0 + s2 * (2.0 / 9.0 + s2 * (2.0 / 11.0))))));
    (exponent as f64 * std::f64::consts::LN_2 + series) as f32
}

#[cfg(test)]
mod tests {
    use super::ln_1p;

    #[test]
    fn matches_the_library_logarithm() {
        for &x in &[0.0f32, 1e-6, 0.3, 1.0, 2.5, 10.0, 123.4, 1e4, 3e7] {
            let want = x.ln_1p();
            let got = ln_1p(x);
            assert!(
                (got - want).abs() <= want.abs() * 1e-6 + 1e-7,
                "{x}: {got} vs {want}"
            );
        }
    }
}
