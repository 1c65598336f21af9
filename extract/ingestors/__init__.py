"""One module per source format; the table is extract/registry.py."""
