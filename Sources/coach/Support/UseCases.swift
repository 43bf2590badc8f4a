// The use-case layer the command line shares with `coach serve`: every command file sees it.
@_exported import CoachApp
