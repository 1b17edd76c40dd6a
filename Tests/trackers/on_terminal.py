#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal (its standard input, output and error, as a person's
terminal would be) and prints everything it wrote there, carriage returns and escapes kept.
Exits with the command's status.

usage: on_terminal.py PROGRAM [ARGUMENT...]
"""
import os, pty, sys

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
written = bytearray()
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:  # EIO once the command has closed the terminal
        break
    if not data:
        break
    written += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(bytes(written))
sys.exit(os.waitstatus_to_exitcode(status))
