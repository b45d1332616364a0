"""rasid (راصد): an offline Arabic news-intelligence engine."""

__version__ = "0.1.0"
