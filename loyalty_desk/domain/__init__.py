"""Pure rules and values of the loyalty counter: no Qt, no SQL, no I/O."""
