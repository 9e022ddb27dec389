"""The PySide6 window: a client of the store and core, holding no business rule of its own."""
