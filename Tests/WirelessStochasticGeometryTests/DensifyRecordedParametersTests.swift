import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// The blockage link keeps the values as given: its record prints the dB settings themselves (not their
/// round trip through linear units), and the network it builds has the noise −174 + 10·log10 B + F − P [dB].
@Test func blockageLinkRecordsItsSettingsAndBuildsTheNetwork() throws {
    let link = BlockageLinkSpecification(law: .ball, losRangeMeters: 200, losGainDB: -61.4, bandwidthHz: 1e8)
    #expect(
        link.recordedParameters == [
            "blockage": "ball", "los_range_m": "200.0", "los_gain_db": "-61.4", "nlos_gain_db": "-72.0",
            "los_exponent": "2.0", "nlos_exponent": "2.92", "tx_power_dbm": "30.0", "bandwidth_hz": "100000000.0",
            "noise_figure_db": "7.0",
        ])
    let network = try link.network()
    #expect(network.lineOfSight == .ball(radius: 200))
    // -174 + 80 + 7 - 30 = -117 dB; one ulp-scale tolerance for the dB → power conversion.
    let relativeTolerance = 1e-12
    #expect(abs(network.noise / Decibels.toPower(-117) - 1) < relativeTolerance)
    #expect(network.losIntercept == Decibels.toPower(-61.4))
}

/// A regimes run records its exponents comma-separated and the model's other settings.
@Test func regimesConfigurationRecordsItsSettings() {
    var configuration = DensifyRegimesStudy.Configuration(nearFieldExponents: [0, 2.5])
    configuration.thresholdDB = -3
    #expect(
        configuration.recordedParameters == [
            "alpha0": "0.0,2.5", "far_exponent": "4.0", "breakpoint": "1.0", "tail_index": "inf",
            "threshold_db": "-3.0",
        ])
}

/// A multi-tier run records its tiers one entry each (powers and biases in dB), the tier exponents only when a
/// tier has its own, and the common settings.
@Test func multiTierConfigurationRecordsItsSettings() throws {
    let tiers = [
        MultiTierNetwork.Tier(density: 1, transmitPower: 100), MultiTierNetwork.Tier(density: 10, transmitPower: 1),
    ]
    var configuration = MultiTierCoverageStudy.Configuration(
        network: try MultiTierNetwork(tiers: tiers, exponent: 4, noise: 0.5), thresholdsDB: [0])
    configuration.drops = 7
    #expect(
        configuration.recordedParameters == [
            "densities": "1.0,10.0", "powers_db": "20.0,0.0", "biases_db": "0.0,0.0", "exponent": "4.0",
            "noise": "0.5", "drops": "7",
        ])
    let ownExponent = [MultiTierNetwork.Tier(density: 1, transmitPower: 1, exponent: 3), tiers[1]]
    configuration.network = try MultiTierNetwork(tiers: ownExponent, exponent: 4)
    #expect(configuration.recordedParameters["tier_exponents"] == "3.0,4.0")
}

/// A sweep over a log-spaced grid records the grid as given (λ_min, λ_max, points per decade) beside its
/// thresholds, metrics and units; a sweep over a density list records no grid.
@Test func sweepConfigurationRecordsItsGrid() throws {
    let network = try DensificationScenario(
        pathGain: .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
    var configuration = try DensifySweepStudy.Configuration(
        scenario: network, densitiesFrom: 0.1, to: 100, perDecade: 2)
    #expect(configuration.densities == (try DensifyGrid.densities(from: 0.1, to: 100, perDecade: 2)))
    configuration.thresholdsDB = [-3, 0]
    configuration.metrics = [.coverage, .ase]
    configuration.monteCarlo = .off
    #expect(
        configuration.recordedParameters == [
            "threshold_db": "-3.0,0.0", "metrics": "coverage,ase", "rate_unit": "nats", "mc": "off",
            "density_unit": "unit-area", "lambda_min": "0.1", "lambda_max": "100.0", "per_decade": "2",
        ])
    let list = DensifySweepStudy.Configuration(scenario: network, densities: [1, 10])
    #expect(list.recordedParameters["lambda_min"] == nil && list.recordedParameters["per_decade"] == nil)
}
