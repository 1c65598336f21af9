"""Placeholder while being written."""
NAME = "nextjs_payload"


def detect(page):
    return 0.0


def parse(page):
    raise NotImplementedError
