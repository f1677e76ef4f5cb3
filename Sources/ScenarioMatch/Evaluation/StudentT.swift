/// Student's t distribution with ν degrees of freedom, through the incomplete beta function:
///
///     P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2)
///
/// (Abramowitz & Stegun 26.7.1 with 26.5.27).
public enum StudentT {
    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = 0.5 * twoSidedPValue(t, degreesOfFreedom: nu)
        return t >= 0 ? 1 - tail : tail
    }

    /// P(|T| ≥ |t|).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0)
        if t.isInfinite { return 0 }
        return IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }
}
