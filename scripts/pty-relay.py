#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal, for tests and benchmarks that need a real terminal where
there is none (CI has no stdin and no tty).

  pty-relay.py [--cols N] [--rows N] -- CMD ARGS...
      Relays our stdin to the terminal and the terminal's output to our stdout; exits with the
      command's exit code (128 + N when a signal N ended it).
  pty-relay.py --until TEXT -- CMD ARGS...
      Prints to stderr the milliseconds from just before the command started until TEXT appeared
      on its terminal (colour codes ignored), then kills it.
  pty-relay.py --until-exit -- CMD ARGS...
      Prints the milliseconds until the command exited.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--until")
    parser.add_argument("--until-exit", action="store_true")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")

    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
        os.execvp(command[0], command)

    def elapsed():
        return (time.perf_counter() - started) * 1000

    wanted = args.until.encode() if args.until else None
    seen = b""
    stdin_open = wanted is None and not args.until_exit
    while True:
        readable = [fd] + ([0] if stdin_open else [])
        ready, _, _ = select.select(readable, [], [])
        if fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the command closed its terminal
                data = b""
            if not data:
                break
            if wanted is not None:
                seen += data
                if wanted in ANSI.sub(b"", seen):
                    sys.stderr.write(f"elapsed_ms={elapsed():.2f}\n")
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    return 0
            elif not args.until_exit:
                os.write(1, data)
        if 0 in ready:
            data = os.read(0, 65536)
            if data:
                os.write(fd, data)
            else:
                stdin_open = False
    _, status = os.waitpid(pid, 0)
    if args.until_exit:
        sys.stderr.write(f"elapsed_ms={elapsed():.2f}\n")
    if wanted is not None:
        sys.stderr.write("pattern not seen before the command exited\n")
        return 3
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
