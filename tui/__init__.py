"""seonggwa: a record of what Korean local governments claim to have achieved."""

__version__ = "0.1.0"
