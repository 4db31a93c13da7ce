"""Entry of the bundled `loyalty-desk` program: the command line."""

from loyalty_desk.cli import main

raise SystemExit(main())
