//! A tiny seeded PRNG (splitmix64): initial positions must be the same on
//! every run and machine, so the generator is ours, not the platform's.

use serde::{Deserialize, Serialize};

/// splitmix64 (Steele, Lea and Flood): one u64 of state, good enough to
/// scatter points, and trivially reproducible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)` with 24 bits, exact in f32.
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }

    /// Uniform in `[0, n)`; `n` must be > 0.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A point uniform in the disc of `radius` around `center` (rejection
    /// sampling: no trigonometry, so no platform maths library).
    pub fn in_disc(&mut self, center: [f32; 2], radius: f32) -> [f32; 2] {
        loop {
            let x = self.next_f32() * 2.0 - 1.0;
            let y = self.next_f32() * 2.0 - 1.0;
            if x * x + y * y <= 1.0 {
                return [center[0] + x * radius, center[1] + y * radius];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_fixed() {
        // Reference values of splitmix64 for seed 1234567.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut r = SplitMix64::new(7);
        for _ in 0..1000 {
            let f = r.next_f32();
            assert!((0.0..1.0).contains(&f));
            assert!(r.below(5) < 5);
            let [x, y] = r.in_disc([10.0, -3.0], 2.0);
            assert!((x - 10.0).powi(2) + (y + 3.0).powi(2) <= 4.0 + 1e-4);
        }
    }
}
