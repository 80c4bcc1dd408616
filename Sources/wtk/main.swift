import WirelessCommands

WTK.main()
