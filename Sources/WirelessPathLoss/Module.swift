// WirelessPathLoss: implementation lands with its issue.
