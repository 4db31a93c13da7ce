"""Loyalty Desk: the loyalty counter of a retail chain, correct offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("loyalty-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
