"""Root conftest: GUI tests run offscreen; PIN hashing is cheap under test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LOYALTY_DESK_LANG", "en")
