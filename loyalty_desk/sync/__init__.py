"""The sync protocol shared by tills and the central server, and the till's transport."""
