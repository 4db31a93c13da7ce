"""The desktop client (PySide6): controllers, models and widgets over `services`."""
