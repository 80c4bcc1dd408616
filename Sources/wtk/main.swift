import WirelessCommands
WTK.main()
