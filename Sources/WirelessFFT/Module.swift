// WirelessFFT: implementation lands with its issue.
