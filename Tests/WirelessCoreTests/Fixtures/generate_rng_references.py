#!/usr/bin/env python3
"""Reference outputs used by RandomGeneratorTests: SplitMix64 from seed 0 and xoshiro256** from
state {1, 2, 3, 4}, transcribed from the published C reference code (prng.di.unimi.it)."""
M = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoshiro256starstar(s):
    s = list(s)
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


g = splitmix64(0)
print("splitmix64(0):", [hex(next(g)) for _ in range(3)])
x = xoshiro256starstar([1, 2, 3, 4])
print("xoshiro256** {1,2,3,4}:", [next(x) for _ in range(8)])
