"""Generated from ui/*.ui and resources/loyalty.qrc by `make forms`; do not edit."""
