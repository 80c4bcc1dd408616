// WirelessLinearAlgebra: implementation lands with its issue.
