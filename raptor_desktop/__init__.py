"""Raptor Desktop: an offline register of drug-dealing phone lines and DDTRO work."""

__version__ = "0.1.0"
