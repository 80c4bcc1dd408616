// WirelessISAC: implementation lands with its issue.
