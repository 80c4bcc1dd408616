// WirelessSpectrumNet: implementation lands with its issue.
