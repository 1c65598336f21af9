"""pubsift: scraped researcher-profile pages in, clean deduplicated publication JSON out."""
__version__ = "0.1.0"
