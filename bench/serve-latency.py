#!/usr/bin/env python3
"""Measures `generator serve`: from saving a file to the new version being served.

Starts the published generator's `serve` on a copy of a content folder (and of the templates),
listens to the preview's server-sent events like an open browser tab does, then edits files and
times, for each edit, (1) the save until the reload event arrives and (2) the save until the page
the browser reloads has the new text. Prints every edit and the medians.

    serve-latency.py GENERATOR CONTENT TEMPLATES [--edits 20]
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

class Events:
    """Reads /__abc/events; remembers the time each version arrived."""
    def __init__(self, port):
        self.versions = {}
        self.cond = threading.Condition()
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__abc/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            now = time.perf_counter()
            buf += data
            for m in re.finditer(rb"event: version\ndata: (\d+)", buf):
                with self.cond:
                    self.versions.setdefault(int(m.group(1)), now)
                    self.cond.notify_all()
            buf = buf[-64:]

    def wait_after(self, version, timeout=60):
        with self.cond:
            end = time.perf_counter() + timeout
            while not any(v > version for v in self.versions):
                left = end - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("no reload event")
                self.cond.wait(left)
            v = min(v for v in self.versions if v > version)
            return v, self.versions[v]

    def latest(self):
        with self.cond:
            return max(self.versions) if self.versions else -1

def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=60) as r:
        return r.read().decode("utf-8")

def page_url(rel):
    rel = rel[:-3]
    return "" if rel == "_index" else (rel[:-len("/_index")] + "/" if rel.endswith("/_index") else rel + "/")

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("generator")
    ap.add_argument("content")
    ap.add_argument("templates")
    ap.add_argument("--edits", type=int, default=20)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="abc-serve-latency.")
    try:
        content, templates = os.path.join(work, "content"), os.path.join(work, "templates")
        shutil.copytree(a.content, content)
        shutil.copytree(a.templates, templates)
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        started = time.perf_counter()
        proc = subprocess.Popen([a.generator, "serve", "--content", content, "--templates", templates, "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            while True:
                try:
                    fetch(port, "")
                    break
                except OSError:
                    if proc.poll() is not None:
                        sys.exit("serve stopped: " + open(log.name).read())
                    time.sleep(0.1)
            print(f"serve ready after {time.perf_counter() - started:.1f} s")
            events = Events(port)
            events.wait_after(-1)
            stories = sorted(os.path.relpath(os.path.join(d, f), content) for d, _, fs in os.walk(os.path.join(content, "historier")) for f in fs if f.endswith(".md") and f != "_index.md")
            picks = [stories[i * len(stories) // a.edits] for i in range(a.edits)]

            def measure(label, path, url, edit, marker):
                version = events.latest()
                t0 = time.perf_counter()
                edit(path)
                _, t_event = events.wait_after(version)
                for _ in range(200):
                    if url is None or marker in fetch(port, url):
                        break
                    time.sleep(0.005)
                else:
                    raise RuntimeError(f"{url} never showed {marker}")
                t_page = time.perf_counter()
                return (t_event - t0) * 1000, (t_page - t0) * 1000

            def report(label, rows):
                for i, (e, p) in enumerate(rows):
                    print(f"  {label} {i + 1:2}: reload event {e:7.1f} ms, new page served {p:7.1f} ms")
                print(f"median {label}: reload event {statistics.median(r[0] for r in rows):.1f} ms, "
                      f"new page served {statistics.median(r[1] for r in rows):.1f} ms ({len(rows)} edits)")

            def append_body(marker):
                def edit(path):
                    with open(path, "a", encoding="utf-8") as f:
                        f.write(f"\n\nEndret i målingen: {marker}.\n")
                return edit

            rows = []
            for i, rel in enumerate(picks):
                marker = f"maaling{i}x{os.getpid()}"
                rows.append(measure("body edit", os.path.join(content, rel), page_url(rel), append_body(marker), marker))
                time.sleep(0.3)
            report("body edit", rows)

            def retitle(marker):
                def edit(path):
                    text = open(path, encoding="utf-8").read()
                    text = re.sub(r"^title: .*$", f"title: Ny tittel {marker}", text, count=1, flags=re.M)
                    open(path, "w", encoding="utf-8").write(text)
                return edit

            rows = []
            for i, rel in enumerate(picks[: max(3, a.edits // 4)]):
                marker = f"tittel{i}x{os.getpid()}"
                rows.append(measure("title edit", os.path.join(content, rel), page_url(rel), retitle(marker), marker))
                time.sleep(0.3)
            report("title edit", rows)

            layout = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(templates)) for f in sorted(fs) if f.endswith(".html"))
            rows = []
            for i in range(3):
                rows.append(measure("template edit", layout, None, lambda p: open(p, "a", encoding="utf-8").write(f"\n{{{{ # måling {i} }}}}\n"), None))
                time.sleep(0.3)
            report("template edit", rows)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
            print("serve's own log of the rebuilds:")
            for line in open(log.name, encoding="utf-8"):
                if " ms (" in line:
                    print("  " + line.rstrip())
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
