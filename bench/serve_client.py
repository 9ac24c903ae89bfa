#!/usr/bin/env python3
"""Measures the time from saving a page to the live-reload event of `toolkit serve`.

Usage: serve_client.py URL PAGE [--rounds N]

URL is the server's root (http://127.0.0.1:PORT); PAGE a Markdown file of the served site. Each
round appends a line to PAGE (a save), then waits for the next `reload` event on
/__toolkit/events, and prints the time between the two. Standard library only.
"""

import argparse
import http.client
import statistics
import sys
import threading
import time
import urllib.parse


def events(url, on_event, ready):
    u = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    conn.request("GET", "/__toolkit/events")
    resp = conn.getresponse()
    name = None
    while True:
        line = resp.fp.readline()
        if not line:
            return
        line = line.decode().rstrip("\r\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line == "" and name:
            if name == "hello":
                ready.set()
            on_event(name, time.perf_counter())
            name = None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("page")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()

    got = {}
    cond = threading.Condition()

    def on_event(name, t):
        with cond:
            got.setdefault(name, []).append(t)
            cond.notify_all()

    ready = threading.Event()
    threading.Thread(target=events, args=(args.url, on_event, ready), daemon=True).start()
    if not ready.wait(10):
        sys.exit("no hello event from " + args.url)

    times = []
    for i in range(args.rounds):
        with cond:
            before = len(got.get("reload", []))
        with open(args.page, "a", encoding="utf-8") as f:
            f.write("\nA sentence added by the benchmark, round %d.\n" % i)
        saved = time.perf_counter()
        with cond:
            if not cond.wait_for(lambda: len(got.get("reload", [])) > before, timeout=30):
                sys.exit("no reload event after round %d" % i)
            t = got["reload"][before]
        times.append((t - saved) * 1000)
        time.sleep(0.3)
    times.sort()
    print("save -> reload event over %d saves: median %.0f ms, min %.0f ms, max %.0f ms"
          % (len(times), statistics.median(times), times[0], times[-1]))


if __name__ == "__main__":
    main()
