#!/usr/bin/env python3
"""PLAIN on the same input on both sides: ours (`wtk isac estimate --input`) and the numpy peer.

Draws realisations of the default scenario with the peer's own generator (`draw_realization`, trial
streams [seed, t] as the peer's RMSE runs use), saves each tensor as .npy, estimates it with the peer's
`plain_estimate` and with `wtk isac estimate --input FILE --path-count 6`, and prints the largest
difference of the (sorted) paired estimates. Equal estimates on equal inputs mean the two pipelines are
the same estimator, so any RMSE difference between runs on different draws is sampling.

Usage (from the project root, after `swift build`):
    python3 Benchmarks/scripts/plain_same_input.py .build/debug/wtk --trials 5 --snr-db 0
"""

import argparse
import csv
import glob
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "peers"))
import plain_numpy as peer  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wtk", help="path of the wtk executable")
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--snr-db", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    scn = peer.Scenario()
    worst = np.zeros(3)
    with tempfile.TemporaryDirectory() as tmp:
        for t in range(args.trials):
            h, _, _ = peer.draw_realization(scn, args.snr_db, np.random.default_rng([args.seed, t]))
            path = os.path.join(tmp, f"h{t}.npy")
            np.save(path, h)
            est = peer.plain_estimate(h, scn, scn.n_paths, (1, 4, 14))
            out = os.path.join(tmp, f"out{t}")
            subprocess.run([args.wtk, "isac", "estimate", "--input", path, "--path-count", "6", "--out-dir", out],
                           check=True, capture_output=True)
            table = [f for f in glob.glob(os.path.join(out, "*.csv")) if "mode-orders" not in f][0]
            ours = np.array(sorted((float(r["angle_deg"]), float(r["distance_m"]), float(r["velocity_mps"]))
                                   for r in csv.DictReader(open(table))))
            theirs = np.array(sorted(zip(est.theta_deg, est.dist_m, est.vel_mps)))
            if ours.shape != theirs.shape:
                print(f"trial {t}: different path counts, ours {len(ours)}, peer {len(theirs)}")
                continue
            diff = np.abs(ours - theirs).max(axis=0)
            worst = np.maximum(worst, diff)
            print(f"trial {t}: orders (peer) {est.orders}; max |ours - peer|: angle {diff[0]:.1e} deg, "
                  f"distance {diff[1]:.1e} m, velocity {diff[2]:.1e} m/s")
    print(f"RESULT same input, {args.trials} trials at {args.snr_db:g} dB: max |ours - peer| angle {worst[0]:.1e} deg, "
          f"distance {worst[1]:.1e} m, velocity {worst[2]:.1e} m/s")


if __name__ == "__main__":
    sys.exit(main())
