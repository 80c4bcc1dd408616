#!/usr/bin/env python3
"""Generates the NPY fixtures read by NPYArrayTests.swift. Run from this folder: python3 make_npy_fixtures.py

Every array holds, at C-order linear index c, the value  c + 1j*(100 + 0.5*c)  (real part only for float64),
so the Swift test computes the expected elements from the index alone. Fortran-order files hold the same
logical array stored column-major (np.asfortranarray), so they must read back identically.
"""
import numpy as np

def logical(shape, dtype):
    n = int(np.prod(shape))
    c = np.arange(n, dtype=np.float64)
    values = c + 1j * (100 + 0.5 * c)
    if np.dtype(dtype).kind == "f":
        values = c
    return values.astype(dtype).reshape(shape)

fixtures = [
    ("c16_c_2x3.npy", (2, 3), "<c16", "C", (1, 0)),
    ("c16_f_2x3.npy", (2, 3), "<c16", "F", (1, 0)),
    ("c8_c_3x2x2.npy", (3, 2, 2), "<c8", "C", (1, 0)),
    ("c8_f_3x2x2.npy", (3, 2, 2), "<c8", "F", (1, 0)),
    ("f8_c_5.npy", (5,), "<f8", "C", (1, 0)),
    ("f8_f_2x3x2.npy", (2, 3, 2), "<f8", "F", (1, 0)),
    ("c16_c_4_v2.npy", (4,), "<c16", "C", (2, 0)),
    ("c16_c_scalar.npy", (), "<c16", "C", (1, 0)),
]

for name, shape, dtype, order, version in fixtures:
    array = logical(shape, dtype)
    if order == "F":
        array = np.asfortranarray(array)  # (np.ascontiguousarray would turn a 0-d array into 1-d)
    with open(name, "wb") as f:
        np.lib.format.write_array(f, array, version=version, allow_pickle=False)
    print(name, array.dtype, array.shape, "F" if array.flags.f_contiguous and array.ndim > 1 else "C", version)
