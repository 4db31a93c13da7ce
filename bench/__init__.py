"""Benchmarks and their data generators (run by `make bench`, never as tests)."""
