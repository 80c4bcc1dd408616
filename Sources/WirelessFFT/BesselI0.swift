/// Modified Bessel function of the first kind, order zero, by its power series.
///
///     I₀(x) = Σ_{k≥0} ((x/2)^k / k!)²
///
/// Every term is positive, so the sum is accurate to a few ulp; terms are added until they
/// fall below `ulp(sum)/2`. Number of terms ≈ e·|x|/2 + 10, fine for Kaiser windows (|x| ≲ 50);
/// overflows (returns +∞) past |x| ≈ 713 like I₀ itself (Abramowitz & Stegun 9.6.12).
func besselI0(_ x: Double) -> Double {
    let halfX = x / 2
    let quarterX2 = halfX * halfX
    var sum = 1.0
    var term = 1.0
    var k = 1.0
    while true {
        term *= quarterX2 / (k * k)
        let previous = sum
        sum += term
        if sum == previous || !sum.isFinite { break }
        k += 1
    }
    return sum
}
