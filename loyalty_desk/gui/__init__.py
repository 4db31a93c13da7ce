"""The desktop client (PySide6): controllers, models and widgets; imports services, never store."""
