//! Python's arithmetic on 64-bit ints and floats, evaluated at translation
//! time. Shared by the module-constant evaluator (parse) and constant
//! folding (backendopt) so both agree with the runtime bit for bit.
//!
//! Every function returns `None` where the operation would raise at run
//! time (division by zero, a negative int exponent, overflow when checked):
//! such operations are left for the generated code, which raises properly.

pub fn int_add(a: i64, b: i64, checked: bool) -> Option<i64> {
    if checked {
        a.checked_add(b)
    } else {
        Some(a.wrapping_add(b))
    }
}

pub fn int_sub(a: i64, b: i64, checked: bool) -> Option<i64> {
    if checked {
        a.checked_sub(b)
    } else {
        Some(a.wrapping_sub(b))
    }
}

pub fn int_mul(a: i64, b: i64, checked: bool) -> Option<i64> {
    if checked {
        a.checked_mul(b)
    } else {
        Some(a.wrapping_mul(b))
    }
}

pub fn int_neg(a: i64, checked: bool) -> Option<i64> {
    if checked {
        a.checked_neg()
    } else {
        Some(a.wrapping_neg())
    }
}

/// Floor division (rounds toward negative infinity).
pub fn int_floordiv(a: i64, b: i64, checked: bool) -> Option<i64> {
    if b == 0 || (checked && a == i64::MIN && b == -1) {
        return None;
    }
    let q = a.wrapping_div(b);
    if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Modulo with the sign of the divisor.
pub fn int_mod(a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

pub fn int_pow(base: i64, exp: i64, checked: bool) -> Option<i64> {
    if exp < 0 {
        return None;
    }
    let (mut result, mut b, mut e) = (1i64, base, exp);
    while e > 0 {
        if e & 1 == 1 {
            result = if checked {
                result.checked_mul(b)?
            } else {
                result.wrapping_mul(b)
            };
        }
        e >>= 1;
        if e > 0 {
            b = if checked {
                b.checked_mul(b)?
            } else {
                b.wrapping_mul(b)
            };
        }
    }
    Some(result)
}

/// `a << b`: a negative count raises; bits shifted past 64 are lost
/// (documented wrap-around), or overflow when checked.
pub fn int_lshift(a: i64, b: i64, checked: bool) -> Option<i64> {
    if b < 0 {
        return None;
    }
    if b >= 64 {
        return if checked && a != 0 { None } else { Some(0) };
    }
    let r = a.wrapping_shl(b as u32);
    if checked && (r >> b) != a {
        return None;
    }
    Some(r)
}

pub fn int_rshift(a: i64, b: i64) -> Option<i64> {
    if b < 0 {
        return None;
    }
    Some(a >> b.min(63))
}

pub fn float_mod(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let m = a % b;
    Some(if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    })
}

pub fn float_floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    }
    let _ = m;
    Some(if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    })
}

pub fn float_truediv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        None
    } else {
        Some(a / b)
    }
}

/// Python's comparison of an int with a float, exact even beyond 2**53.
pub fn int_float_cmp(i: i64, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f >= 9.223372036854775808e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223372036854775808e18 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i64;
    match i.cmp(&ti) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_follow_python() {
        assert_eq!(int_floordiv(-7, 2, false), Some(-4));
        assert_eq!(int_floordiv(7, -2, false), Some(-4));
        assert_eq!(int_floordiv(-7, -2, false), Some(3));
        assert_eq!(int_mod(-7, 2), Some(1));
        assert_eq!(int_mod(7, -2), Some(-1));
        assert_eq!(int_mod(7, 0), None);
        assert_eq!(int_floordiv(i64::MIN, -1, false), Some(i64::MIN));
        assert_eq!(int_floordiv(i64::MIN, -1, true), None);
        assert_eq!(float_mod(-7.5, 2.0), Some(0.5));
        assert_eq!(float_floordiv(7.5, -2.0), Some(-4.0));
        assert!(float_mod(6.0, -3.0).unwrap().is_sign_negative());
    }

    #[test]
    fn pow_and_shifts() {
        assert_eq!(int_pow(2, 62, true), Some(1 << 62));
        assert_eq!(int_pow(2, 63, true), None);
        assert_eq!(int_pow(-3, 3, false), Some(-27));
        assert_eq!(int_pow(0, 0, false), Some(1));
        assert_eq!(int_pow(2, -1, false), None);
        assert_eq!(int_lshift(1, 70, false), Some(0));
        assert_eq!(int_rshift(-1, 100), Some(-1));
    }

    #[test]
    fn int_float_comparison_is_exact() {
        use std::cmp::Ordering::*;
        assert_eq!(
            int_float_cmp(9007199254740993, 9007199254740992.0),
            Some(Greater)
        );
        assert_eq!(int_float_cmp(3, 3.5), Some(Less));
        assert_eq!(int_float_cmp(-3, -3.5), Some(Greater));
        assert_eq!(int_float_cmp(i64::MAX, 9.223372036854775807e18), Some(Less));
        assert_eq!(int_float_cmp(1, f64::NAN), None);
    }
}
