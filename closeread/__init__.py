"""closeread: a static-site media-literacy teaching kit."""

__version__ = "0.1.0"
