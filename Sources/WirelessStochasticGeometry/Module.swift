// WirelessStochasticGeometry: implementation lands with its issue.
