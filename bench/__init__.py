"""Benchmarks and their data generator (not run as tests; `make bench`)."""
