#!/usr/bin/env python3
"""The loopback origin the device transport tests talk to (started by .ci/device-tests.py, stopped after them).

    origin.py PKI_DIR HTTP_PORT HTTPS_PORT OTHER_ROOT_PORT

HTTP/1.1 on 127.0.0.1, persistent connections, one thread per connection. Three listeners: plain http; https with
PKI_DIR/chain.pem (leaf for localhost + intermediate, under root.pem); https with a leaf for localhost under another
root. Resources (every response but /close keeps the connection):
  /etag          200 with ETag "v1" and max-age=0; If-None-Match "v1" gets a 304 with no body
  /config        like /etag with a 2,048-byte JSON body (the device benchmark's config)
  /close         200 with Connection: close, then the server closes
  /idle-close    200, then the server closes the connection 200 ms later if no request came
  /chunked       200 with a chunked body of 5 chunks
  /big           20,000 bytes (strong ETag, Accept-Ranges); the first request without Range is cut after 6,000
                 bytes of body; a Range request gets a 206 with the rest
  /stats         "connections=N" accepted on this listener so far (N counts this request's connection)
  /reset-stats   sets the counters to 0
"""
import socket
import ssl
import sys
import threading
import time

BIG = bytes((i * 7 + 3) % 251 for i in range(20000))
counters = {}
lock = threading.Lock()
big_cut = {"done": False}


def head(status, reason, fields):
    lines = ["HTTP/1.1 %d %s" % (status, reason)] + ["%s: %s" % f for f in fields]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def read_request(conn, buffered):
    while b"\r\n\r\n" not in buffered:
        chunk = conn.recv(4096)
        if not chunk:
            return None, b""
        buffered += chunk
    end = buffered.index(b"\r\n\r\n") + 4
    text = buffered[:end].decode("latin-1")
    lines = text.split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    fields = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            fields[name.strip().lower()] = value.strip()
    length = int(fields.get("content-length", "0"))
    body = buffered[end:end + length]
    rest = buffered[end + length:]
    while len(body) < length:
        body += conn.recv(length - len(body))
    return (method, target, fields), rest


def serve(conn, name):
    buffered = b""
    conn.settimeout(10)
    idle_close = False
    try:
        while True:
            if idle_close:
                conn.settimeout(0.2)
            try:
                request, buffered = read_request(conn, buffered)
            except socket.timeout:
                return
            if request is None:
                return
            conn.settimeout(10)
            idle_close = False
            method, target, fields = request
            path = target.split("?")[0]
            body = b""
            if path in ("/etag", "/config"):
                if fields.get("if-none-match") == '"v1"':
                    conn.sendall(head(304, "Not Modified", [("ETag", '"v1"'), ("Cache-Control", "max-age=0")]))
                    continue
                padding = 64 if path == "/etag" else 2048 - 28
                body = b'{"config":"v1","padding":"' + b"x" * padding + b'"}'
                conn.sendall(head(200, "OK", [("ETag", '"v1"'), ("Cache-Control", "max-age=0"), ("Content-Type", "application/json"), ("Content-Length", str(len(body)))]) + body)
            elif path == "/close":
                body = b"closing"
                conn.sendall(head(200, "OK", [("Connection", "close"), ("Content-Length", str(len(body)))]) + body)
                return
            elif path == "/idle-close":
                body = b"idle"
                conn.sendall(head(200, "OK", [("Cache-Control", "no-store"), ("Content-Length", str(len(body)))]) + body)
                idle_close = True
            elif path == "/chunked":
                conn.sendall(head(200, "OK", [("Transfer-Encoding", "chunked"), ("Cache-Control", "no-store")]))
                for i in range(5):
                    piece = ("part%d;" % i).encode("ascii")
                    conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                conn.sendall(b"0\r\n\r\n")
            elif path == "/big":
                rng = fields.get("range")
                common = [("ETag", '"big-1"'), ("Accept-Ranges", "bytes"), ("Cache-Control", "max-age=600")]
                if rng and rng.startswith("bytes=") and rng.endswith("-"):
                    first = int(rng[6:-1])
                    part = BIG[first:]
                    conn.sendall(head(206, "Partial Content", common + [("Content-Range", "bytes %d-%d/%d" % (first, len(BIG) - 1, len(BIG))), ("Content-Length", str(len(part)))]) + part)
                else:
                    conn.sendall(head(200, "OK", common + [("Content-Length", str(len(BIG)))]))
                    with lock:
                        cut = not big_cut["done"]
                        big_cut["done"] = True
                    if cut:
                        conn.sendall(BIG[:6000])
                        time.sleep(0.05)
                        return
                    conn.sendall(BIG)
            elif path == "/stats":
                with lock:
                    body = ("connections=%d" % counters.get(name, 0)).encode("ascii")
                conn.sendall(head(200, "OK", [("Cache-Control", "no-store"), ("Content-Length", str(len(body)))]) + body)
            elif path == "/reset-stats":
                with lock:
                    for key in list(counters):
                        counters[key] = 0
                    big_cut["done"] = False
                conn.sendall(head(204, "No Content", []))
            else:
                conn.sendall(head(404, "Not Found", [("Content-Length", "0")]))
    except (OSError, ssl.SSLError):
        return
    finally:
        try:
            conn.close()
        except OSError:
            pass


def listen(port, name, context):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(16)

    def accept_loop():
        while True:
            conn, _ = server.accept()
            with lock:
                counters[name] = counters.get(name, 0) + 1

            def handle(c=conn):
                if context is not None:
                    try:
                        c.settimeout(10)
                        c = context.wrap_socket(c, server_side=True)
                    except (OSError, ssl.SSLError):
                        c.close()
                        return
                serve(c, name)
            threading.Thread(target=handle, daemon=True).start()
    threading.Thread(target=accept_loop, daemon=True).start()


def tls(chain, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(chain, key)
    return context


def main():
    pki, http_port, https_port, other_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    listen(http_port, "http", None)
    listen(https_port, "https", tls(pki + "/chain.pem", pki + "/leaf.key"))
    listen(other_port, "other", tls(pki + "/other-chain.pem", pki + "/other-leaf.key"))
    print("origin ready", flush=True)
    deadline = time.time() + 1800  # never outlives a CI run
    while time.time() < deadline:
        time.sleep(1)


if __name__ == "__main__":
    main()
