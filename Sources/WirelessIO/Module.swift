// WirelessIO: implementation lands with its issue.
