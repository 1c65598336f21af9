"""Loaded by the tests as `sitecustomize` in pubsift subprocesses (PYTHONPATH): any attempt to
open a network connection or resolve a name from Python is logged to $PUBSIFT_NETGUARD_LOG and
refused. (libxml2's own C-level HTTP client is checked separately with a listening socket.)"""
import os
import socket

_LOG = os.environ.get("PUBSIFT_NETGUARD_LOG")

if _LOG:
    def _refuse(what):
        def guard(*args, **kwargs):
            with open(_LOG, "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()} {what} {args[1:] if what.startswith('socket.') else args}\n")
            raise OSError(f"network access refused in tests ({what})")
        return guard

    socket.socket.connect = _refuse("socket.connect")
    socket.socket.connect_ex = _refuse("socket.connect_ex")
    socket.socket.sendto = _refuse("socket.sendto")
    socket.create_connection = _refuse("create_connection")
    socket.getaddrinfo = _refuse("getaddrinfo")
    socket.gethostbyname = _refuse("gethostbyname")
