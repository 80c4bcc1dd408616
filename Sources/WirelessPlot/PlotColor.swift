import Foundation

/// An opaque sRGB colour with 8-bit channels.
public struct PlotColor: Sendable, Equatable, Hashable, Codable {
    /// Red channel, 0...255.
    public var red: UInt8
    /// Green channel, 0...255.
    public var green: UInt8
    /// Blue channel, 0...255.
    public var blue: UInt8

    /// A colour from its 8-bit sRGB channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a 24-bit `0xRRGGBB` literal (values above 0xFFFFFF are masked).
    public init(rgb: UInt32) {
        self.init(
            red: UInt8((rgb >> 16) & 0xFF), green: UInt8((rgb >> 8) & 0xFF), blue: UInt8(rgb & 0xFF))
    }

    /// Lower-case `#rrggbb`, as written into SVG attributes.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0x0F)])
        }
        return text
    }

    /// WCAG / ITU-R BT.709 relative luminance of the linearised sRGB channels, 0...1.
    ///
    ///     C_lin = C/12.92                    if C ≤ 0.04045   (C = channel/255)
    ///           = ((C + 0.055)/1.055)^2.4    otherwise
    ///     Y = 0.2126·R_lin + 0.7152·G_lin + 0.0722·B_lin
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : Foundation.pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// CIE L* lightness (D65 white) of this colour, 0...100: perceptual brightness, used to
    /// check that colour maps are monotonic.
    ///
    ///     L* = 116·f(Y) − 16,  f(t) = t^(1/3) if t > (6/29)³ else t/(3·(6/29)²) + 4/29
    public var lightness: Double {
        let y = relativeLuminance
        let delta = 6.0 / 29.0
        let f = y > delta * delta * delta ? Foundation.cbrt(y) : y / (3 * delta * delta) + 4.0 / 29.0
        return 116 * f - 16
    }

    /// Linear interpolation in sRGB between `self` (t = 0) and `other` (t = 1), t clamped to 0...1.
    public func interpolated(to other: PlotColor, fraction t: Double) -> PlotColor {
        let s = t.isFinite ? min(max(t, 0), 1) : 0
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * s).rounded(.toNearestOrAwayFromZero))
        }
        return PlotColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }
}
