"""Application use cases: the only API the GUI, the CLI and the sync client call.

Every use case is one database transaction and returns either its result or a
`Refusal` (a business rule said no; nothing was written). Exceptions mean faults.
"""
