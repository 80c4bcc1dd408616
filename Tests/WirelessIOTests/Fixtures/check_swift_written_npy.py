#!/usr/bin/env python3
"""One-off check that NumPy loads NPY files written by WirelessIO (not run by the test suite).

    WTK_NPY_EXPORT_DIR=/tmp/npycheck swift test --filter NPYArrayTests/exportForNumpyCheck
    python3 Tests/WirelessIOTests/Fixtures/check_swift_written_npy.py /tmp/npycheck

Each exported array holds c + 1j*(100 + 0.5*c) at C-order index c (real part only for float64).
"""
import glob, os, sys
import numpy as np

folder = sys.argv[1]
files = sorted(glob.glob(os.path.join(folder, "swift_*.npy")))
assert files, "no exported files found"
for path in files:
    array = np.load(path, allow_pickle=False)
    c = np.arange(array.size, dtype=np.float64)
    expected = c if array.dtype.kind == "f" else c + 1j * (100 + 0.5 * c)
    ok = np.array_equal(array.reshape(-1, order="C"), expected)
    fortran = array.flags.f_contiguous and not array.flags.c_contiguous
    print(f"{os.path.basename(path)}: dtype={array.dtype} shape={array.shape} fortran={fortran} values_ok={ok}")
    assert ok, path
print(f"all {len(files)} files load in NumPy {np.__version__} with the expected values")
