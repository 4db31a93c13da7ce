"""Entry of the bundled `loyalty-desk-gui` program: the desktop client (the shortcuts' target)."""

from loyalty_desk.cli_gui import gui_main

raise SystemExit(gui_main())
